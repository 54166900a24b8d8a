/**
 * 'mail-read': reads the answer mailbox once for one job, from where this
 * job last stood (UIDVALIDITY + UID, kept in job.mail.mailbox), and applies
 * the answers about ITS batches (an emailId is never guessed: "?" and other
 * jobs' emailIds are left alone; each job reads its own answers under its own
 * lock). Each answer is persisted as it is applied; the mailbox position is
 * persisted after them, so a crash in between only reads them again
 * (acknowledgements and notifications apply idempotently). In the app, the
 * read goes over the connection's mailbox watcher (its IDLE connection,
 * mailbox-watch-service.ts); the CLI and a job without a watcher open one
 * connection for the read.
 */
import { isendproOptOuts, collectOutcomes } from '@shared/providers/isendpro/isendpro-report';
import { applyAck, applyNotification } from '@shared/providers/isendpro/isendpro-job';
import { isendproSendableAt } from '@shared/providers/isendpro/isendpro-window';
import { backoffDelayMs, defaultSlowBackoff } from '@shared/queue/backoff';
import { asIsendproJob } from '@shared/queue/mail/mail-job-view';
import { awaitsAnswers, MAILBOX_READ_INTERVAL_MS } from '@shared/queue/mail/mail-schedule';
import type { DriverContext } from '../../channel-driver';
import type { JobRecord } from '../../job-record';
import { createBatches } from '../../../isendpro-mail/create-batches';
import { identityOf, type IsendproMailSettings } from '../../../isendpro-mail/isendpro-mail-settings';
import { connectImapClient, scanMailboxFrom, type MailboxAnswer } from '../../../isendpro-mail/mailbox-scan';
import type { ImapFlow } from 'imapflow';
import type { MailDriverSettings } from './mail-driver-settings';
import { mailWriter } from './mail-files';
import { frenchCount } from '@shared/i18n/french-count';

function announce(before: JobRecord, after: JobRecord, ctx: DriverContext): void {
  if (before.job.state === after.job.state) return;
  if (after.job.state === 'accepted') ctx.notify('accepted', after, 'iSendPro');
  if (after.job.state === 'rejected' || after.job.state === 'failed') ctx.notify('rejected', after, 'iSendPro');
}

async function applyAnswer(record: JobRecord, found: MailboxAnswer, ctx: DriverContext, settings: MailDriverSettings, mailSettings: IsendproMailSettings): Promise<JobRecord> {
  const emailId = found.answer.emailId;
  if (emailId === null) {
    ctx.log(`queue: iSendPro answer uid ${found.uid} has no emailId ("?"): not matched to any batch`);
    return record;
  }
  const campaign = asIsendproJob(record.job);
  const batch = campaign.batches.find((candidate) => candidate.emailId === emailId);
  if (!batch || batch.sendAttempts === 0) return record;
  const now = ctx.clock.now();
  let next = record;
  if (found.answer.kind === 'ack') {
    const ack = { ...found.answer, emailId };
    if (applyAck(campaign, ack, now) === campaign) return record;
    next = await ctx.apply(record, { type: 'mail-ack', ack });
  } else {
    const notification = { ...found.answer, emailId };
    const retryAt = new Date(now.getTime() + backoffDelayMs(1, defaultSlowBackoff));
    // Code 24 means iSendPro applies the commercial hours to this account: the follow-up waits for the marketing window.
    const nextWindowSlot = isendproSendableAt(new Date(now.getTime() + 60_000), 'marketing', settings.window(), settings.windowMarginMinutes);
    const outcome = applyNotification(campaign, notification, now, { nextWindowSlot, retryAt });
    if (outcome.job === campaign) return record;
    const added =
      outcome.followUps.length === 0
        ? []
        : await createBatches({
            dataDir: settings.dataDir,
            store: mailWriter(ctx.store),
            jobId: record.job.id,
            campaignName: record.job.campaignName,
            tracker: campaign.tracker,
            sender: campaign.sender,
            identity: identityOf(mailSettings),
            drafts: outcome.followUps,
            now,
          });
    if (added.length > 0) ctx.say(`${record.job.id} : ${frenchCount(added.length, 'e-mail de relance', 'e-mails de relance')} pour les destinataires pas encore envoyés (${outcome.followUps.map((f) => f.reason).join(', ')}).`);
    next = await ctx.apply(record, {
      type: 'mail-notification',
      notification,
      timing: { nextWindowSlot: nextWindowSlot ? nextWindowSlot.toISOString() : null, retryAt: retryAt.toISOString() },
      added,
    });
    const entries = isendproOptOuts(collectOutcomes([notification]).values(), { date: now.toISOString(), campaign: campaign.tracker });
    if (entries.length > 0) await settings.onOptOuts(entries);
  }
  await settings.onStep?.('answer-applied', { jobId: record.job.id, emailId });
  announce(record, next, ctx);
  return next;
}

export async function readAnswers(start: JobRecord, ctx: DriverContext, settings: MailDriverSettings): Promise<JobRecord> {
  let record = start;
  const later = () => new Date(ctx.clock.now().getTime() + MAILBOX_READ_INTERVAL_MS).toISOString();
  const mailbox = record.job.mail!.mailbox;
  let mailSettings: IsendproMailSettings;
  try {
    mailSettings = await settings.resolveSettings(record, ctx);
  } catch (error) {
    ctx.say(`${record.job.id} : boîte de réception non lue (${error instanceof Error ? error.message : String(error)}).`);
    return ctx.apply(record, { type: 'mail-mailbox-read', uidValidity: mailbox?.uidValidity ?? '', lastUid: mailbox?.lastUid ?? 0, nextReadAt: later() });
  }
  // The app's watcher keeps one connection per mail connection: its reads go over it (no second login).
  const shared = settings.answerWatch?.client(record.job.connectionId) ?? null;
  let client: ImapFlow | null = shared;
  try {
    // Microsoft 365: a refused token is refreshed and tried once (connectImapClient).
    if (!client) client = await connectImapClient(mailSettings);
    const result = await scanMailboxFrom(client, mailbox, async (found) => {
      record = await applyAnswer(record, found, ctx, settings, mailSettings);
    });
    record = await ctx.apply(record, { type: 'mail-mailbox-read', ...result.progress, nextReadAt: awaitsAnswers(record.job, ctx.clock.now()) ? later() : null });
    await settings.onStep?.('progress-saved', { jobId: record.job.id });
    if (result.answers > 0) ctx.say(`${record.job.id} : ${frenchCount(result.answers, "réponse d'iSendPro lue", "réponses d'iSendPro lues")}.`);
    return record;
  } catch (error) {
    ctx.say(`${record.job.id} : boîte de réception illisible (${error instanceof Error ? error.message : String(error)}) ; nouvel essai plus tard.`);
    const position = record.job.mail!.mailbox;
    return ctx.apply(record, { type: 'mail-mailbox-read', uidValidity: position?.uidValidity ?? '', lastUid: position?.lastUid ?? 0, nextReadAt: later() });
  } finally {
    const open = client;
    if (!shared && open?.usable) await open.logout().catch(() => open.close());
  }
}
