/**
 * MediasFlow report names (guide §4): the dropped name without '.csv', then
 * '_<campaign number>_<YYYYMMDDHHMMSS>' (report generation time) and '.csv'
 * — upper-case '.CSV' happens (the guide's own example). Several reports
 * follow one campaign (end of send, +24 h, +72 h): the stamp tells them apart.
 */
import { parseStampInstant } from '../../scheduling/paris-time';

export interface ReportFileMatch {
  campaignId: string;
  /** Generation stamp digits, 'YYYYMMDDHHMMSS'. */
  generatedStamp: string;
  generatedAt: Date | null;
}

/** Whether `fileName` is a report of the drop named `dropName` (with or without '.csv'); null if not. */
export function matchReportFile(dropName: string, fileName: string): ReportFileMatch | null {
  const base = dropName.replace(/\.csv$/i, '');
  if (!fileName.startsWith(`${base}_`)) return null;
  const rest = fileName.slice(base.length + 1);
  const match = /^(\d+)_(\d{8}_?\d{6})\.csv$/i.exec(rest);
  if (!match) return null;
  const generatedStamp = match[2].replace('_', '');
  return { campaignId: match[1], generatedStamp, generatedAt: parseStampInstant(generatedStamp) };
}

/** The reports of a drop among folder entries, oldest first (by generation stamp). */
export function findReportFiles(dropName: string, fileNames: readonly string[]): (ReportFileMatch & { fileName: string })[] {
  const found: (ReportFileMatch & { fileName: string })[] = [];
  for (const fileName of fileNames) {
    const match = matchReportFile(dropName, fileName);
    if (match) found.push({ ...match, fileName });
  }
  return found.sort((a, b) => a.generatedStamp.localeCompare(b.generatedStamp));
}

export const mediasflowReportFolder = '/Campagnes/Report';
export const mediasflowReportArchiveFolder = '/Campagnes/Report/archive';
