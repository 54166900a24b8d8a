/**
 * `count`: what messages cost, for automation.
 *
 *   count --jsonl
 *     stdin: one JSON string per line; stdout: one line per message,
 *     {"encoding":"GSM-7"|"UCS-2","units":N,"segments":N}. A line that is not
 *     a JSON string is reported on stderr with its line number and skipped
 *     (no output line for it); the command goes on so every bad line is
 *     reported at once, then exits 2. Blank lines are ignored.
 *
 *   count --list FILE --template-file FILE [--json] [--mobile-column NAME]
 *         [--default FIELD=VALUE]… [--max-segments N]
 *     Checks the list, renders the template (UTF-8, BOM stripped, CR LF read
 *     as '\n', the file's final line break dropped) for every
 *     sendable row (valid, not a duplicate) and prints the figures. A field the
 *     list lacks is refused (exit 2, naming the field and the list's columns)
 *     unless a --default gives its value.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CliError, exitCodes, printJson, type CliCommand, type CliIo } from '../cli-io';
import { countSms } from '@shared/composer/sms-count';
import { compileTemplate, type CompiledTemplate } from '@shared/composer/template';
import { emptyCampaignFigures, type CampaignFigures } from '@shared/composer/campaign-figures';
import { addRecipientCount } from '@shared/composer/campaign-figures';
import { accumulateCampaignRows } from '@shared/composer/count-campaign';
import { countTemplateRow, prepareTemplateCounter } from '@shared/composer/template-counter';
import type { SmsCount } from '@shared/composer/sms-count';
import { checkListBytes, checkListStreaming, type CheckListOptions, type ListCheckFigures } from '@shared/lists/check-list-bytes';
import { statusCode } from '@shared/lists/check-rows';
import { columnarRows, type ColumnarTable } from '@shared/lists/columnar-table';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { frenchCount } from '@shared/i18n/french-count';

const usage = `Usage :
  npm run -s cli -- count --jsonl < messages.jsonl
  npm run -s cli -- count --list LISTE.csv --template-file MESSAGE.txt --json [--mobile-column NOM] [--default CHAMP=VALEUR]… [--max-segments N]`;

interface CountArgs {
  jsonl: boolean;
  list?: string;
  templateFile?: string;
  json: boolean;
  mobileColumn?: string;
  defaults: Record<string, string>;
  maxSegments: number;
}

function parseArgs(args: string[]): CountArgs {
  const parsed: CountArgs = { jsonl: false, json: false, defaults: {}, maxSegments: 1 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new CliError(`L'option ${arg} attend une valeur.\n${usage}`);
      return next;
    };
    if (arg === '--jsonl') parsed.jsonl = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--list') parsed.list = value();
    else if (arg === '--template-file') parsed.templateFile = value();
    else if (arg === '--mobile-column') parsed.mobileColumn = value();
    else if (arg === '--max-segments') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--max-segments attend un nombre entier de SMS (1 ou plus).\n${usage}`);
      parsed.maxSegments = n;
    } else if (arg === '--default') {
      const pair = value();
      const equals = pair.indexOf('=');
      if (equals <= 0) throw new CliError(`--default attend CHAMP=VALEUR (reçu « ${pair} »).\n${usage}`);
      parsed.defaults[pair.slice(0, equals)] = pair.slice(equals + 1);
    } else throw new CliError(`Option inconnue : ${arg}\n${usage}`);
  }
  if (parsed.jsonl === (parsed.list !== undefined)) throw new CliError(`Choisissez --jsonl ou --list.\n${usage}`);
  if (parsed.list !== undefined && parsed.templateFile === undefined) throw new CliError(`--list demande aussi --template-file.\n${usage}`);
  return parsed;
}

export const countCommand: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  return parsed.jsonl ? countJsonLines(io) : countList(parsed, io);
};

async function countJsonLines(io: CliIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let refused = 0;
  let pending: string[] = [];
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      refused++;
      io.stderr(`ligne ${lineNumber} : JSON invalide, ligne ignorée (attendu : une chaîne entre guillemets, ex. "Bonjour").\n`);
      continue;
    }
    if (typeof message !== 'string') {
      refused++;
      io.stderr(`ligne ${lineNumber} : ce n'est pas une chaîne JSON (${message === null ? 'null' : typeof message}), ligne ignorée.\n`);
      continue;
    }
    const { encoding, units, segments } = countSms(message);
    pending.push(`{"encoding":"${encoding}","units":${units},"segments":${segments}}\n`);
    if (pending.length >= 1024) {
      io.stdout(pending.join(''));
      pending = [];
    }
  }
  if (pending.length > 0) io.stdout(pending.join(''));
  if (refused > 0) {
    io.stderr(`${frenchCount(refused, 'ligne refusée', 'lignes refusées')} sur ${lineNumber}. Les autres ont été comptées, dans l'ordre.\n`);
    return exitCodes.refused;
  }
  return exitCodes.ok;
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (error as Error).message;
    throw new CliError(`Impossible de lire ${what} « ${path} » : ${reason}.`);
  }
}

/**
 * The template file as the composer would hold it: UTF-8 without BOM, line
 * breaks as '\n' (a textarea never produces CR LF), and without the final
 * line break editors add at the end of a file (it is not part of the SMS).
 */
export function templateText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/\n$/, '');
}

async function countList(parsed: CountArgs, io: CliIo): Promise<number> {
  const listPath = parsed.list as string;
  const listBytes = await readInput(listPath, 'la liste');
  const template = templateText(await readInput(parsed.templateFile as string, 'le modèle de message'));

  const listOptions = { fileName: listPath.split(/[\\/]/).pop() ?? listPath, mobileColumn: parsed.mobileColumn };
  const listBytesView = new Uint8Array(listBytes.buffer, listBytes.byteOffset, listBytes.byteLength);
  const settings = { template, defaults: parsed.defaults, maxSegments: parsed.maxSegments };
  let counted: ListCount;
  try {
    counted = countListStreaming(listBytesView, listOptions, settings) ?? countListFromTable(listBytesView, listOptions, settings);
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(error.message);
    throw error;
  }
  const { figures, compiled } = counted;
  const result = countListResult(figures, compiled.unknownFields);
  if (parsed.json) printJson(io, result);
  else io.stdout(humanSummary(result));
  return exitCodes.ok;
}

interface CountSettings {
  template: string;
  defaults: Record<string, string>;
  maxSegments: number;
}

interface ListCount {
  figures: CampaignFigures;
  compiled: CompiledTemplate;
}

/**
 * The refusals both ways of counting share, in the order the user meets
 * them: no number column, then fields the list lacks. Returns the template
 * compiled against the list's columns.
 */
function compileForList(list: ListCheckFigures, settings: CountSettings): CompiledTemplate {
  if (list.mobileColumn === null) {
    throw new CliError(
      `Aucune colonne de numéros reconnue dans la liste (colonnes : ${list.columns.join(', ')}). Indiquez-la avec --mobile-column NOM.`,
    );
  }
  const compiled = compileTemplate(settings.template, list.columns, { defaultForHeader: settings.defaults });
  const missing = compiled.fields.filter((field) => field.columnIndex < 0 && field.defaultValue === null).map((field) => field.name);
  if (missing.length > 0) {
    const named = missing.map((name) => `\${${name}}${closeColumnHint(name, list.columns)}`).join(', ');
    throw new CliError(
      `Le modèle utilise ${missing.length > 1 ? 'des champs absents' : 'un champ absent'} de la liste : ${named}. ` +
        `Colonnes de la liste : ${list.columns.join(', ')}. ` +
        `Corrigez le nom dans le modèle, ou donnez une valeur à tous avec --default ${missing[0]}=VALEUR.`,
    );
  }
  return compiled;
}

function emptyFigures(settings: CountSettings, compiled: CompiledTemplate): CampaignFigures {
  return emptyCampaignFigures({ maxSegments: settings.maxSegments, templateEncoding: compiled.templateEncoding });
}

/** The full check keeping every row (column by column), then the count over the columnar rows. */
export function countListFromTable(bytes: Uint8Array, options: CheckListOptions, settings: CountSettings): ListCount {
  const list = checkListBytes(bytes, options);
  const compiled = compileForList(list, settings);
  return { figures: accumulateColumnarRows(emptyFigures(settings, compiled), compiled, list.columnar, list.checks.status), compiled };
}

/**
 * Counts each row's message while the list is parsed, from the parser's own
 * records, with the template compiled against the columns the first record
 * tells: no row is kept, no value copied. Each valid number's count is noted
 * by row; once the check has marked the duplicates, the sendable rows' counts
 * (a valid number seen for the first time) are added in row order (a set of
 * numbers of its own cost as much again as the check's). Returns null when
 * the list's final columns compile the template differently (a field naming a
 * generated column beyond the first record): the caller then counts from the
 * full table.
 */
export function countListStreaming(bytes: Uint8Array, options: CheckListOptions, settings: CountSettings): ListCount | null {
  let provisional: CompiledTemplate | null = null;
  let counts = new RowCounts();
  const list = checkListStreaming(bytes, options, (columns) => {
    const compiled = compileTemplate(settings.template, columns, { defaultForHeader: settings.defaults });
    const counter = prepareTemplateCounter(compiled);
    const noted = new RowCounts();
    provisional = compiled;
    counts = noted;
    return {
      add(records, count, firstRow, normalized) {
        noted.reserve(firstRow + count);
        for (let i = 0; i < count; i++) if (normalized[firstRow + i] !== 0) noted.set(firstRow + i, countTemplateRow(counter, records[i]));
      },
    };
  });
  const compiled = compileForList(list, settings);
  if (provisional === null || !sameCompilation(provisional, compiled)) return null;
  const figures = emptyFigures(settings, compiled);
  const { status } = list.checks;
  for (let row = 0; row < status.length; row++) if (status[row] === statusCode.valid) addRecipientCount(figures, counts.get(row), figures.recipients);
  return { figures, compiled };
}

/** The SMS count of each row, in flat arrays (no object per row). */
class RowCounts {
  private segments = new Uint32Array(0);
  private units = new Uint32Array(0);
  private lineFeeds = new Uint32Array(0);
  private ucs2 = new Uint8Array(0);
  private readonly count: SmsCount = { encoding: 'GSM-7', units: 0, segments: 0, lineFeeds: 0 };

  reserve(rows: number): void {
    if (rows <= this.segments.length) return;
    const capacity = Math.max(rows, this.segments.length * 2, 1024);
    const grow = <T extends Uint32Array | Uint8Array>(array: T, make: (length: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.segments = grow(this.segments, (length) => new Uint32Array(length));
    this.units = grow(this.units, (length) => new Uint32Array(length));
    this.lineFeeds = grow(this.lineFeeds, (length) => new Uint32Array(length));
    this.ucs2 = grow(this.ucs2, (length) => new Uint8Array(length));
  }

  set(row: number, count: SmsCount): void {
    this.segments[row] = count.segments;
    this.units[row] = count.units;
    this.lineFeeds[row] = count.lineFeeds;
    this.ucs2[row] = count.encoding === 'UCS-2' ? 1 : 0;
  }

  /** Row `row`'s count, in one object reused from call to call. */
  get(row: number): SmsCount {
    const count = this.count;
    count.segments = this.segments[row];
    count.units = this.units[row];
    count.lineFeeds = this.lineFeeds[row];
    count.encoding = this.ucs2[row] === 1 ? 'UCS-2' : 'GSM-7';
    return count;
  }
}

function sameCompilation(a: CompiledTemplate, b: CompiledTemplate): boolean {
  const plain = (compiled: CompiledTemplate) => JSON.stringify({ ...compiled, slotColumns: Array.from(compiled.slotColumns) });
  return plain(a) === plain(b);
}

/**
 * Counts every sendable row of a columnar list, building the rows' arrays a
 * block at a time (they are garbage right after), never the whole list's.
 */
export function accumulateColumnarRows(
  figures: CampaignFigures,
  compiled: CompiledTemplate,
  columnar: ColumnarTable,
  status: Uint8Array,
  blockRows = 20_000,
): CampaignFigures {
  for (let start = 0; start < columnar.rowCount; start += blockRows) {
    const rows = columnarRows(columnar, start, Math.min(columnar.rowCount, start + blockRows));
    accumulateCampaignRows(figures, { compiled, rows, isSendable: (row) => status[start + row] === statusCode.valid });
  }
  return figures;
}

/** " (voulez-vous dire « Prénom » ?)" when a column differs only by accents, spaces or case. */
function closeColumnHint(field: string, columns: readonly string[]): string {
  const loose = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_-]/g, '').toLowerCase();
  const close = columns.find((column) => loose(column) === loose(field));
  return close === undefined ? '' : ` (voulez-vous dire « ${close} » ?)`;
}

export interface CountListResult {
  recipients: number;
  segments: { min: number; max: number; total: number };
  encodings: { 'GSM-7': number; 'UCS-2': number };
  /** Fields the list lacks that every recipient got from --default. */
  unknownFields: string[];
  distribution: Record<string, number>;
  switchedToUcs2: number;
  maxSegments: number;
  overAccountLimit: number;
  allMySms160Failures: number;
}

function countListResult(figures: CampaignFigures, unknownFields: string[]): CountListResult {
  return {
    recipients: figures.recipients,
    segments: { ...figures.segments },
    encodings: { ...figures.encodings },
    unknownFields,
    distribution: figures.distribution,
    switchedToUcs2: figures.switchedToUcs2,
    maxSegments: figures.maxSegments,
    overAccountLimit: figures.overAccountLimit,
    allMySms160Failures: figures.allMySms160Failures,
  };
}

function humanSummary(result: CountListResult): string {
  return (
    [
      `Destinataires : ${result.recipients}`,
      `SMS facturés : ${result.segments.total} (de ${result.segments.min} à ${result.segments.max} par message)`,
      `Encodages : GSM-7 ${result.encodings['GSM-7']}, UCS-2 ${result.encodings['UCS-2']}`,
      `Passent en UCS-2 à cause de leurs données : ${result.switchedToUcs2}`,
      `Au-delà de ${result.maxSegments} SMS : ${result.overAccountLimit}`,
      `Au-delà de 160 caractères AllMySMS : ${result.allMySms160Failures}`,
    ].join('\n') + '\n'
  );
}
