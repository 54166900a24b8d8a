/**
 * The iSendPro connector as the CLI (and later the app) runs it on one data
 * folder: its connections, its job store, its queue, the opt-out list fed by
 * code 11, one pass of work (send what is due, read each waiting mailbox
 * once) and the views `queue status` and `report` print.
 */
import { collectOutcomes, summarizeOutcomes, type IsendproReportSummary } from '@shared/providers/isendpro/isendpro-report';
import type { IsendproJob } from '@shared/providers/isendpro/isendpro-job';
import { createConnectionService } from '../connections/connection-service';
import type { SecretCipher } from '../connections/connection-types';
import { createOptOutService } from '../opt-outs/opt-out-service';
import { acquireJobLock, newLockOwner } from '../queue/job-lock';
import { isendproDir } from './email-id-allocator';
import { createIsendproConnectionService } from './isendpro-connection-service';
import { createIsendproJobStore } from './isendpro-job-store';
import { createIsendproQueue } from './isendpro-mail-queue';
import { createImapClient, scanMailbox } from './mailbox-scan';

export interface IsendproRuntimeOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  cipher?: SecretCipher;
  now?: () => Date;
  log?: (line: string) => void;
}

export function createIsendproRuntime(options: IsendproRuntimeOptions) {
  const others = createConnectionService({ dataDir: options.dataDir, env: options.env, cipher: options.cipher });
  const connections = createIsendproConnectionService({
    dataDir: options.dataDir,
    env: options.env,
    cipher: options.cipher,
    otherNames: async () => (await others.list()).map((connection) => connection.name),
  });
  const store = createIsendproJobStore(options.dataDir);
  const optOuts = createOptOutService({ dataDir: options.dataDir });
  const log = options.log ?? (() => undefined);
  const queue = createIsendproQueue({
    dataDir: options.dataDir,
    store,
    resolveSettings: (id) => connections.resolveSettings(id),
    now: options.now,
    log,
    onOptOuts: async (entries) => {
      const merged = await optOuts.mergeFromReport(entries);
      if (merged.added > 0) log(`isendpro: ${merged.added} numéro(s) en liste noire ajouté(s) à la liste d'opposition`);
    },
  });

  /** Whether `idOrName` names an iSendPro connection. */
  async function isIsendproConnection(idOrName: string): Promise<boolean> {
    return connections.getStored(idOrName).then(
      () => true,
      () => false,
    );
  }

  /** Reads one connection's mailbox once; returns the answers applied. */
  async function readMailbox(connectionId: string): Promise<number> {
    const settings = await connections.resolveSettings(connectionId);
    const client = createImapClient(settings);
    client.on('error', () => undefined);
    await client.connect();
    try {
      const result = await scanMailbox(client, options.dataDir, connectionId, async (found) => {
        const applied = await queue.applyAnswer(found);
        if (applied === 'unmatched') log(`isendpro: réponse uid ${found.uid} (emailId ${found.answer.emailId ?? '?'}) sans lot correspondant, ignorée`);
      });
      return result.answers;
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /**
   * One pass: send the due batches, read every mailbox that has batches
   * awaiting an answer, then send follow-ups that became due. One process
   * at a time per data folder (the queue's lock).
   */
  async function runOnce(): Promise<{ sent: number; answers: number; busy: boolean; errors: string[] }> {
    const lock = await acquireJobLock(isendproDir(options.dataDir), 'runner', newLockOwner());
    if (!lock) return { sent: 0, answers: 0, busy: true, errors: [] };
    const errors: string[] = [];
    try {
      let sent = 0;
      let answers = 0;
      sent += (await queue.sendDue()).sent;
      for (const connectionId of await queue.connectionsAwaitingAnswers()) {
        try {
          answers += await readMailbox(connectionId);
        } catch (error) {
          errors.push(`isendpro: boîte de réception de la connexion ${connectionId} illisible : ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (answers > 0) sent += (await queue.sendDue()).sent;
      return { sent, answers, busy: false, errors };
    } finally {
      await lock.release();
    }
  }

  return { connections, store, queue, optOuts, isIsendproConnection, readMailbox, runOnce };
}

export type IsendproRuntime = ReturnType<typeof createIsendproRuntime>;

/** The `queue status` line of an iSendPro job (same fields as the file drops, plus its batches). */
export function isendproStatusLine(job: IsendproJob, connectionName: string) {
  return {
    id: job.id,
    state: job.state,
    connection: connectionName,
    remoteName: null,
    campaignId: job.tracker,
    reason: job.reason ? { code: job.reason.code, message: job.reason.message, ...(job.reason.action ? { action: job.reason.action } : {}) } : null,
    batches: job.batches.map((batch) => ({
      emailId: batch.emailId,
      state: batch.state,
      recipients: batch.recipients.length,
      ack: batch.ack ? batch.ack.code : null,
      followUpOf: batch.followUpOf,
    })),
  };
}

/** `report --job ID --json` for an iSendPro job: the MediasFlow report's fields, from the notification mails. */
export function isendproReportView(job: IsendproJob, newNotifications: number): Omit<IsendproReportSummary, 'answered'> & {
  campaignId: string;
  versions: number;
  latest: string | null;
  jobId: string;
  newVersions: number;
  answered: number;
} {
  const summary = summarizeOutcomes(collectOutcomes(job.notifications).values(), job.recipients);
  const last = job.notifications.at(-1);
  return {
    campaignId: job.tracker,
    versions: job.notifications.length,
    latest: last ? `emailId ${last.emailId} ${last.at}` : null,
    recipients: summary.recipients,
    categories: summary.categories,
    stop: 0,
    clicks: 0,
    byCode: summary.byCode,
    jobId: job.id,
    newVersions: newNotifications,
    answered: summary.answered,
  };
}
