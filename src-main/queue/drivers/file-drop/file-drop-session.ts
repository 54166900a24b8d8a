/** Connecting a file-drop job to its server, listing folders, and turning connector errors into job events. */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { FolderListing } from '@shared/providers/provider-profile';
import type { JobEvent, JobReason } from '@shared/queue/job-types';
import { ConnectorError } from '../../../connectors/connector-error';
import type { ConnectionConfig } from '../../../connectors/connection-config';
import type { RemoteFileSystem } from '../../../connectors/remote-file-system';
import type { JobRecord } from '../../job-record';
import type { FileSystemFactory, QueueConnections } from '../../queue-types';

export function reasonOf(error: ConnectorError): JobReason {
  const reason: JobReason = { code: error.kind, message: error.message };
  const detail = error.params.fingerprint ?? error.params.detail;
  if (detail) reason.detail = detail;
  return reason;
}

export function connectorEvent(error: unknown): JobEvent {
  if (error instanceof ConnectorError) {
    return error.transient
      ? { type: 'network-error', error: reasonOf(error), slow: error.kind === 'server-full' }
      : { type: 'permanent-error', error: reasonOf(error) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'permanent-error', error: { code: 'unexpected', message: `Erreur inattendue pendant le dépôt : ${message}`, detail: message } };
}

/** Connection → connected file system, or the reason it cannot be (as a job event). */
export async function connect(
  record: JobRecord,
  connections: QueueConnections,
  factory: FileSystemFactory,
): Promise<{ fs: RemoteFileSystem } | { event: JobEvent }> {
  let config: ConnectionConfig;
  try {
    const connection = await connections.getStored(record.job.connectionId);
    config = await connections.resolveConfig(connection);
  } catch (error) {
    const code = error instanceof UserFacingError ? error.code : 'connection-unusable';
    const message = error instanceof Error ? error.message : String(error);
    return { event: { type: 'permanent-error', error: { code, message } } };
  }
  const fs = factory(config);
  try {
    await fs.connect();
    return { fs };
  } catch (error) {
    await fs.close();
    return { event: connectorEvent(error) };
  }
}

export async function listFolders(fs: RemoteFileSystem, folders: readonly string[]): Promise<FolderListing[]> {
  const listings: FolderListing[] = [];
  for (const folder of folders) {
    try {
      listings.push({ folder, names: (await fs.list(folder)).filter((entry) => !entry.isDirectory).map((entry) => entry.name) });
    } catch (error) {
      // Acknowledgement folders may not exist before the provider's first answer.
      if (error instanceof ConnectorError && error.kind === 'folder-missing') continue;
      throw error;
    }
  }
  return listings;
}

export async function removeQuietly(fs: RemoteFileSystem, path: string): Promise<void> {
  await fs.remove(path).catch(() => undefined);
}

/** The reason carried by a connect failure event, if any. */
export function eventReason(event: JobEvent): JobReason | undefined {
  return 'error' in event ? (event as { error: JobReason }).error : undefined;
}
