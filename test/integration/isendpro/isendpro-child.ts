/**
 * One run of the iSendPro queue in its own process, so the fault tests can
 * SIGKILL it at a precise step (a crash of the app or the CLI): create the
 * campaign's job when the data folder has none, send what is due, read the
 * mailbox once. Argument: JSON of IsendproChildArguments.
 */
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { createIsendproJobStore } from '../../../src-main/isendpro-mail/isendpro-job-store';
import { createIsendproQueue, identityOf, type IsendproStep } from '../../../src-main/isendpro-mail/isendpro-mail-queue';
import type { IsendproMailSettings } from '../../../src-main/isendpro-mail/isendpro-mail-settings';
import { createImapClient, scanMailbox } from '../../../src-main/isendpro-mail/mailbox-scan';
import { frenchTable } from './isendpro-world';

export interface IsendproChildArguments {
  dataDir: string;
  settings: IsendproMailSettings;
  recipients: number;
  batchSize: number;
  /** SIGKILL itself at the nth time this step is reached (1-based). */
  crashAt: { step: IsendproStep | 'progress-saved'; nth: number } | null;
  /** The queue's clock (ISO). */
  now: string;
}

const args = JSON.parse(process.argv[2]) as IsendproChildArguments;
const seen = new Map<string, number>();
const maybeCrash = (step: string) => {
  const count = (seen.get(step) ?? 0) + 1;
  seen.set(step, count);
  process.stdout.write(`step ${step} ${count}\n`);
  if (args.crashAt && args.crashAt.step === step && args.crashAt.nth === count) process.kill(process.pid, 'SIGKILL');
};
const store = createIsendproJobStore(args.dataDir);
const queue = createIsendproQueue({
  dataDir: args.dataDir,
  store,
  resolveSettings: async () => args.settings,
  now: () => new Date(args.now),
  onStep: (step) => maybeCrash(step),
});
if ((await store.list()).length === 0) {
  const plan = planIsendproBatches(frenchTable(args.recipients), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false, batchSize: args.batchSize });
  await queue.createJob({ connectionId: 'cn1', campaignName: 'Crash test', sendType: 'notification', sender: '', plan, identity: identityOf(args.settings), programmedAt: null });
}
await queue.sendDue();
const client = createImapClient(args.settings);
client.on('error', () => undefined);
await client.connect();
await scanMailbox(client, args.dataDir, 'cn1', async (found) => {
  await queue.applyAnswer(found);
});
maybeCrash('progress-saved');
await client.logout();
const [job] = await store.list();
process.stdout.write(`state ${job.state}\n`);
