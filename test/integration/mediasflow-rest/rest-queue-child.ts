/**
 * A REST queue in its own process that kills itself with SIGKILL right after
 * its Nth persisted job write — exactly between two steps of the REST job.
 * Argument: JSON {dataDir, baseUrl, login, password, killAfter}.
 */
import { createQueue } from '../../../src-main/queue/queue-runtime';
import { createRestDriver } from '../../../src-main/queue/drivers/rest/rest-driver';

const args = JSON.parse(process.argv[2]) as { dataDir: string; baseUrl: string; login: string; password: string; killAfter: number };
let writes = 0;
const quick = { baseMs: 1, factor: 1, maxMs: 1 };
const queue = createQueue({
  dataDir: args.dataDir,
  connections: { getStored: async () => { throw new Error('unused'); }, resolveConfig: async () => { throw new Error('unused'); } },
  drivers: [createRestDriver({ endpointFor: async () => ({ baseUrl: args.baseUrl, login: args.login, password: args.password }), clientOptions: { timeoutMs: 2_000 } })],
  transitionOptions: { uploadBackoff: quick, pollBackoff: quick },
  emit: (view) => {
    writes++;
    process.stdout.write(`write ${writes} ${view.state} ${view.rest?.step ?? ''}\n`);
    if (writes === args.killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
for (let i = 0; i < 6; i++) await queue.runOnce({ pollAllAcks: true });
process.stdout.write('done\n');
