/**
 * Seeds a workspace with what the queue and the connections service would
 * have written after an accepted drop (<dataDir>/queue/<jobId>.json,
 * connections.json), and a MediasFlow-like report folder on a test SFTP
 * server. Used by the report integration tests and the reports e2e test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createJob } from '../../../shared/queue/job-schedule';
import type { Channel, ProviderId } from '../../../shared/providers/provider-ids';
import { encodeReportText, type ReportTextEncoding } from '../../../shared/reports/report-encoding';
import { generateReport, type GenerateReportOptions } from '../../../shared/reports/generate-report';
import { createJobStore } from '../../../src-main/queue/job-store';
import type { JobRecord } from '../../../src-main/queue/job-record';
import type { ConnectionsFile, StoredConnection } from '../../../src-main/connections/connection-types';
import type { SftpTestServer } from '../servers/sftp-test-server';

export const PASSWORD_ENV = 'DROPDESK_TEST_REPORTS_PASSWORD';

export interface SeedJobInput {
  id: string;
  providerId?: ProviderId;
  channel?: Channel;
  campaignName: string;
  remoteName: string;
  campaignId: string | null;
  connection: { id: string; name: string };
  idDelivery?: string;
  /** When the provider accepted it (also the send time of an immediate send). */
  acceptedAt: string;
  state?: JobRecord['job']['state'];
  recipients?: number;
}

export async function seedJob(dataDir: string, input: SeedJobInput): Promise<JobRecord> {
  const store = createJobStore(dataDir);
  const created = createJob(
    {
      id: input.id,
      connectionId: input.connection.id,
      providerId: input.providerId ?? 'mediasflow-sftp',
      channel: input.channel ?? 'sms',
      sendType: 'marketing',
      campaignName: input.campaignName,
      templateId: input.providerId?.startsWith('allmysms') ? null : '428992',
      idDelivery: input.idDelivery ?? 'MEDIAFLOWSMS',
    },
    new Date(Date.parse(input.acceptedAt) - 600_000),
  );
  const state = input.state ?? 'accepted';
  const job = {
    ...created,
    state,
    remoteName: input.remoteName,
    onServerAt: new Date(Date.parse(input.acceptedAt) - 300_000).toISOString(),
    campaignId: state === 'accepted' ? input.campaignId : null,
    updatedAt: input.acceptedAt,
    history: [
      ...created.history,
      ...(state === 'accepted' ? [{ at: input.acceptedAt, event: 'ack-accepted' as const, from: 'awaiting-ack' as const, to: 'accepted' as const }] : []),
    ],
  };
  const file = await store.saveFile(input.id, input.remoteName, new TextEncoder().encode('MOBILE\n33600000000\n'), input.recipients ?? 40);
  const record: JobRecord = { formatVersion: 1, job, connectionName: input.connection.name, remoteFolder: '/Campagnes/SMS', file, renewName: false };
  await store.write(record);
  return record;
}

/** A MediasFlow SFTP connection to the test server; the password comes from PASSWORD_ENV. */
export async function seedConnection(dataDir: string, server: SftpTestServer, id = 'c-test', name = 'MediasFlow (test)'): Promise<StoredConnection> {
  process.env[PASSWORD_ENV] = server.password;
  const connection: StoredConnection = {
    id,
    name,
    provider: 'mediasflow-sftp',
    demo: false,
    host: server.host,
    port: server.port,
    user: server.username,
    ftps: false,
    hostKey: server.hostKeyFingerprint,
    passwordEnv: PASSWORD_ENV,
    encryptedPassword: null,
    createdAt: '2024-11-01T00:00:00.000Z',
    updatedAt: '2024-11-01T00:00:00.000Z',
  };
  const file: ConnectionsFile = { formatVersion: 1, connections: [connection] };
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'connections.json'), JSON.stringify(file));
  return connection;
}

export interface PlacedReport {
  /** Path on the server. */
  remotePath: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Writes a generated report version on the server, as MediasFlow would. */
export async function placeReport(
  server: SftpTestServer,
  options: GenerateReportOptions,
  placement: { folder?: '/Campagnes/Report' | '/Campagnes/Report/archive'; encoding?: ReportTextEncoding; upperCaseExtension?: boolean } = {},
): Promise<PlacedReport> {
  const generated = generateReport(options);
  const fileName = placement.upperCaseExtension ? generated.fileName.replace(/\.csv$/, '.CSV') : generated.fileName;
  const folder = placement.folder ?? '/Campagnes/Report';
  const bytes = encodeReportText(generated.content, placement.encoding ?? 'utf-8');
  await server.mkdirs(folder);
  await writeFile(server.realPath(`${folder}/${fileName}`), bytes);
  return { remotePath: `${folder}/${fileName}`, fileName, bytes };
}
