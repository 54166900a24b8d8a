/**
 * Whole-list figures, accumulated one rendered message at a time so the same
 * code serves a streaming CLI, a Web Worker working in chunks (merge the
 * partial figures) and tests. The state is plain data (structured-clone and
 * JSON friendly). `addRecipientCount` updates the state in place: on a
 * million recipients a fresh object per row would cost more than the count.
 */
import { ALLMYSMS_MAX_LENGTH, allMySmsLength, type SmsCount, type SmsEncoding } from './sms-count';

export interface CampaignFiguresOptions {
  /** Longest message the account accepts, in SMS (1 for single-SMS accounts: 160 GSM-7 / 70 UCS-2). */
  maxSegments: number;
  /** Encoding of the template's own text: a UCS-2 recipient of a GSM-7 template is "switched". */
  templateEncoding: SmsEncoding;
  /** Recipient positions kept per problem so the preview can jump to them. Default 5. */
  exampleLimit?: number;
}

export interface CampaignFigures {
  recipients: number;
  segments: { min: number; max: number; total: number };
  /** Segment count → recipients. */
  distribution: Record<string, number>;
  encodings: Record<SmsEncoding, number>;
  /** Recipients whose message is UCS-2 while the template alone is GSM-7 (a name like Anaïs). */
  switchedToUcs2: number;
  maxSegments: number;
  overAccountLimit: number;
  /** Messages over AllMySMS's 160 characters ('\n' counted double). */
  allMySms160Failures: number;
  /** Recipients whose message is empty (0 SMS). */
  emptyMessages: number;
  templateEncoding: SmsEncoding;
  exampleLimit: number;
  examples: { switchedToUcs2: number[]; overAccountLimit: number[]; allMySms160Failures: number[] };
}

export function emptyCampaignFigures(options: CampaignFiguresOptions): CampaignFigures {
  return {
    recipients: 0,
    segments: { min: 0, max: 0, total: 0 },
    distribution: {},
    encodings: { 'GSM-7': 0, 'UCS-2': 0 },
    switchedToUcs2: 0,
    maxSegments: options.maxSegments,
    overAccountLimit: 0,
    allMySms160Failures: 0,
    emptyMessages: 0,
    templateEncoding: options.templateEncoding,
    exampleLimit: options.exampleLimit ?? 5,
    examples: { switchedToUcs2: [], overAccountLimit: [], allMySms160Failures: [] },
  };
}

/** Adds one recipient's count (`position`: its place among the sendable rows, for the examples). */
export function addRecipientCount(figures: CampaignFigures, count: SmsCount, position: number): CampaignFigures {
  const segments = count.segments;
  const totals = figures.segments;
  if (figures.recipients === 0 || segments < totals.min) totals.min = segments;
  if (segments > totals.max) totals.max = segments;
  totals.total += segments;
  figures.recipients++;
  figures.distribution[segments] = (figures.distribution[segments] ?? 0) + 1;
  figures.encodings[count.encoding]++;
  if (segments === 0) figures.emptyMessages++;
  if (count.encoding === 'UCS-2' && figures.templateEncoding === 'GSM-7') {
    figures.switchedToUcs2++;
    keepExample(figures, figures.examples.switchedToUcs2, position);
  }
  if (segments > figures.maxSegments) {
    figures.overAccountLimit++;
    keepExample(figures, figures.examples.overAccountLimit, position);
  }
  if (allMySmsLength(count) > ALLMYSMS_MAX_LENGTH) {
    figures.allMySms160Failures++;
    keepExample(figures, figures.examples.allMySms160Failures, position);
  }
  return figures;
}

function keepExample(figures: CampaignFigures, examples: number[], position: number): void {
  if (examples.length < figures.exampleLimit) examples.push(position);
}

/**
 * Figures of two consecutive chunks (a worker's partial results), as a new
 * object. Each chunk numbers its recipients from 0, so the second chunk's
 * example positions are shifted by the first chunk's recipients.
 */
export function mergeCampaignFigures(first: CampaignFigures, second: CampaignFigures): CampaignFigures {
  if (second.recipients === 0) return cloneFigures(first);
  if (first.recipients === 0) return cloneFigures(second);
  const distribution = { ...first.distribution };
  for (const [segments, recipients] of Object.entries(second.distribution)) distribution[segments] = (distribution[segments] ?? 0) + recipients;
  const limit = first.exampleLimit;
  const mergeExamples = (a: number[], b: number[]) => [...a, ...b.map((p) => p + first.recipients)].slice(0, limit);
  return {
    ...first,
    recipients: first.recipients + second.recipients,
    segments: {
      min: Math.min(first.segments.min, second.segments.min),
      max: Math.max(first.segments.max, second.segments.max),
      total: first.segments.total + second.segments.total,
    },
    distribution,
    encodings: {
      'GSM-7': first.encodings['GSM-7'] + second.encodings['GSM-7'],
      'UCS-2': first.encodings['UCS-2'] + second.encodings['UCS-2'],
    },
    switchedToUcs2: first.switchedToUcs2 + second.switchedToUcs2,
    overAccountLimit: first.overAccountLimit + second.overAccountLimit,
    allMySms160Failures: first.allMySms160Failures + second.allMySms160Failures,
    emptyMessages: first.emptyMessages + second.emptyMessages,
    examples: {
      switchedToUcs2: mergeExamples(first.examples.switchedToUcs2, second.examples.switchedToUcs2),
      overAccountLimit: mergeExamples(first.examples.overAccountLimit, second.examples.overAccountLimit),
      allMySms160Failures: mergeExamples(first.examples.allMySms160Failures, second.examples.allMySms160Failures),
    },
  };
}

function cloneFigures(figures: CampaignFigures): CampaignFigures {
  return JSON.parse(JSON.stringify(figures)) as CampaignFigures;
}
