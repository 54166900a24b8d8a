/**
 * iSendPro mail-to-SMS as a channel driver: a job is a campaign cut in
 * batches of 500 recipients, one e-mail each, with their states in job.mail.
 * Steps: 'mail-send' (every due batch, each persisted "sending" before its
 * SMTP DATA and "sent" after) and 'mail-read' (the answer mailbox, from this
 * job's saved UIDVALIDITY + UID). prepareJob allocates the emailIds and saves
 * every batch's exact mail before the record that names them exists. Pure
 * rules: shared/queue/mail/ and shared/providers/isendpro/.
 */
import { deriveJobState } from '@shared/providers/isendpro/isendpro-job';
import { mailTransition, type MailTransitionEvent } from '@shared/queue/mail/mail-transition';
import { mailDueAction, mailNextWakeAt } from '@shared/queue/mail/mail-schedule';
import { asIsendproJob } from '@shared/queue/mail/mail-job-view';
import { defaultMarketingWindow } from '@shared/scheduling/send-window';
import type { ChannelDriver } from '../../channel-driver';
import { createBatches } from '../../../isendpro-mail/create-batches';
import { identityOf } from '../../../isendpro-mail/isendpro-mail-settings';
import { sendRawMail } from '../../../isendpro-mail/smtp-send';
import type { MailDriverSettings } from './mail-driver-settings';
import { mailWriter } from './mail-files';
import { readAnswers } from './mail-read';
import { sendDueBatches } from './mail-send';

export const MAIL_PROVIDER_IDS: readonly string[] = ['isendpro-mail'];

export function createMailDriver(given: Partial<MailDriverSettings> & Pick<MailDriverSettings, 'dataDir'>): ChannelDriver {
  const settings: MailDriverSettings = {
    resolveSettings: async (record, ctx) => {
      if (!ctx.connections.resolveMailSettings) throw new Error('mail driver: the connections service cannot resolve mail settings');
      return ctx.connections.resolveMailSettings(await ctx.connections.getStored(record.job.connectionId));
    },
    window: () => defaultMarketingWindow,
    optOutNumbers: async () => new Set<string>(),
    onOptOuts: async () => undefined,
    send: (mailSettings, bytes) => sendRawMail(mailSettings, bytes),
    ...given,
  };
  return {
    name: 'mail',
    handles: (providerId) => MAIL_PROVIDER_IDS.includes(providerId),
    dueAction: (job, now, context) =>
      mailDueAction(job, now, { online: context.online || job.state === 'uploading', pollAllAnswers: context.pollAllAnswers, answersWatched: settings.answerWatch?.watched(job.connectionId) }),
    nextWakeAt: (job) => mailNextWakeAt(job, new Date(), { answersWatched: settings.answerWatch?.watched(job.connectionId) }),
    transition: (job, event, now) => mailTransition(job, event as MailTransitionEvent, now),
    async prepareJob(job, input, ctx) {
      const setup = input.mail;
      if (!setup || setup.drafts.length === 0) throw new Error('mail driver: a mail job needs its batches');
      const now = ctx.clock.now();
      const mailSettings = await settings.resolveSettings({ job }, ctx);
      const start = job.programmedAt && Date.parse(job.programmedAt) > now.getTime() ? new Date(job.programmedAt) : now;
      const batches = await createBatches({
        dataDir: settings.dataDir,
        store: mailWriter(ctx.store),
        jobId: job.id,
        campaignName: job.campaignName,
        tracker: job.idDelivery,
        sender: setup.sender,
        identity: identityOf(mailSettings),
        drafts: setup.drafts.map((draft) => ({ ...draft, notBefore: start, followUpOf: null })),
        now,
      });
      const withMail = {
        ...job,
        mail: { tracker: job.idDelivery, sender: setup.sender, batches, leftOutForeign: setup.leftOutForeign, recipients: setup.recipients, notifications: [], mailbox: null },
      };
      const state = deriveJobState(asIsendproJob(withMail), now);
      return { ...withMail, state, waitingFor: state === 'waiting' ? 'time' : null, nextAttemptAt: state === 'waiting' ? start.toISOString() : null };
    },
    async work(action, record, ctx) {
      if (action === 'mail-send') return sendDueBatches(record, ctx, settings);
      if (action === 'mail-read') return readAnswers(record, ctx, settings);
      throw new Error(`mail: unknown step ${action}`);
    },
    checkAnswer: (record, ctx) => readAnswers(record, ctx, settings),
    async beforeResend(record) {
      // Nothing to prove: confirm and reschedule are refused by the state machine; a batch is only ever resent byte for byte.
      return { record, found: false };
    },
  };
}
