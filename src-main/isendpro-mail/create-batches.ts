/**
 * Creates batches: allocates their emailIds, builds and saves each mail's
 * exact bytes. The caller saves the job naming them afterwards, so a batch
 * never exists without its mail on disk.
 */
import { buildEnvoiBody, type EnvoiRecipient } from '@shared/providers/isendpro/isendpro-envoi';
import type { IsendproBatch } from '@shared/providers/isendpro/isendpro-job';
import { allocateEmailIds } from './email-id-allocator';
import { batchMessageId, buildBatchMail } from './batch-mail';
import { sha256Hex } from '../queue/job-store';

/** Where a batch's mail is saved (the queue's job folder: <dataDir>/queue/<jobId>/<emailId>.eml). */
export interface BatchMailWriter {
  writeMail(jobId: string, mailFile: string, bytes: Uint8Array): Promise<void>;
}

/** What the mails carry besides the recipients (no server secrets: only the account key goes in the body). */
export interface MailIdentity {
  from: string;
  to: string;
  replyTo?: string;
  keyid: string;
  emailAck: string;
  emailNot: string;
  nostop: boolean;
}

export interface BatchDraft {
  recipients: EnvoiRecipient[];
  sharedMessage: string | null;
  smslong: number;
  notBefore: Date;
  followUpOf: number | null;
}

export interface CreateBatchesInput {
  dataDir: string;
  store: BatchMailWriter;
  jobId: string;
  campaignName: string;
  tracker: string;
  sender: string;
  identity: MailIdentity;
  drafts: readonly BatchDraft[];
  now: Date;
  /** Rebuilding a batch that never left (opt-outs left out): keep its emailId instead of allocating one. */
  emailIds?: readonly number[];
}

export async function createBatches(input: CreateBatchesInput): Promise<IsendproBatch[]> {
  if (input.drafts.length === 0) return [];
  const emailIds = input.emailIds && input.emailIds.length === input.drafts.length ? input.emailIds : await allocateEmailIds(input.dataDir, input.drafts.length, input.now);
  const batches: IsendproBatch[] = [];
  for (const [index, draft] of input.drafts.entries()) {
    const emailId = emailIds[index];
    const body = buildEnvoiBody({
      keyid: input.identity.keyid,
      recipients: draft.recipients,
      sharedMessage: draft.sharedMessage,
      sender: input.sender,
      smslong: draft.smslong,
      emailId,
      emailAck: input.identity.emailAck,
      emailNot: input.identity.emailNot,
      tracker: input.tracker,
      nostop: input.identity.nostop,
    });
    const messageId = batchMessageId(emailId, input.tracker, input.identity.from);
    const bytes = await buildBatchMail({
      from: input.identity.from,
      to: input.identity.to,
      replyTo: input.identity.replyTo,
      messageId,
      date: input.now,
      subject: `${input.campaignName} — lot ${emailId}`,
      body,
    });
    const mailFile = `${emailId}.eml`;
    await input.store.writeMail(input.jobId, mailFile, bytes);
    batches.push({
      emailId,
      followUpOf: draft.followUpOf,
      messageId,
      mailFile,
      sha256: sha256Hex(bytes),
      recipients: draft.recipients,
      sharedMessage: draft.sharedMessage,
      smslong: draft.smslong,
      notBefore: draft.notBefore.toISOString(),
      state: 'ready',
      sendAttempts: 0,
      smtpAccepted: false,
      failures: 0,
      lastError: null,
      ack: null,
      notified: 0,
      alert: null,
    });
  }
  return batches;
}
