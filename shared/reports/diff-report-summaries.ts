/**
 * How a report changed from one version to the next (end of send → +24 h → +72 h),
 * and the evolution across all versions for a chart.
 */
import { compareCodeKeys, emptyCategoryCounts, type ReportSummary } from './summarize-report';
import { REPORT_CATEGORIES, type ReportCategory } from './status-codes';

export interface Delta {
  previous: number;
  latest: number;
  delta: number;
}

export interface CodeDelta extends Delta {
  code: string;
  label: string;
  category: ReportCategory;
}

export interface ReportSummaryDiff {
  recipients: Delta;
  categories: Record<ReportCategory, Delta>;
  /** Every code present in either version, numeric order; unchanged ones included (delta 0). */
  codes: CodeDelta[];
  stop: Delta;
  clicks: Delta;
  replies: Delta;
  /** In rate units (0.05 = 5 points). */
  deliveredRate: Delta;
  /** True when any count differs. */
  changed: boolean;
}

const delta = (previous: number, latest: number): Delta => ({ previous, latest, delta: latest - previous });

/** `previous` null (first version): everything counts as new. */
export function diffReportSummaries(previous: ReportSummary | null, latest: ReportSummary): ReportSummaryDiff {
  const before = previous ?? emptySummaryFigures();
  const categories = {} as Record<ReportCategory, Delta>;
  for (const category of REPORT_CATEGORIES) categories[category] = delta(before.categories[category], latest.categories[category]);
  const labels = new Map<string, { label: string; category: ReportCategory }>();
  for (const entry of [...(previous?.codes ?? []), ...latest.codes]) labels.set(entry.code, { label: entry.label, category: entry.category });
  const codes = [...labels.keys()].sort(compareCodeKeys).map((code) => ({
    code,
    ...labels.get(code)!,
    ...delta(before.byCode[code] ?? 0, latest.byCode[code] ?? 0),
  }));
  const diff: ReportSummaryDiff = {
    recipients: delta(before.recipients, latest.recipients),
    categories,
    codes,
    stop: delta(before.stop, latest.stop),
    clicks: delta(before.clicks, latest.clicks),
    replies: delta(before.replies, latest.replies),
    deliveredRate: delta(before.deliveredRate, latest.deliveredRate),
    changed: false,
  };
  diff.changed =
    diff.recipients.delta !== 0 ||
    codes.some((entry) => entry.delta !== 0) ||
    diff.stop.delta !== 0 ||
    diff.clicks.delta !== 0 ||
    diff.replies.delta !== 0;
  return diff;
}

function emptySummaryFigures(): Pick<ReportSummary, 'recipients' | 'categories' | 'byCode' | 'stop' | 'clicks' | 'replies' | 'deliveredRate'> {
  return { recipients: 0, categories: emptyCategoryCounts(), byCode: {}, stop: 0, clicks: 0, replies: 0, deliveredRate: 0 };
}

export interface ReportVersionSummary {
  /** ISO instant of the version (from its file name). */
  generatedAt: string;
  fileName?: string;
  summary: ReportSummary;
}

export interface EvolutionPoint extends Record<ReportCategory, number> {
  generatedAt: string;
  fileName?: string;
  recipients: number;
  stop: number;
  clicks: number;
  replies: number;
  deliveredRate: number;
}

/** One point per version, oldest first: the categories stacked, plus the headline figures. */
export function reportEvolution(versions: readonly ReportVersionSummary[]): EvolutionPoint[] {
  return [...versions]
    .sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : a.generatedAt > b.generatedAt ? 1 : 0))
    .map(({ generatedAt, fileName, summary }) => ({
      generatedAt,
      ...(fileName === undefined ? {} : { fileName }),
      ...summary.categories,
      recipients: summary.recipients,
      stop: summary.stop,
      clicks: summary.clicks,
      replies: summary.replies,
      deliveredRate: summary.deliveredRate,
    }));
}
