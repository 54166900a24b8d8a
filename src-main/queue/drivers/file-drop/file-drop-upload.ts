/**
 * The file drop's upload step, exactly once, in order: scan the server for a
 * copy of the drop (by IDDELIVERY, drop folder and acknowledgement folders) →
 * delete leftover temporaries → check the programmed time → fix the remote
 * name (persisted, reused on every retry) → upload under the temporary name,
 * check the size (dropFileExactlyOnce, which scans once more) → check cancel +
 * the MediasFlow stamp + the lock → persist 'renaming' → rename → persist
 * 'uploaded'.
 *
 * The MediasFlow stamp is the upload start. A retry reuses the same name; if
 * the stamp is too old to be accepted (2 h minus a margin), the job is HELD:
 * a new stamp is never invented silently.
 */
import { posix } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { isStampStillUsable } from '@shared/providers/mediasflow/mediasflow-name';
import { checkProgrammedTime } from '@shared/scheduling/programmed-time';
import { transition } from '@shared/queue/transition';
import { ConnectorError } from '../../../connectors/connector-error';
import { dropFileExactlyOnce } from '../../../connectors/exactly-once-upload';
import { sha256Hex } from '../../job-store';
import { recheckOptOutsBeforeFirstUpload } from '../../../opt-outs/recheck-before-upload';
import type { JobRecord } from '../../job-record';
import type { DriverContext } from '../../channel-driver';
import type { FileDropSettings } from './file-drop-settings';
import { buildRemoteName } from './remote-name';
import { connect, connectorEvent, listFolders, removeQuietly } from './file-drop-session';

/** Why an upload stopped on purpose (not a connector failure). */
class UploadAbort extends Error {
  constructor(readonly why: 'cancel' | 'stamp' | 'lock-lost') {
    super(`upload aborted: ${why}`);
  }
}

export async function upload(start: JobRecord, ctx: DriverContext, settings: FileDropSettings): Promise<JobRecord> {
  const { apply, say, clock } = ctx;
  const { stampMarginMs, progressIntervalMs } = settings;
  let record = start;
  if (record.job.state === 'uploading') {
    // Found uploading with a free lock: its worker died mid-upload.
    record = await apply(record, { type: 'interrupted' });
  }
  // 0. Before the first byte: numbers that answered STOP since the drop was queued are left out (the file is rebuilt and saved first).
  let recheck;
  try {
    recheck = await recheckOptOutsBeforeFirstUpload(record, {
      store: ctx.store,
      numberSet: settings.optOutNumbers,
      persist: async (next) => {
        await ctx.store.write(next);
        ctx.show(next);
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'opt-outs-unreadable') {
      // Fail closed: nothing is uploaded; the job waits (calm backoff, or woken by the repair) with the reason shown in Envois.
      say(`${record.job.id} : ${error.message} Dépôt laissé en attente.`);
      const problem = error.params?.problem;
      return apply(record, { type: 'opt-outs-unreadable', ...(typeof problem === 'string' ? { detail: problem } : {}) });
    }
    throw error;
  }
  record = recheck.record;
  if (recheck.emptied) {
    return apply(record, {
      type: 'permanent-error',
      error: {
        code: 'all-opted-out',
        message: `Tous les destinataires de ce dépôt (${recheck.removed}) ont demandé à ne plus recevoir de messages depuis sa programmation : rien n'a été envoyé.`,
        action: 'Annulez ce dépôt.',
      },
    });
  }
  if (recheck.removed > 0) say(`${record.job.id} : ${recheck.removed} destinataire(s) opposé(s) depuis la programmation retiré(s) du fichier avant l'envoi.`);
  const data = await ctx.store.readFile(record.job.id, record.file).catch(() => null);
  if (!data || data.length !== record.file.bytes || sha256Hex(data) !== record.file.sha256) {
    return apply(record, {
      type: 'permanent-error',
      error: {
        code: 'prepared-file-damaged',
        message: "Le fichier préparé pour ce dépôt a disparu ou a changé sur cet ordinateur : il n'a pas été envoyé.",
        action: 'Annulez ce dépôt et préparez la campagne à nouveau.',
      },
    });
  }
  const connected = await connect(record, ctx.connections, settings.fileSystemFactory);
  if ('event' in connected) return apply(record, connected.event);
  const { fs, profile } = connected;
  const channel = record.job.channel;
  const identity = { channel, idDelivery: record.job.idDelivery };
  const dropFolder = profile.dropFolder(channel);
  let tempPathOnServer: string | null = null;
  try {
    // 1. Never twice: a copy of this drop (any name carrying its IDDELIVERY) already there?
    const scan = profile.scanForDrop(identity, await listFolders(fs, profile.scanFolders(channel)));
    if (scan.landed) {
      say(`${record.job.id} : une copie est déjà sur le serveur (${scan.landed.folder}/${scan.landed.fileName}) : rien n'est renvoyé.`);
      return await apply(record, { type: 'found-on-server', remoteName: scan.landed.remoteName, stage: scan.landed.stage });
    }
    for (const temporary of scan.temporaries) await removeQuietly(fs, temporary);
    if (record.job.mayBeOnServer) {
      record = await apply(record, { type: 'not-on-server' });
      if (record.job.state === 'cancelled') return record;
    }

    // 2. Time checks: a passed programmed time or a stale stamp needs the user.
    const now = clock.now();
    if (record.job.programmedAt) {
      const check = checkProgrammedTime(new Date(record.job.programmedAt), now);
      if (!check.ok) return await apply(record, { type: 'programmed-time-passed', tooSoon: check.code === 'programmed-time-too-soon' });
    }
    let remoteName: string;
    let stampAt: string | null;
    if (record.job.remoteName && !record.renewName) {
      remoteName = record.job.remoteName;
      stampAt = record.job.stampAt;
      if (profile.family === 'mediasflow' && stampAt && !isStampStillUsable(new Date(stampAt), now, stampMarginMs)) {
        return await apply(record, { type: 'stamp-expired' });
      }
    } else {
      const built = buildRemoteName(profile, record.job, now);
      if (!built.ok) {
        return await apply(record, {
          type: 'permanent-error',
          error: { code: 'name-invalid', message: `Le nom du fichier ne peut pas être construit (${built.problems.join(', ')}).`, action: 'Corrigez le nom de la campagne ou le numéro de campagne modèle, puis préparez le dépôt à nouveau.' },
        });
      }
      remoteName = built.name;
      stampAt = built.stampAt;
    }
    const temporaryName = profile.temporaryName(remoteName);
    const temporaryPath = profile.temporaryPath(channel, remoteName);
    tempPathOnServer = temporaryPath;

    // 3. The name is on disk before the first byte leaves: every retry reuses it.
    record = await apply(record, { type: 'start-upload', remoteName, temporaryName, totalBytes: data.length, stampAt }, { renewName: false });
    say(`${record.job.id} : dépôt de ${remoteName} (${data.length} octets) dans ${dropFolder}`);

    let lastProgressAt = 0;
    const result = await dropFileExactlyOnce({
      fs,
      folder: dropFolder,
      finalName: remoteName,
      tempName: temporaryName,
      tempFolder: posix.dirname(temporaryPath),
      data,
      searchFolders: profile.scanFolders(channel).filter((folder) => folder !== dropFolder),
      recognise: (name, folder) => profile.recognise(name, folder, identity),
      onProgress: (bytes, total) => {
        const at = Date.now();
        if (at - lastProgressAt < progressIntervalMs && bytes < total) return;
        lastProgressAt = at;
        const moved = transition(record.job, { type: 'progress', uploadedBytes: bytes }, clock.now(), ctx.transitionOptions);
        if (moved.ok) {
          record = { ...record, job: moved.job };
          ctx.show(record);
        }
        say(`${record.job.id} : ${bytes}/${total} octets`);
      },
      onStep: async (step) => {
        if (step !== 'size-verified') return;
        // The last moment anything can be stopped: after the rename the provider has it.
        record = await ctx.applyCancelMarker(record);
        if (record.job.cancelRequested) throw new UploadAbort('cancel');
        if (profile.family === 'mediasflow' && stampAt && !isStampStillUsable(new Date(stampAt), clock.now(), stampMarginMs)) {
          throw new UploadAbort('stamp');
        }
        if (!(await ctx.stillOwned())) throw new UploadAbort('lock-lost');
        record = await apply(record, { type: 'renaming' });
      },
    });
    if (result.outcome === 'already-landed') {
      return await apply(record, { type: 'found-on-server', remoteName: result.name, stage: result.folder === dropFolder ? 'dropped' : 'answered' });
    }
    record = await apply(record, { type: 'uploaded' });
    if (result.name !== remoteName) say(`${record.job.id} : le fournisseur a déjà pris le fichier (${result.folder}/${result.name}).`);
    return record;
  } catch (error) {
    if (error instanceof UploadAbort) {
      if (tempPathOnServer) await removeQuietly(fs, tempPathOnServer);
      if (error.why === 'cancel') return apply(record, { type: 'upload-cancelled' });
      if (error.why === 'stamp') return apply(record, { type: 'stamp-expired' });
      ctx.log(`queue: lock of ${record.job.id} taken over while uploading; stopped before the rename`);
      return record;
    }
    if (error instanceof UserFacingError) throw error;
    const event = connectorEvent(error);
    if (!(error instanceof ConnectorError)) ctx.log(`queue: unexpected error while dropping ${record.job.id}`, error);
    return apply(record, event);
  } finally {
    await fs.close();
  }
}
