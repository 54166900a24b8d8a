/**
 * 'mail-send': every due batch of one job, each persisted as "sending" (its
 * attempt counted) BEFORE the SMTP DATA and as "sent" after the 250. A batch
 * found "sending" (a crash, a cut after DATA) goes again with the same bytes
 * and the same emailId: iSendPro processes an emailId once and answers code 1
 * to the copy. Before a batch's FIRST send, the numbers that opted out since
 * the drop are left out (its mail is rebuilt: nobody ever saw its bytes).
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { dueBatches, terminalJobStates, type IsendproBatch } from '@shared/providers/isendpro/isendpro-job';
import { fromIsendproNumber } from '@shared/providers/isendpro/isendpro-number';
import { isendproSendableAt } from '@shared/providers/isendpro/isendpro-window';
import { asIsendproJob } from '@shared/queue/mail/mail-job-view';
import { backoffDelayMs, defaultUploadBackoff } from '@shared/queue/backoff';
import type { DriverContext } from '../../channel-driver';
import type { JobRecord } from '../../job-record';
import { sha256Hex } from '../../job-store';
import { optOutsToRecheck } from '../../../opt-outs/recheck-before-upload';
import { createBatches } from '../../../isendpro-mail/create-batches';
import { identityOf, type IsendproMailSettings } from '../../../isendpro-mail/isendpro-mail-settings';
import { SmtpSendError } from '../../../isendpro-mail/smtp-send';
import type { MailDriverSettings } from './mail-driver-settings';
import { mailWriter } from './mail-files';
import { frenchCount } from '@shared/i18n/french-count';
import { OAUTH_UNAVAILABLE_CODE, SIGN_IN_REQUIRED_CODE } from '../../../oauth/oauth-codes';

function connectionFailure(error: unknown) {
  if (error instanceof UserFacingError && error.code === SIGN_IN_REQUIRED_CODE) {
    return { code: error.code, message: error.message, action: 'Reconnectez-vous à Microsoft 365 (Connexions → Modifier), puis relancez la campagne.' };
  }
  return error instanceof UserFacingError ? { code: error.code, message: error.message } : { code: 'connection-invalid', message: String((error as Error)?.message ?? error) };
}

function smtpFailure(error: unknown): SmtpSendError {
  return error instanceof SmtpSendError ? error : new SmtpSendError('transient', String((error as Error)?.message ?? error));
}

/** Reads a batch's saved mail, checked against the SHA-256 recorded with it (a changed mail is never sent). */
async function savedMail(record: JobRecord, batch: IsendproBatch, ctx: DriverContext): Promise<Buffer | null> {
  const bytes = await ctx.store.readFile(record.job.id, { name: batch.mailFile, bytes: 0, sha256: batch.sha256, recipients: batch.recipients.length }).catch(() => null);
  return bytes && sha256Hex(bytes) === batch.sha256 ? bytes : null;
}

/** Leaves out of a never-sent batch the numbers that opted out since the drop. 'blocked' when the list cannot be read. */
async function recheckBatch(record: JobRecord, batch: IsendproBatch, ctx: DriverContext, settings: MailDriverSettings, mailSettings: () => Promise<IsendproMailSettings>): Promise<JobRecord | 'blocked'> {
  if (batch.sendAttempts > 0) return record;
  let optOuts: ReadonlySet<string> | null;
  try {
    optOuts = await optOutsToRecheck(record, settings.optOutNumbers);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'opt-outs-unreadable') {
      // Fail closed: nothing is sent and the job stays as it is until the list is repaired.
      ctx.say(`${record.job.id} : ${error.message} Envoi laissé en attente.`);
      return 'blocked';
    }
    throw error;
  }
  if (!optOuts) return record;
  const kept = batch.recipients.filter((recipient) => !optOuts.has(fromIsendproNumber(recipient.number) ?? ''));
  const removed = batch.recipients.length - kept.length;
  if (removed === 0) return record;
  if (kept.length === 0) return ctx.apply(record, { type: 'mail-batch-emptied', emailId: batch.emailId, removed });
  const mail = record.job.mail!;
  const [rebuilt] = await createBatches({
    dataDir: settings.dataDir,
    store: mailWriter(ctx.store),
    jobId: record.job.id,
    campaignName: record.job.campaignName,
    tracker: mail.tracker,
    sender: mail.sender,
    identity: identityOf(await mailSettings()),
    drafts: [{ recipients: kept, sharedMessage: batch.sharedMessage, smslong: batch.smslong, notBefore: new Date(batch.notBefore), followUpOf: batch.followUpOf }],
    now: ctx.clock.now(),
    emailIds: [batch.emailId],
  });
  ctx.say(`${record.job.id} : retirés de l'e-mail ${batch.emailId} avant l'envoi car opposés depuis la programmation : ${frenchCount(removed, 'destinataire', 'destinataires')}.`);
  return ctx.apply(record, { type: 'mail-batch-rebuilt', batch: rebuilt });
}

export async function sendDueBatches(start: JobRecord, ctx: DriverContext, settings: MailDriverSettings): Promise<JobRecord> {
  let record = start;
  let resolved: IsendproMailSettings | null = null;
  const mailSettings = async () => (resolved ??= await settings.resolveSettings(record, ctx));
  const step = async (name: Parameters<NonNullable<MailDriverSettings['onStep']>>[0], emailId: number) => settings.onStep?.(name, { jobId: record.job.id, emailId });
  for (const due of dueBatches(asIsendproJob(record.job), ctx.clock.now())) {
    if (terminalJobStates.has(record.job.state) || record.job.state === 'failed') break;
    const at = ctx.clock.now();
    if (due.sendAttempts === 0) {
      const allowedAt = isendproSendableAt(at, record.job.sendType, settings.window(), settings.windowMarginMinutes);
      if (allowedAt === null) {
        record = await ctx.apply(record, { type: 'mail-failed', error: { code: 'window-empty', message: "La plage d'envoi marketing n'autorise aucun créneau.", action: "Vérifiez la plage d'envoi dans les Paramètres." } });
        break;
      }
      if (allowedAt.getTime() > at.getTime()) {
        record = await ctx.apply(record, { type: 'mail-postponed', emailId: due.emailId, until: allowedAt.toISOString() });
        ctx.say(`${record.job.id} : e-mail ${due.emailId} retenu jusqu'au prochain créneau autorisé (${allowedAt.toISOString()}).`);
        continue;
      }
    }
    let mailSettingsNow: IsendproMailSettings;
    try {
      mailSettingsNow = await mailSettings();
    } catch (error) {
      if (error instanceof UserFacingError && error.code === OAUTH_UNAVAILABLE_CODE) {
        // Microsoft's identity service unreachable: nothing sent, the batch waits and tries again.
        const until = new Date(at.getTime() + backoffDelayMs(1, defaultUploadBackoff));
        ctx.say(`${record.job.id} : ${error.message}`);
        return ctx.apply(record, { type: 'mail-postponed', emailId: due.emailId, until: until.toISOString() });
      }
      return ctx.apply(record, { type: 'mail-failed', error: connectionFailure(error) });
    }
    const checked = await recheckBatch(record, due, ctx, settings, mailSettings);
    if (checked === 'blocked') return record;
    record = checked;
    const batch = record.job.mail!.batches.find((candidate) => candidate.emailId === due.emailId)!;
    if (batch.state === 'cancelled') continue;
    const bytes = await savedMail(record, batch, ctx);
    if (!bytes) {
      return ctx.apply(record, { type: 'mail-failed', error: { code: 'prepared-file-damaged', message: `L'e-mail ${batch.emailId} enregistré a été modifié ou supprimé : il n'est pas envoyé.`, action: 'Créez un nouveau dépôt.' } });
    }
    if (!(await ctx.stillOwned())) return record;
    record = await ctx.apply(record, { type: 'mail-sending', emailId: batch.emailId });
    await step('sending-saved', batch.emailId);
    try {
      await settings.send(mailSettingsNow, bytes);
    } catch (error) {
      // Microsoft refused to renew the sign-in while retrying: the campaign stops with « Reconnectez-vous à Microsoft 365 ».
      if (error instanceof UserFacingError && error.code === SIGN_IN_REQUIRED_CODE) return ctx.apply(record, { type: 'mail-failed', error: connectionFailure(error) });
      const failure = smtpFailure(error);
      if (failure.kind === 'auth' && mailSettingsNow.smtp.accessToken) {
        // A fresh Microsoft token was refused too (smtp-send retried once): SMTP AUTH is likely off for this mailbox.
        return ctx.apply(record, { type: 'mail-failed', error: { code: 'smtp-auth', message: "Le serveur d'envoi (SMTP) a refusé la connexion Microsoft 365 (XOAUTH2).", action: "Demandez à votre administrateur d'autoriser SMTP AUTH pour cette boîte dans Microsoft 365, puis relancez.", detail: failure.message } });
      }
      if (failure.kind === 'auth') {
        return ctx.apply(record, { type: 'mail-failed', error: { code: 'smtp-auth', message: "Le serveur d'envoi (SMTP) a refusé l'identifiant ou le mot de passe.", action: "Vérifiez l'identifiant et le mot de passe SMTP de la connexion, puis relancez.", detail: failure.message } });
      }
      if (failure.kind === 'refused') {
        return ctx.apply(record, { type: 'mail-failed', error: { code: 'smtp-refused', message: `Le serveur d'envoi (SMTP) a refusé l'e-mail (${failure.responseCode}).`, action: "Vérifiez l'adresse d'expéditeur autorisée par iSendPro et le serveur SMTP de la connexion.", detail: failure.message } });
      }
      const current = record.job.mail!.batches.find((candidate) => candidate.emailId === batch.emailId)!;
      const retryAt = new Date(ctx.clock.now().getTime() + backoffDelayMs(current.failures + 1, defaultUploadBackoff));
      record = await ctx.apply(record, { type: 'mail-send-failed', emailId: batch.emailId, error: failure.message, retryAt: retryAt.toISOString() });
      ctx.say(`${record.job.id} : e-mail ${batch.emailId} non confirmé par le serveur d'envoi (${failure.message}) ; le même e-mail repartira à ${retryAt.toISOString()}.`);
      continue;
    }
    await step('smtp-accepted', batch.emailId);
    record = await ctx.apply(record, { type: 'mail-sent', emailId: batch.emailId });
    await step('sent-saved', batch.emailId);
    ctx.say(`${record.job.id} : e-mail ${batch.emailId} envoyé (${frenchCount(batch.recipients.length, 'destinataire', 'destinataires')}).`);
  }
  return record;
}
