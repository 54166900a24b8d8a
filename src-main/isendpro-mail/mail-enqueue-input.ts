/**
 * An iSendPro campaign plan → the ONE queue job that carries its batches
 * (the mail driver's prepareJob saves every batch's mail, emailId and bytes,
 * before the record). The CLI `drop` and the app's `drops:submit` both queue
 * through this function, so a campaign is queued the same way from either.
 */
import type { IsendproCampaignPlan } from '@shared/providers/isendpro/isendpro-batches';
import type { SendType } from '@shared/scheduling/send-window';
import type { StoredConnection } from '../connections/connection-types';
import type { EnqueueInput } from '../queue/queue-types';

export interface MailEnqueueOptions {
  connection: StoredConnection;
  plan: IsendproCampaignPlan;
  idDelivery: string;
  sendType: SendType;
  campaignName: string;
  sender: string;
  programmedAt: string | null;
  includeOptedOut: boolean;
  /** The app's draft and saved list, when the campaign comes from the composer. */
  draftId?: string | null;
  listId?: string | null;
}

export function mailEnqueueInput(options: MailEnqueueOptions): EnqueueInput {
  const { connection, plan, idDelivery } = options;
  return {
    connection,
    job: {
      providerId: 'isendpro-mail',
      channel: 'sms',
      sendType: options.sendType,
      campaignName: options.campaignName,
      templateId: null,
      idDelivery,
      programmedAt: options.programmedAt,
      ...(options.draftId ? { draftId: options.draftId } : {}),
      ...(options.listId ? { listId: options.listId } : {}),
    },
    remoteFolder: connection.mail?.to ?? '',
    file: {
      name: 'campaign.json',
      data: Buffer.from(JSON.stringify({ idDelivery, sender: options.sender, mails: plan.batches.length, recipients: plan.recipients })),
      recipients: plan.recipients,
    },
    optOuts: options.includeOptedOut ? 'included' : 'left-out',
    mail: {
      sender: options.sender,
      drafts: plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong })),
      leftOutForeign: plan.leftOutForeign.count,
      recipients: plan.recipients,
    },
  };
}
