/**
 * The file drop after the upload: reading the provider's acknowledgement
 * file, and scanning the server for the drop before a cancel or a new upload
 * the user asked for.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { AckResult } from '@shared/providers/ack-result';
import { getProviderProfile } from '@shared/providers/provider-registry';
import { ConnectorError } from '../../../connectors/connector-error';
import type { JobRecord } from '../../job-record';
import type { DriverContext } from '../../channel-driver';
import type { FileDropSettings } from './file-drop-settings';
import { connect, eventReason, listFolders, reasonOf, removeQuietly } from './file-drop-session';

function providerName(record: JobRecord): string {
  return getProviderProfile(record.job.providerId).family === 'mediasflow' ? 'MediasFlow' : 'AllMySMS';
}

export async function pollAck(start: JobRecord, ctx: DriverContext, settings: FileDropSettings): Promise<JobRecord> {
  const { apply } = ctx;
  let record = start;
  const connected = await connect(record, ctx.connections, settings.fileSystemFactory);
  if ('event' in connected) return apply(record, { type: 'ack-not-yet', error: eventReason(connected.event) });
  const { fs } = connected;
  const profile = getProviderProfile(record.job.providerId);
  try {
    const listings = await listFolders(fs, profile.scanFolders(record.job.channel));
    const lookup = profile.locateAck(
      { channel: record.job.channel, idDelivery: record.job.idDelivery, remoteName: record.job.remoteName ?? '' },
      listings,
    );
    let answer: AckResult | null = null;
    if (lookup.status === 'answered') answer = lookup.result;
    else if (lookup.status === 'read' && profile.family === 'mediasflow') {
      answer = profile.interpretAck(lookup.fileName, await fs.readText(lookup.path));
    }
    if (!answer) return await apply(record, { type: 'ack-not-yet' });
    if (answer.kind === 'accepted') {
      record = await apply(record, { type: 'ack-accepted', campaignId: answer.campaignId });
      ctx.notify('accepted', record, providerName(record));
    } else {
      record = await apply(record, { type: 'ack-rejected', code: answer.code, message: answer.message, action: answer.action, detail: answer.detail });
      ctx.notify('rejected', record, providerName(record));
    }
    return record;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const reason = error instanceof ConnectorError ? reasonOf(error) : { code: 'unexpected', message: String(error) };
    return apply(record, { type: 'ack-not-yet', error: reason });
  } finally {
    await fs.close();
  }
}

/** Scans the server for the drop: 'found' (and the job moved to awaiting-ack) or 'absent' (temporaries removed). */
export async function checkServer(start: JobRecord, ctx: DriverContext, settings: FileDropSettings): Promise<{ record: JobRecord; found: boolean }> {
  const connected = await connect(start, ctx.connections, settings.fileSystemFactory);
  if ('event' in connected) {
    const reason = eventReason(connected.event) ?? null;
    throw new UserFacingError(
      'server-check-failed',
      `Impossible de vérifier le serveur avant de continuer : ${reason?.message ?? 'connexion impossible'} Le dépôt reste en l'état ; réessayez quand la connexion est rétablie.`,
      { id: start.job.id },
    );
  }
  const { fs } = connected;
  const profile = getProviderProfile(start.job.providerId);
  try {
    const scan = profile.scanForDrop(
      { channel: start.job.channel, idDelivery: start.job.idDelivery },
      await listFolders(fs, profile.scanFolders(start.job.channel)),
    );
    if (scan.landed) {
      const record = await ctx.apply(start, { type: 'found-on-server', remoteName: scan.landed.remoteName, stage: scan.landed.stage });
      return { record, found: true };
    }
    for (const temporary of scan.temporaries) await removeQuietly(fs, temporary);
    return { record: start, found: false };
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      'server-check-failed',
      `Impossible de vérifier le serveur avant de continuer : ${error instanceof Error ? error.message : String(error)} Le dépôt reste en l'état.`,
      { id: start.job.id },
    );
  } finally {
    await fs.close();
  }
}

/** A cancel is pending on a job that may be on the server: scan, then follow the copy or cancel. */
export async function pendingCancelCheck(start: JobRecord, ctx: DriverContext, settings: FileDropSettings): Promise<JobRecord> {
  try {
    const { record, found } = await checkServer(start, ctx, settings);
    if (found) return record;
    return await ctx.apply(record, { type: 'not-on-server' });
  } catch (error) {
    ctx.log(`queue: server check for the cancel of ${start.job.id} failed; will try again`, error);
    return start;
  }
}
