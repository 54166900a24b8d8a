/**
 * The per-campaign report of a MediasFlow REST job: GET
 * /campaigns/reportjson/{campaignId} (a read, safe to repeat), turned into
 * the SFTP report's CSV (shared/reports/rest-report-csv.ts) and saved as a
 * new version of the job's report when it differs from the latest one — so
 * the report screens, figures, evolution and opt-out feed work as for SFTP
 * campaigns. Polled on the same schedule (report-schedule.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { restReportRowsToCsv } from '@shared/reports/rest-report-csv';
import { formatStamp14 as formatStamp } from '@shared/scheduling/paris-time';
import { createRestClient, type RestClientOptions, type RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import { writeFileAtomic } from '../workspace/atomic-write';
import type { ReportStore, ReportState } from './report-store';

export interface RestReportVersion {
  fileName: string;
  remotePath: string;
  archived: false;
  generatedAtStamp: string;
  generatedAt: string;
  size: number;
  dropBaseName: string;
  campaignId: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads the report now; a version (already written to the job's folder) when it changed, else none. */
export async function fetchRestReportVersion(input: {
  jobId: string;
  campaignId: string;
  endpoint: RestEndpoint;
  clientOptions?: RestClientOptions;
  store: ReportStore;
  state: ReportState;
  now: Date;
}): Promise<RestReportVersion[]> {
  const client = createRestClient(input.endpoint, input.clientOptions);
  let csv: string;
  try {
    csv = restReportRowsToCsv(await client.callJson<unknown>({ method: 'GET', path: `/campaigns/reportjson/${input.campaignId}` }));
  } finally {
    await client.close();
  }
  // Nothing published yet (header only), or the same rows as the latest version: no new version.
  if (csv.split('\r\n').filter(Boolean).length <= 1) return [];
  const latest = input.state.versions.at(-1);
  if (latest) {
    const previous = await readFile(input.store.filePath(input.jobId, latest.fileName), 'utf8').catch(() => null);
    if (previous !== null && sha(previous) === sha(csv)) return [];
  }
  const generatedAtStamp = formatStamp(input.now);
  const fileName = `API-MEDIASFLOW_${input.campaignId}_${generatedAtStamp}.csv`;
  if (input.state.versions.some((version) => version.fileName === fileName)) return [];
  await writeFileAtomic(input.store.filePath(input.jobId, fileName), csv);
  return [{
    fileName,
    remotePath: `/campaigns/reportjson/${input.campaignId}`,
    archived: false,
    generatedAtStamp,
    generatedAt: new Date(Math.floor(input.now.getTime() / 1000) * 1000).toISOString(),
    size: Buffer.byteLength(csv),
    dropBaseName: 'API-MEDIASFLOW',
    campaignId: input.campaignId,
  }];
}
