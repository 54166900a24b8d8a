/**
 * The figures of one report version, in one pass over the parsed columns. The result
 * is plain JSON (stored beside the report in the workspace, printed by the CLI).
 *
 * Denominators: `deliveredRate` = delivered / recipients, every row of the report
 * counted (what was handed to MediasFlow), so refused, blacklisted and not-sent rows
 * lower the rate just as they cost the campaign its reach. `deliveredRateOfSent` =
 * delivered / (recipients − notSent − blacklisted) isolates the operators' side for
 * comparisons across campaigns. Both are 0 when the denominator is 0.
 */
import { formatParisDateTime, parisOffsetMs, toParisParts } from '../scheduling/paris-time';
import { ROW_HAS_REPLY, ROW_MF_ALLOW_FALSE, ROW_MF_VALID_FALSE, type ParsedReport } from './parse-report';
import {
  CATEGORY_INDEX,
  REPORT_CATEGORIES,
  statusCodeInfo,
  STOP_CODE,
  type ReportCategory,
  type ReportChannel,
} from './status-codes';

export type CategoryCounts = Record<ReportCategory, number>;

export interface CodeCount {
  /** The code as written in the file ('21'; an unknown '999' or 'ABC' too). */
  code: string;
  count: number;
  category: ReportCategory;
  /** The spec's French label; for an unknown code, the file's STATUS_TEXT. */
  label: string;
  /** False when the spec table does not know the code (shown as such, counted under "other"). */
  known: boolean;
}

export interface TimelinePoint {
  /** Bucket start, ISO instant. */
  start: string;
  /** Bucket start in Paris time: 'yyyy-MM-dd HH:mm' (hour buckets) or 'yyyy-MM-dd' (day buckets). */
  label: string;
  /** Rows of the delivered category whose DELIVERYDATE falls in the bucket. */
  delivered: number;
  /** Rows of any category whose DELIVERYDATE falls in the bucket. */
  total: number;
}

export interface DeliveryTimeline {
  /** 'hour' when the dated rows span at most 48 hours, else 'day' (Paris calendar days). */
  bucket: 'hour' | 'day';
  points: TimelinePoint[];
}

export interface ReportSummary {
  channel: ReportChannel;
  recipients: number;
  categories: CategoryCounts;
  /** Rows with code 17 (delivered, then STOP). */
  stop: number;
  /** Sum of TRACK_1/2/3_COUNTER. */
  clicks: number;
  /** Rows with at least one click. */
  uniqueClickers: number;
  /** Sum of PREVIEW_COUNTER. */
  previews: number;
  /** Rows with at least one preview. */
  uniquePreviewers: number;
  /** Rows with a non-empty REPLY. */
  replies: number;
  /** Code → rows, as the CLI prints it. */
  byCode: Record<string, number>;
  /** The same with labels and categories, most frequent first. */
  codes: CodeCount[];
  /** MF_COUNTRY → rows ('' for rows without a country). */
  countries: Record<string, number>;
  /** delivered / recipients (see the module comment). */
  deliveredRate: number;
  /** delivered / (recipients − notSent − blacklisted). */
  deliveredRateOfSent: number;
  mfAllowFalse: number;
  mfValidFalse: number;
  /** Earliest and latest DELIVERYDATE (ISO), null when none. */
  firstDeliveryAt: string | null;
  lastDeliveryAt: string | null;
  timeline: DeliveryTimeline;
  /** Non-empty DELIVERYDATE values that could not be read. */
  unreadableDates: number;
}

export function emptyCategoryCounts(): CategoryCounts {
  return { delivered: 0, inProgress: 0, sentUnconfirmed: 0, undelivered: 0, notSent: 0, blacklisted: 0, other: 0 };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Up to this many buckets, empty ones are listed so the chart's axis is continuous. */
const MAX_CONTINUOUS_BUCKETS = 400;

export function summarizeReport(parsed: ParsedReport): ReportSummary {
  const { rowCount, codes, categories, deliveredAt, clicks, previews, flags, countryIds } = parsed;
  const categoryTotals = new Float64Array(REPORT_CATEGORIES.length);
  const countryTotals = new Float64Array(parsed.countries.length);
  const numericCodeTotals = new Map<number, number>();
  const smallCodeTotals = new Float64Array(256);
  const textualCodeTotals = new Float64Array(parsed.textualCodes.length);
  const hourTotals = new Map<number, number>();
  const hourDelivered = new Map<number, number>();
  const deliveredIndex = CATEGORY_INDEX.delivered;
  let stop = 0;
  let clickSum = 0;
  let clickers = 0;
  let previewSum = 0;
  let previewers = 0;
  let replies = 0;
  let allowFalse = 0;
  let validFalse = 0;
  let first = Infinity;
  let last = -Infinity;

  for (let row = 0; row < rowCount; row++) {
    const category = categories[row];
    categoryTotals[category]++;
    const code = codes[row];
    if (code >= 0 && code < 256) smallCodeTotals[code]++;
    else if (code >= 256) numericCodeTotals.set(code, (numericCodeTotals.get(code) ?? 0) + 1);
    else textualCodeTotals[-code - 1]++;
    if (code === STOP_CODE && parsed.channel === 'sms') stop++;
    const rowClicks = clicks[row];
    if (rowClicks > 0) {
      clickSum += rowClicks;
      clickers++;
    }
    const rowPreviews = previews[row];
    if (rowPreviews > 0) {
      previewSum += rowPreviews;
      previewers++;
    }
    const rowFlags = flags[row];
    if (rowFlags !== 0) {
      if (rowFlags & ROW_HAS_REPLY) replies++;
      if (rowFlags & ROW_MF_ALLOW_FALSE) allowFalse++;
      if (rowFlags & ROW_MF_VALID_FALSE) validFalse++;
    }
    countryTotals[countryIds[row]]++;
    const instant = deliveredAt[row];
    if (instant === instant) {
      if (instant < first) first = instant;
      if (instant > last) last = instant;
      const hour = Math.floor(instant / HOUR_MS);
      hourTotals.set(hour, (hourTotals.get(hour) ?? 0) + 1);
      if (category === deliveredIndex) hourDelivered.set(hour, (hourDelivered.get(hour) ?? 0) + 1);
    }
  }

  const categoryCounts = emptyCategoryCounts();
  REPORT_CATEGORIES.forEach((category, index) => (categoryCounts[category] = categoryTotals[index]));

  const codeCounts: CodeCount[] = [];
  const addCode = (numeric: number | null, key: string, count: number): void => {
    if (count === 0) return;
    const info = numeric === null ? undefined : statusCodeInfo(parsed.channel, numeric);
    codeCounts.push({
      code: key,
      count,
      category: info?.category ?? 'other',
      label: info?.label ?? parsed.unknownCodeTexts[key] ?? '',
      known: info !== undefined,
    });
  };
  smallCodeTotals.forEach((count, code) => addCode(code, String(code), count));
  for (const [code, count] of numericCodeTotals) addCode(code, String(code), count);
  textualCodeTotals.forEach((count, index) => addCode(null, parsed.textualCodes[index], count));
  codeCounts.sort((a, b) => b.count - a.count || compareCodeKeys(a.code, b.code));
  const byCode: Record<string, number> = {};
  for (const entry of [...codeCounts].sort((a, b) => compareCodeKeys(a.code, b.code))) byCode[entry.code] = entry.count;

  const countries: Record<string, number> = {};
  parsed.countries
    .map((country, index) => [country, countryTotals[index]] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .forEach(([country, count]) => (countries[country] = count));

  const recipients = rowCount;
  const delivered = categoryCounts.delivered;
  const attempted = recipients - categoryCounts.notSent - categoryCounts.blacklisted;
  return {
    channel: parsed.channel,
    recipients,
    categories: categoryCounts,
    stop,
    clicks: clickSum,
    uniqueClickers: clickers,
    previews: previewSum,
    uniquePreviewers: previewers,
    replies,
    byCode,
    codes: codeCounts,
    countries,
    deliveredRate: recipients > 0 ? delivered / recipients : 0,
    deliveredRateOfSent: attempted > 0 ? delivered / attempted : 0,
    mfAllowFalse: allowFalse,
    mfValidFalse: validFalse,
    firstDeliveryAt: first === Infinity ? null : new Date(first).toISOString(),
    lastDeliveryAt: last === -Infinity ? null : new Date(last).toISOString(),
    timeline: buildTimeline(hourTotals, hourDelivered, first, last),
    unreadableDates: parsed.unreadableDates,
  };
}

/** Numbers in numeric order first, then textual codes alphabetically. */
export function compareCodeKeys(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildTimeline(hourTotals: Map<number, number>, hourDelivered: Map<number, number>, first: number, last: number): DeliveryTimeline {
  if (hourTotals.size === 0) return { bucket: 'hour', points: [] };
  const byHour = last - first <= 48 * HOUR_MS;
  // Paris offsets are whole hours, so UTC hours are Paris hours; days need the offset.
  const bucketOf = byHour ? (hour: number) => hour * HOUR_MS : (hour: number) => parisDayStartOfHour(hour);
  const totals = new Map<number, { delivered: number; total: number }>();
  for (const [hour, count] of hourTotals) {
    const start = bucketOf(hour);
    const bucket = totals.get(start) ?? { delivered: 0, total: 0 };
    bucket.total += count;
    bucket.delivered += hourDelivered.get(hour) ?? 0;
    totals.set(start, bucket);
  }
  const starts = [...totals.keys()].sort((a, b) => a - b);
  const firstStart = starts[0];
  const lastStart = starts[starts.length - 1];
  const span = byHour ? (lastStart - firstStart) / HOUR_MS : Math.round((lastStart - firstStart) / DAY_MS);
  if (span < MAX_CONTINUOUS_BUCKETS) {
    starts.length = 0;
    for (let start = firstStart; start <= lastStart; ) {
      starts.push(start);
      // Day buckets: next Paris midnight (days are 23 or 25 hours long at DST changes).
      start = byHour ? start + HOUR_MS : parisDayStartOfHour(Math.floor((start + 36 * HOUR_MS) / HOUR_MS));
    }
  }
  return {
    bucket: byHour ? 'hour' : 'day',
    points: starts.map((start) => {
      const bucket = totals.get(start) ?? { delivered: 0, total: 0 };
      return { start: new Date(start).toISOString(), label: byHour ? formatParisDateTime(start) : toParisParts(start).dateKey, ...bucket };
    }),
  };
}

function parisDayStartOfHour(utcHour: number): number {
  const instant = utcHour * HOUR_MS;
  const offset = parisOffsetMs(instant);
  const wallDay = Math.floor((instant + offset) / DAY_MS) * DAY_MS;
  // Midnight Paris is never inside a DST gap (changes happen at 02:00/03:00), so the
  // offset at that midnight is the offset just before it.
  return wallDay - parisOffsetMs(wallDay - offset);
}
