/**
 * MediasFlow report file names (guide §4.1):
 *   <dropped name without .csv>_<campaign number>_<YYYYMMDDHHMMSS>.csv
 * e.g. 428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130_636956_20241126113037.CSV
 *
 * The dropped name itself contains '_' (its own stamp, -PROG_…), so the name is read
 * from the right. The extension may be upper case. The report stamp is a Paris wall
 * clock. The drop names also accept the AAAAMMDD_HHMNSS stamp form, so the report
 * stamp is accepted in that form too (…_636956_20241126_113037.csv).
 *
 * The only reader of report names: the report fetcher, the demo box and the
 * report parser all call it.
 */
import { parseStampInstant } from '../scheduling/paris-time';

export interface ReportFileName {
  /** Base name of the file, without any folder. */
  fileName: string;
  /** The dropped file's name without its .csv extension. */
  dropBaseName: string;
  /** MediasFlow's campaign number (MFID). */
  campaignId: string;
  /** Report generation stamp, 'YYYYMMDDHHMMSS', Paris wall clock as written by the provider. */
  generatedAtStamp: string;
  /** The same moment as an ISO instant (UTC). */
  generatedAt: string;
  /** True when the path is under Report/archive (moved there after 7 days). */
  archived: boolean;
}

/** Where MediasFlow publishes reports (§4), and where it moves them after 7 days. */
export const mediasflowReportFolder = '/Campagnes/Report';
export const mediasflowReportArchiveFolder = '/Campagnes/Report/archive';

const COMPACT = /^(.+)_(\d+)_(\d{14})\.csv$/i;
const SPLIT = /^(.+)_(\d+)_(\d{8})_(\d{6})\.csv$/i;

/** Last segment of a '/' or '\' path. */
export function baseNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

/** Reads a report file name or path; null when it is not a report name (or its stamp is not a real date). */
export function parseReportFileName(path: string): ReportFileName | null {
  const fileName = baseNameOf(path.trim());
  let dropBaseName: string;
  let campaignId: string;
  let stamp: string;
  const compact = COMPACT.exec(fileName);
  const split = compact ? null : SPLIT.exec(fileName);
  if (compact) {
    [, dropBaseName, campaignId, stamp] = compact;
  } else if (split) {
    dropBaseName = split[1];
    campaignId = split[2];
    stamp = split[3] + split[4];
  } else {
    return null;
  }
  const instant = /^\d{14}$/.test(stamp) ? parseStampInstant(stamp) : null;
  if (!instant) return null;
  const folders = path.split(/[/\\]/).slice(0, -1);
  return {
    fileName,
    dropBaseName,
    campaignId,
    generatedAtStamp: stamp,
    generatedAt: instant.toISOString(),
    archived: folders.some((folder) => folder.toLowerCase() === 'archive'),
  };
}

/** The report name MediasFlow writes for a dropped file (used by the generator and the demo server). */
export function formatReportFileName(dropName: string, campaignId: string | number, generatedAtStamp: string): string {
  return `${stripCsvExtension(baseNameOf(dropName))}_${campaignId}_${generatedAtStamp}.csv`;
}

export function stripCsvExtension(name: string): string {
  return name.replace(/\.csv$/i, '');
}

/**
 * True when the report belongs to this drop: same dropped name (extension ignored,
 * case kept: the provider copies the name as is) and, when known, same campaign number.
 */
export function reportMatchesDrop(report: ReportFileName, dropFileName: string, campaignId?: string | number | null): boolean {
  if (report.dropBaseName !== stripCsvExtension(baseNameOf(dropFileName))) return false;
  return campaignId === undefined || campaignId === null || String(campaignId) === report.campaignId;
}

/** Oldest first; same stamp → by file name, so the order is stable. */
export function compareReportVersions(a: ReportFileName, b: ReportFileName): number {
  if (a.generatedAtStamp !== b.generatedAtStamp) return a.generatedAtStamp < b.generatedAtStamp ? -1 : 1;
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
}

/**
 * Report versions of one listing, oldest first, one per file name: the same file seen
 * in Report/ and Report/archive/ (moved between two polls) counts once, the
 * non-archived copy winning. Names that are not reports are dropped.
 */
export function sortReportVersions(paths: readonly string[]): ReportFileName[] {
  const byName = new Map<string, ReportFileName>();
  for (const path of paths) {
    const parsed = parseReportFileName(path);
    if (!parsed) continue;
    const seen = byName.get(parsed.fileName);
    if (!seen || (seen.archived && !parsed.archived)) byName.set(parsed.fileName, parsed);
  }
  return [...byName.values()].sort(compareReportVersions);
}

