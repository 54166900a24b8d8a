/**
 * The SFTP/FTP file drop as a channel driver (MediasFlow SFTP, AllMySMS
 * FTP/SFTP and their demo boxes): its steps are 'upload' (scan, temporary
 * name, rename), 'poll-ack' (the acknowledgement file) and 'check-server' (a
 * pending cancel on a drop that may be on the server). Its pure rules are
 * shared/queue/transition.ts (the state machine) and
 * shared/queue/job-schedule.ts (what is due when).
 */
import { providerIds } from '@shared/providers/provider-ids';
import { dueAction, nextWakeAt } from '@shared/queue/job-schedule';
import { transition } from '@shared/queue/transition';
import { defaultStampMarginMs } from '@shared/providers/mediasflow/mediasflow-name';
import { createRemoteFileSystem } from '../../../connectors/create-remote-file-system';
import type { ChannelDriver } from '../../channel-driver';
import type { FileDropSettings } from './file-drop-settings';
import { upload } from './file-drop-upload';
import { checkServer, pendingCancelCheck, pollAck } from './file-drop-answer';

export function createFileDropDriver(given: Partial<Omit<FileDropSettings, 'stampMarginMs'>> & { stampMarginMs?: number | (() => number) } = {}): ChannelDriver {
  const settings: FileDropSettings = {
    fileSystemFactory: given.fileSystemFactory ?? ((config) => createRemoteFileSystem(config)),
    stampMarginMs: typeof given.stampMarginMs === 'number' ? given.stampMarginMs : defaultStampMarginMs,
    progressIntervalMs: given.progressIntervalMs ?? 200,
    // No list given: nothing to re-check against (tests of the driver alone).
    optOutNumbers: given.optOutNumbers ?? (async () => new Set<string>()),
  };
  return {
    name: 'file-drop',
    handles: (providerId) => (providerIds as readonly string[]).includes(providerId),
    dueAction(job, now, context) {
      if (job.state === 'uploading') return 'upload';
      if (!context.online) return null;
      const due = dueAction(job, now);
      if (due) return due;
      if (job.state === 'awaiting-ack' && context.pollAllAnswers) return 'poll-ack';
      if (job.state === 'waiting' && job.waitingFor === 'network' && context.networkBack) return 'upload';
      if (job.state === 'waiting' && job.waitingFor === 'opt-outs' && context.optOutsBack) return 'upload';
      return null;
    },
    nextWakeAt,
    transition,
    async work(action, record, ctx) {
      if (action === 'upload') return upload(record, ctx, typeof given.stampMarginMs === 'function' ? { ...settings, stampMarginMs: given.stampMarginMs() } : settings);
      if (action === 'poll-ack') return pollAck(record, ctx, settings);
      if (action === 'check-server') return pendingCancelCheck(record, ctx, settings);
      throw new Error(`file-drop: unknown step ${action}`);
    },
    checkAnswer: (record, ctx) => pollAck(record, ctx, settings),
    async beforeResend(start, ctx) {
      if (!(start.job.attempts > 0 || start.job.mayBeOnServer)) return { record: start, found: false };
      const checked = await checkServer(start, ctx, settings);
      if (checked.found) return checked;
      let record = checked.record;
      if (record.job.mayBeOnServer) record = await ctx.apply(record, { type: 'not-on-server' });
      return { record, found: false };
    },
  };
}
