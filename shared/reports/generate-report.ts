/**
 * Writes MediasFlow report files to the spec (§4.1 name, §5/§7 columns then the
 * original list's columns, ';', CRLF, Paris dates): for tests, the benchmark and the
 * demo MediasFlow server.
 *
 * Deterministic: every random choice is a hash of (seed, row, draw), so the same row
 * gets the same fate in every version. With `sentAt`, a row's final status appears
 * only once its (seeded) delay has passed by `generatedAt`: the end-of-send version
 * shows rows in progress, +24 h most are final, +72 h all are; a STOP (17) shows as
 * 21 until the reply has arrived; clicks and previews appear over time. Without
 * `sentAt`, every row is final.
 *
 * Returns text; encode it with encodeReportText (UTF-8, or Windows-1252 like a legacy
 * export).
 */
import { rawCsvLine } from './csv-export';
import { formatStamp14, parseStampInstant } from '../scheduling/paris-time';
import { formatParisDeliveryDate } from './delivery-date';
import { REPORT_COLUMNS_BY_CHANNEL } from './report-columns';
import { formatReportFileName, stripCsvExtension, baseNameOf } from './report-file-name';
import { normaliseOptOutNumber } from './opt-outs';
import { categoryOfCode, statusCodeInfo, type ReportCategory, type ReportChannel } from './status-codes';

export type InstantInput = string | number | Date;

export interface GenerateReportOptions {
  channel: ReportChannel;
  /** The dropped file's name (with or without .csv). */
  dropName: string;
  /** MediasFlow campaign number. */
  campaignId: string | number;
  /** Report time: a 'YYYYMMDDHHMMSS' Paris stamp, an ISO string, epoch ms or a Date. */
  generatedAt: InstantInput;
  /** When the campaign left; enables the in-progress → final progression. */
  sentAt?: InstantInput;
  /** The original list's columns (default: a French sample with MOBILE first). */
  originalColumns?: readonly string[];
  /** The original list's rows (aligned with originalColumns), or how many sample rows to make. */
  rows: number | readonly (readonly string[])[];
  /** Final code → weight (default: a realistic mix for the channel). */
  statusMix?: Readonly<Record<number, number>>;
  /** Exact final code of each row (cycled); overrides statusMix. May hold unknown codes. */
  codes?: readonly (number | string)[];
  seed?: number;
  /** Clicks, previews and replies on delivered SMS rows (default true). */
  engagement?: boolean;
  lineEnding?: '\r\n' | '\n';
}

export interface GeneratedReport {
  fileName: string;
  content: string;
  /** ISO instant of the version. */
  generatedAt: string;
}

export const DEFAULT_SMS_STATUS_MIX: Readonly<Record<number, number>> = {
  21: 850, 16: 20, 17: 15, 10: 10, 24: 5, 28: 2, 20: 12, 25: 8, 29: 10, 30: 3, 31: 8, 32: 2, 13: 2, 27: 2, 22: 5,
  23: 1, 26: 1, 2: 15, 3: 2, 4: 12, 5: 1, 8: 1, 12: 1, 19: 1, 14: 6, 15: 3, 18: 2,
};

export const DEFAULT_VMS_STATUS_MIX: Readonly<Record<number, number>> = {
  21: 800, 117: 120, 2: 40, 8: 5, 14: 15, 15: 10, 18: 5, 116: 5,
};

export const SAMPLE_ORIGINAL_COLUMNS = ['MOBILE', 'CIVILITE', 'PRENOM', 'NOM', 'VILLE', 'MONTANT', 'COMMENTAIRE'] as const;
const FIRST_NAMES = ['Élodie', 'François', 'Hélène', 'Jérôme', 'Zoé', 'Chloé', 'Noël', 'Amélie', 'Loïc', 'Thomas', 'Inès', 'Gaëlle'];
const LAST_NAMES = ['Lefèvre', 'Dupont', 'Müller', 'Leclerc', 'Bézier', 'Garçon', 'Rousseau', "N'Diaye", 'Martin', 'Béranger'];
const CITIES = ['Besançon', 'Orléans', 'Saint-Étienne', 'Nîmes', 'Paris', 'Lyon', 'Évry', 'Bourg-en-Bresse'];
/** Every sample value is encodable in Windows-1252, so both encodings carry the same text. */
const COMMENTS = ['', '', '', '', '', '', '', 'Client fidèle; carte Or', 'Préfère "Mme"', 'Relance – 2e envoi', '=HYPERLINK("http://exemple.invalid")', '@SOMME(A1:A2)'];
const REPLIES = ['Merci', 'OK', 'Oui, je viens', 'Rappelez-moi svp'];
const MOBILE_HEADERS = new Set(['MOBILE', 'PORTABLE', 'SMS', 'GSM']);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function toInstant(value: InstantInput): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (/^\d{14}$/.test(value)) return parseStampInstant(value)?.getTime() ?? NaN;
  return Date.parse(value);
}

/** A float in [0, 1) from (seed, row, draw): stateless, so rows keep their fate across versions. */
function draw(seed: number, row: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(row + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

function pickWeighted(weights: readonly [number, number][], total: number, value: number): number {
  let threshold = value * total;
  for (const [code, weight] of weights) {
    threshold -= weight;
    if (threshold < 0) return code;
  }
  return weights[weights.length - 1][0];
}

/** A unique French mobile per row (0600000000 + a bijection of the row index). */
function sampleMobile(row: number, seed: number): string {
  const suffix = (((row * 7919 + (seed % 1000)) % 100_000_000) + 100_000_000) % 100_000_000;
  return `0${row % 5 === 4 ? 7 : 6}${String(suffix).padStart(8, '0')}`;
}

function sampleRow(row: number, seed: number, finalCode: string): string[] {
  const pick = <T>(values: readonly T[], index: number): T => values[Math.floor(draw(seed, row, index) * values.length)];
  const mobile = finalCode === '2' ? `01${String(row % 100_000_000).padStart(8, '0')}` : sampleMobile(row, seed);
  const amount = (draw(seed, row, 24) * 250).toFixed(2).replace('.', ',');
  return [mobile, pick(['M.', 'Mme'], 20), pick(FIRST_NAMES, 21), pick(LAST_NAMES, 22), pick(CITIES, 23), `${amount} €`, pick(COMMENTS, 25)];
}

function countryOf(internationalDigits: string): string {
  if (internationalDigits.startsWith('33')) return 'FR';
  if (internationalDigits.startsWith('32')) return 'BE';
  if (internationalDigits.startsWith('41')) return 'CH';
  if (internationalDigits.startsWith('352')) return 'LU';
  if (internationalDigits.startsWith('262')) return 'RE';
  return '';
}

/** The finalisation delay of a row: most within minutes, some within the day, a few days later. */
function finalDelay(value: number, spread: number): number {
  if (value < 0.8) return (value / 0.8) * 10 * MINUTE;
  if (value < 0.95) return 10 * MINUTE + ((value - 0.8) / 0.15) * 20 * HOUR;
  return 20 * HOUR + ((value - 0.95) / 0.05) * 50 * HOUR * spread;
}

/** Header then rows, in chunks of up to `chunkRows` lines: large files can be written as they are made. */
export function* generateReportChunks(options: GenerateReportOptions, chunkRows = 5_000): Generator<string> {
  const { channel } = options;
  const seed = options.seed ?? 1;
  const eol = options.lineEnding ?? '\r\n';
  const engagement = options.engagement ?? true;
  const originalColumns = options.originalColumns ?? SAMPLE_ORIGINAL_COLUMNS;
  const rowCount = typeof options.rows === 'number' ? options.rows : options.rows.length;
  const givenRows = typeof options.rows === 'number' ? null : options.rows;
  const mobileIndex = Math.max(0, originalColumns.findIndex((name) => MOBILE_HEADERS.has(name.trim().toUpperCase())));
  const reportColumns = REPORT_COLUMNS_BY_CHANNEL[channel];
  const now = toInstant(options.generatedAt);
  const progressive = options.sentAt !== undefined;
  const sentAt = progressive ? toInstant(options.sentAt!) : now - 2 * HOUR;
  const refList = `${stripCsvExtension(baseNameOf(options.dropName))}.csv`;
  const mix = Object.entries(options.statusMix ?? (channel === 'sms' ? DEFAULT_SMS_STATUS_MIX : DEFAULT_VMS_STATUS_MIX)).map(
    ([code, weight]) => [Number(code), weight] as [number, number],
  );
  const mixTotal = mix.reduce((sum, [, weight]) => sum + weight, 0);
  // Without sentAt every event has happened: the 72 h of events are compressed into the
  // 2 hours before the report so every date stays before generatedAt.
  const compress = progressive ? 1 : (2 * HOUR) / (80 * HOUR);
  const at = (instant: number): string => formatParisDeliveryDate(sentAt + (instant - sentAt) * compress);
  const happened = (instant: number): boolean => !progressive || instant <= now;

  let chunk: string[] = [rawCsvLine([...reportColumns, ...originalColumns])];
  for (let row = 0; row < rowCount; row++) {
    const finalCode = options.codes
      ? String(options.codes[row % options.codes.length])
      : String(pickWeighted(mix, mixTotal, draw(seed, row, 1)));
    const original = givenRows ? [...givenRows[row]] : sampleRow(row, seed, finalCode);
    while (original.length < originalColumns.length) original.push('');
    const rawMobile = original[mobileIndex] ?? '';
    const international = normaliseOptOutNumber(rawMobile);
    const numericFinal = /^\d+$/.test(finalCode) ? Number(finalCode) : NaN;
    const finalCategory: ReportCategory = Number.isNaN(numericFinal) ? 'other' : categoryOfCode(channel, numericFinal);

    const finalisedAt = sentAt + finalDelay(draw(seed, row, 2), 1);
    const values: Record<string, string> = {
      REF_LIST: refList,
      ID_LINE: String(row + 1),
      INT_MOBILE: finalCode === '2' || international === null ? rawMobile : international,
      MF_ALLOW: finalCode === '3' ? 'False' : 'True',
      MF_VALID: finalCode === '2' || international === null ? 'False' : 'True',
      MF_COUNTRY: international === null || finalCode === '2' ? '' : countryOf(international),
    };

    let code = finalCode;
    const takesTime = finalCategory === 'delivered' || finalCategory === 'undelivered' || finalCategory === 'sentUnconfirmed';
    if (takesTime && !happened(finalisedAt)) {
      // Not final yet at this version.
      code = now - sentAt < HOUR ? (draw(seed, row, 3) < 0.3 ? '1' : '9') : channel === 'sms' ? '24' : '9';
    } else if (takesTime && finalCategory !== 'sentUnconfirmed') {
      values.DELIVERYDATE = at(finalisedAt);
    }

    if (channel === 'sms' && code !== '1' && code !== '9' && code !== '24' && finalCategory === 'delivered') {
      if (finalCode === '17') {
        const stopAt = finalisedAt + draw(seed, row, 4) * 30 * HOUR;
        if (happened(stopAt)) values.REPLY = 'STOP';
        else code = '21';
      } else if (engagement && draw(seed, row, 5) < 0.01) {
        const replyAt = finalisedAt + draw(seed, row, 6) * 6 * HOUR;
        if (happened(replyAt)) values.REPLY = REPLIES[Math.floor(draw(seed, row, 7) * REPLIES.length)];
      }
      if (engagement && draw(seed, row, 8) < 0.35) {
        const previewAt = finalisedAt + draw(seed, row, 9) * 8 * HOUR;
        if (happened(previewAt)) {
          values.PREVIEW = at(previewAt);
          values.PREVIEW_COUNTER = String(1 + Math.floor(draw(seed, row, 10) * 3));
        }
      }
      if (engagement && draw(seed, row, 11) < 0.12) {
        const clickAt = finalisedAt + draw(seed, row, 12) * 30 * HOUR;
        if (happened(clickAt)) {
          values.TRACK_1 = at(clickAt);
          values.TRACK_1_COUNTER = String(1 + Math.floor(draw(seed, row, 13) * 2));
          if (draw(seed, row, 14) < 0.25) {
            values.TRACK_2 = at(clickAt + 5 * MINUTE);
            values.TRACK_2_COUNTER = '1';
          }
        }
      }
    }
    values.STATUS_CODE = code;
    const info = /^\d+$/.test(code) ? statusCodeInfo(channel, Number(code)) : undefined;
    values.STATUS_TEXT = info?.label ?? 'Statut inconnu';

    chunk.push(rawCsvLine([...reportColumns.map((name) => values[name] ?? ''), ...original]));
    if (chunk.length >= chunkRows) {
      yield chunk.join(eol) + eol;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join(eol) + eol;
}

function versionFileName(options: GenerateReportOptions): { fileName: string; generatedAt: string } {
  const instant = toInstant(options.generatedAt);
  return {
    fileName: formatReportFileName(options.dropName, options.campaignId, formatStamp14(instant)),
    generatedAt: new Date(instant).toISOString(),
  };
}

export function generateReport(options: GenerateReportOptions): GeneratedReport {
  return { ...versionFileName(options), content: [...generateReportChunks(options)].join('') };
}

/** Only the file name (for large files written chunk by chunk). */
export function generatedReportFileName(options: GenerateReportOptions): string {
  return versionFileName(options).fileName;
}
