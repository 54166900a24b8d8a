/**
 * One run of the common queue (mail driver) in its own process, so the fault
 * tests can SIGKILL it at a precise step (a crash of the app or the CLI):
 * queue the campaign's job when the data folder has none, then one pass as
 * `queue run --until-idle` does (send the due batches, read the mailbox
 * once). Argument: JSON of IsendproChildArguments.
 */
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import type { MailStep } from '../../../src-main/queue/drivers/mail/mail-driver-settings';
import type { IsendproMailSettings } from '../../../src-main/isendpro-mail/isendpro-mail-settings';
import { enqueueCampaign, frenchTable, mailQueue, onlyJob } from './isendpro-world';

export interface IsendproChildArguments {
  dataDir: string;
  settings: IsendproMailSettings;
  recipients: number;
  batchSize: number;
  /** SIGKILL itself at the nth time this step is reached (1-based). */
  crashAt: { step: MailStep | 'job-saved'; nth: number } | null;
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
const now = new Date(args.now);
const queue = mailQueue(args, { now: () => now, mail: { onStep: (step) => maybeCrash(step) } });
if (!(await onlyJob(args.dataDir))) {
  const plan = planIsendproBatches(frenchTable(args.recipients), { template: 'Bonjour ${PRENOM}', sender: '', nostop: false, batchSize: args.batchSize });
  await enqueueCampaign(queue, plan, { campaignName: 'Crash test', sendType: 'notification', sender: '', now });
  maybeCrash('job-saved');
}
await queue.runOnce({ pollAllAcks: true });
const job = await onlyJob(args.dataDir);
process.stdout.write(`state ${job!.state}\n`);
