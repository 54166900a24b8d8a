/**
 * The iSendPro mail-to-SMS work: create a campaign's job (batches and their
 * mails saved first), send the due batches, apply the answers read from the
 * mailbox. Every step saves the job before the next one acts, so a kill -9
 * anywhere leaves a state a restart resumes from without sending any
 * recipient twice:
 *
 *   job saved (mails on disk) → 'sending' + attempt saved → SMTP DATA →
 *   'sent' saved → answer read → job saved → mailbox progress saved.
 *
 * A batch found 'sending' after a crash (or after a cut SMTP connection) is
 * sent again with the same bytes and emailId; iSendPro processes an emailId
 * once, and its code 1 for the copy counts as accepted.
 */
import { randomBytes } from 'node:crypto';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import type { IsendproCampaignPlan } from '@shared/providers/isendpro/isendpro-batches';
import {
  addBatches,
  applyAck,
  applyNotification,
  deriveJobState,
  dueBatches,
  failJob,
  markSendFailed,
  markSending,
  markSent,
  ownsEmailId,
  postponeBatch,
  terminalJobStates,
  type IsendproJob,
} from '@shared/providers/isendpro/isendpro-job';
import { isendproSendableAt } from '@shared/providers/isendpro/isendpro-window';
import { collectOutcomes, isendproOptOuts } from '@shared/providers/isendpro/isendpro-report';
import type { OptOutEntry } from '@shared/reports/opt-outs';
import { backoffDelayMs, defaultUploadBackoff, defaultSlowBackoff } from '@shared/queue/backoff';
import { defaultMarketingWindow, type SendType, type SendWindow } from '@shared/scheduling/send-window';
import { createBatches, type MailIdentity } from './create-batches';
import type { IsendproJobStore } from './isendpro-job-store';
import type { IsendproMailSettings } from './isendpro-mail-settings';
import type { MailboxAnswer } from './mailbox-scan';
import { sendRawMail, SmtpSendError } from './smtp-send';

/** How long after its acknowledgement a batch's notification is still awaited (the mailbox is watched meanwhile). */
export const NOTIFICATION_WATCH_MS = 72 * 60 * 60_000;

/** Named points between two saved steps, for the crash tests. */
export type IsendproStep = 'job-saved' | 'sending-saved' | 'smtp-accepted' | 'sent-saved' | 'answer-applied';

export interface IsendproQueueOptions {
  dataDir: string;
  store: IsendproJobStore;
  /** The connection's resolved settings (secrets included), asked only when a mail is sent. */
  resolveSettings: (connectionId: string) => Promise<IsendproMailSettings>;
  now?: () => Date;
  window?: SendWindow;
  /** Minutes kept before the window's end (default 30). */
  windowMarginMinutes?: number;
  /** Opt-outs found in notifications (code 11). */
  onOptOuts?: (entries: OptOutEntry[]) => Promise<void>;
  onStep?: (step: IsendproStep, detail: { jobId: string; emailId?: number }) => void | Promise<void>;
  log?: (line: string) => void;
  /** Replaces the SMTP client (tests). */
  send?: (settings: IsendproMailSettings, bytes: Buffer) => Promise<unknown>;
}

export interface CreateIsendproJobInput {
  connectionId: string;
  campaignName: string;
  sendType: SendType;
  sender: string;
  plan: IsendproCampaignPlan;
  identity: MailIdentity;
  programmedAt: Date | null;
}

export function createIsendproQueue(options: IsendproQueueOptions) {
  const now = options.now ?? (() => new Date());
  const window = options.window ?? defaultMarketingWindow;
  const log = options.log ?? (() => undefined);
  const step = async (name: IsendproStep, detail: { jobId: string; emailId?: number }) => options.onStep?.(name, detail);
  const send = options.send ?? ((settings: IsendproMailSettings, bytes: Buffer) => sendRawMail(settings, bytes));
  const sendableAt = (at: Date, type: SendType) => isendproSendableAt(at, type, window, options.windowMarginMinutes);

  async function createJob(input: CreateIsendproJobInput): Promise<IsendproJob> {
    const at = now();
    if (input.plan.batches.length === 0) throw new Error('Nothing to send: no French number in the list');
    const id = `j${at.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
    const tracker = generateDeliveryId(at);
    const start = input.programmedAt && input.programmedAt > at ? input.programmedAt : at;
    const batches = await createBatches({
      dataDir: options.dataDir,
      store: options.store,
      jobId: id,
      campaignName: input.campaignName,
      tracker,
      sender: input.sender,
      identity: input.identity,
      drafts: input.plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong, notBefore: start, followUpOf: null })),
      now: at,
    });
    const job: IsendproJob = {
      formatVersion: 1,
      id,
      connectionId: input.connectionId,
      campaignName: input.campaignName,
      sendType: input.sendType,
      sender: input.sender,
      tracker,
      createdAt: at.toISOString(),
      programmedAt: input.programmedAt ? input.programmedAt.toISOString() : null,
      state: 'queued',
      reason: null,
      batches,
      leftOutForeign: input.plan.leftOutForeign.count,
      recipients: input.plan.recipients,
      notifications: [],
      updatedAt: at.toISOString(),
    };
    const saved = { ...job, state: deriveJobState(job, at) };
    await options.store.save(saved);
    await step('job-saved', { jobId: id });
    return saved;
  }

  /** Sends every due batch of one job; returns the saved job. */
  async function sendJob(job: IsendproJob): Promise<IsendproJob> {
    let current = job;
    for (const batch of dueBatches(current, now())) {
      const at = now();
      const allowedAt = sendableAt(at, current.sendType);
      if (allowedAt === null || allowedAt.getTime() > at.getTime()) {
        if (allowedAt === null) {
          current = failJob(current, { code: 'window-empty', message: "La plage d'envoi marketing n'autorise aucun créneau.", action: "Vérifiez la plage d'envoi dans les Paramètres." }, at);
        } else {
          current = postponeBatch(current, batch.emailId, allowedAt, at);
          log(`isendpro: batch ${batch.emailId} held until ${allowedAt.toISOString()} (marketing window)`);
        }
        await options.store.save(current);
        continue;
      }
      const settings = await options.resolveSettings(current.connectionId);
      const bytes = await options.store.readMail(current.id, batch.mailFile, batch.sha256);
      current = markSending(current, batch.emailId, at);
      await options.store.save(current);
      await step('sending-saved', { jobId: current.id, emailId: batch.emailId });
      try {
        await send(settings, bytes);
      } catch (error) {
        const failure = error instanceof SmtpSendError ? error : new SmtpSendError('transient', String((error as Error)?.message ?? error));
        const failedAt = now();
        if (failure.kind === 'auth') {
          current = failJob(current, { code: 'smtp-auth', message: "Le serveur d'envoi (SMTP) a refusé l'identifiant ou le mot de passe.", action: 'Vérifiez l’identifiant et le mot de passe SMTP de la connexion, puis relancez.', detail: failure.message }, failedAt);
        } else if (failure.kind === 'refused') {
          current = failJob(current, { code: 'smtp-refused', message: `Le serveur d'envoi (SMTP) a refusé l'e-mail (${failure.responseCode}).`, action: "Vérifiez l'adresse d'expéditeur autorisée par iSendPro et le serveur SMTP de la connexion.", detail: failure.message }, failedAt);
        } else {
          const retryAt = new Date(failedAt.getTime() + backoffDelayMs(batch.failures + 1, defaultUploadBackoff));
          current = markSendFailed(current, batch.emailId, failure.message, retryAt, failedAt);
          log(`isendpro: batch ${batch.emailId} not confirmed by SMTP (${failure.message}); same mail again at ${retryAt.toISOString()}`);
        }
        await options.store.save(current);
        if (terminalJobStates.has(current.state)) return current;
        continue;
      }
      await step('smtp-accepted', { jobId: current.id, emailId: batch.emailId });
      current = markSent(current, batch.emailId, now());
      await options.store.save(current);
      await step('sent-saved', { jobId: current.id, emailId: batch.emailId });
      log(`isendpro: batch ${batch.emailId} sent (${batch.recipients.length} recipients)`);
    }
    return current;
  }

  /** Sends what is due in every job. */
  async function sendDue(): Promise<{ sent: number; jobs: IsendproJob[] }> {
    const jobs = await options.store.list();
    const result: IsendproJob[] = [];
    let sent = 0;
    for (const job of jobs) {
      if (terminalJobStates.has(job.state)) {
        result.push(job);
        continue;
      }
      const before = job.batches.filter((batch) => batch.smtpAccepted).length;
      const after = await sendJob(job);
      sent += after.batches.filter((batch) => batch.smtpAccepted).length - before;
      result.push(after);
    }
    return { sent, jobs: result };
  }

  /** Applies one answer read from the mailbox to the job that sent its emailId (never guessed). */
  async function applyAnswer(found: MailboxAnswer): Promise<'applied' | 'unmatched'> {
    const emailId = found.answer.emailId;
    if (emailId === null) {
      log(`isendpro: answer uid ${found.uid} has no emailId ("?"): not matched to any batch`);
      return 'unmatched';
    }
    const jobs = await options.store.list();
    const job = jobs.find((candidate) => ownsEmailId(candidate, emailId));
    if (!job) return 'unmatched';
    const at = now();
    let next: IsendproJob;
    if (found.answer.kind === 'ack') {
      next = applyAck(job, { ...found.answer, emailId }, at);
    } else {
      const notification = { ...found.answer, emailId };
      const retryAt = new Date(at.getTime() + backoffDelayMs(1, defaultSlowBackoff));
      // Code 24 means iSendPro applies the commercial hours to this account: the follow-up waits for the marketing window.
      const nextWindowSlot = sendableAt(new Date(at.getTime() + 60_000), 'marketing');
      const outcome = applyNotification(job, notification, at, { nextWindowSlot, retryAt });
      next = outcome.job;
      if (outcome.followUps.length > 0) {
        const settings = await options.resolveSettings(job.connectionId);
        const created = await createBatches({
          dataDir: options.dataDir,
          store: options.store,
          jobId: job.id,
          campaignName: job.campaignName,
          tracker: job.tracker,
          sender: job.sender,
          identity: identityOf(settings),
          drafts: outcome.followUps.map((followUp) => ({ ...followUp })),
          now: at,
        });
        next = addBatches(next, created, at);
        log(`isendpro: ${created.length} follow-up batch(es) for recipients not sent yet (${outcome.followUps.map((f) => f.reason).join(', ')})`);
      }
      if (next !== job && options.onOptOuts) {
        const entries = isendproOptOuts(collectOutcomes([notification]).values(), { date: at.toISOString(), campaign: job.tracker });
        if (entries.length > 0) await options.onOptOuts(entries);
      }
    }
    if (next !== job) await options.store.save(next);
    await step('answer-applied', { jobId: job.id, emailId });
    return 'applied';
  }

  /** Jobs whose batches still wait for an answer from iSendPro (the mailbox is watched only then). */
  async function connectionsAwaitingAnswers(): Promise<string[]> {
    const jobs = await options.store.list();
    const ids = new Set<string>();
    const since = now().getTime() - NOTIFICATION_WATCH_MS;
    for (const job of jobs) {
      if (job.state === 'failed' || job.state === 'cancelled') continue;
      const waiting = job.batches.some(
        (batch) =>
          batch.sendAttempts > 0 &&
          (batch.state === 'sending' || batch.state === 'sent' || (batch.state === 'accepted' && batch.notified === 0 && Date.parse(batch.ack?.at ?? job.updatedAt) > since)),
      );
      if (waiting) ids.add(job.connectionId);
    }
    return [...ids];
  }

  return { createJob, sendJob, sendDue, applyAnswer, connectionsAwaitingAnswers };
}

export function identityOf(settings: IsendproMailSettings): MailIdentity {
  return { from: settings.from, to: settings.to, replyTo: settings.replyTo, keyid: settings.keyid, emailAck: settings.emailAck, emailNot: settings.emailNot, nostop: settings.nostop };
}

export type IsendproQueue = ReturnType<typeof createIsendproQueue>;
