/**
 * A queue in its own process (like the CLI next to the app), so a test can
 * SIGKILL it mid-upload. Argument: JSON {dataDir, env}. Prints each progress
 * line on stdout.
 */
import { createConnectionService } from '../../../src-main/connections/connection-service';
import { createQueue } from '../../../src-main/queue/queue-runtime';

const args = JSON.parse(process.argv[2]) as { dataDir: string; env: Record<string, string> };
const connections = createConnectionService({ dataDir: args.dataDir, env: args.env, timeoutMs: 5_000 });
const queue = createQueue({ dataDir: args.dataDir, connections, progress: (line) => process.stdout.write(`${line}\n`) });
await queue.runOnce();
process.stdout.write('done\n');
