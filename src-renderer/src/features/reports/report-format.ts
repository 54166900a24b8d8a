/** Small pure helpers the report screens share (unit tested). */
import { REPORT_CATEGORIES, CATEGORY_COLOURS, type ReportCategory } from '@shared/reports/status-codes';
import type { ReportSummary } from '@shared/reports/summarize-report';

export function formatPercent(rate: number, language: 'fr' | 'en'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Recipients that left for the operators: everything but not-sent and blacklisted rows. */
export function sentCount(summary: Pick<ReportSummary, 'recipients' | 'categories'>): number {
  return summary.recipients - summary.categories.notSent - summary.categories.blacklisted;
}

export interface DonutSlice {
  category: ReportCategory;
  count: number;
  colour: string;
}

/** The donut's slices in the spec order, empty categories left out. */
export function donutSlices(categories: Record<ReportCategory, number>): DonutSlice[] {
  return REPORT_CATEGORIES.filter((category) => categories[category] > 0).map((category) => ({
    category,
    count: categories[category],
    colour: CATEGORY_COLOURS[category].hex,
  }));
}

/** '+3', '−2', '0' (a real minus sign). */
export function formatDelta(delta: number, format: (value: number) => string): string {
  if (delta > 0) return `+${format(delta)}`;
  if (delta < 0) return `−${format(-delta)}`;
  return '0';
}

/** A chart axis label the user's way, Paris time: "01/12 08:00" by hour, "01/12/2026" by day (never "12-01", read as 12 January). */
export function formatChartLabel(iso: string, bucket: 'hour' | 'day', language: 'fr' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour'
      ? { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' };
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', options).format(date).replace(',', '');
}
