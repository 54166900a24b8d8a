/**
 * Turns a prepared drop into queued jobs (one per file: a split AllMySMS drop
 * is several jobs sharing a groupId). Refuses a drop with blocking problems,
 * and a marketing drop outside the window unless the caller says the user
 * chose to send anyway.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { Queue } from '../queue/queue-runtime';
import type { JobView } from '../queue/job-view';
import type { PreparedDrop } from './prepare-drop';
import { mailEnqueueInput } from '../isendpro-mail/mail-enqueue-input';

export interface SubmitOptions {
  /** The user saw the window warning and sends anyway (the UI offers "Programmer" at the next slot instead). */
  allowOutsideWindow?: boolean;
}

export async function submitDrop(prepared: PreparedDrop, queue: Pick<Queue, 'enqueue'>, options: SubmitOptions = {}): Promise<JobView[]> {
  const { summary } = prepared;
  if (summary.blocking.length > 0) {
    throw new UserFacingError('drop-blocked', summary.blocking.map((problem) => problem.message).join(' '), {
      codes: summary.blocking.map((problem) => problem.code).join(','),
    });
  }
  if (!summary.window.ok && !options.allowOutsideWindow) {
    const slot = summary.window.nextAllowedSlotText;
    throw new UserFacingError(
      'outside-send-window',
      `Envoi marketing hors des heures autorisées${slot ? ` : prochain créneau autorisé le ${slot}` : ''}. Programmez l'envoi à ce créneau, ou choisissez le type « notification » si le message n'est pas commercial.`,
      slot ? { nextAllowedSlot: summary.window.nextAllowedSlot ?? '', nextAllowedSlotText: slot } : undefined,
    );
  }
  // iSendPro: ONE job carrying its batches, queued exactly as the CLI `drop` does.
  if (prepared.mail) {
    const { plan, idDelivery, sender } = prepared.mail;
    return [
      await queue.enqueue(
        mailEnqueueInput({ connection: prepared.connection, plan, idDelivery, sendType: prepared.type, campaignName: prepared.campaignName, sender, programmedAt: prepared.programmedAt, includeOptedOut: prepared.includeOptedOut, draftId: prepared.draftId, listId: prepared.listId }),
      ),
    ];
  }
  const jobs: JobView[] = [];
  for (const part of prepared.parts) {
    jobs.push(
      await queue.enqueue({
        connection: prepared.connection,
        job: {
          providerId: prepared.providerId,
          channel: prepared.channel,
          sendType: prepared.type,
          campaignName: prepared.campaignName,
          fileCampaignName: summary.fileCampaignName,
          draftId: prepared.draftId,
          listId: prepared.listId,
          ...(prepared.test ? { test: true } : {}),
          templateId: prepared.templateId,
          idDelivery: part.idDelivery,
          part: part.part,
          programmedAt: prepared.programmedAt,
          ...(prepared.rest ? { rest: prepared.rest } : {}),
        },
        remoteFolder: prepared.remoteFolder,
        file: { name: part.fileName, data: part.data, recipients: part.recipients },
        optOuts: prepared.includeOptedOut ? 'included' : 'left-out',
      }),
    );
  }
  return jobs;
}
