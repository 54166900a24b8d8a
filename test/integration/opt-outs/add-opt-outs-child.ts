/**
 * Adds numbers to the opt-out list from its own process (like the CLI
 * `report` next to the app's report poller). Argument: JSON {dataDir, numbers}.
 * Prints "done" when every number is in.
 */
import { createOptOutService } from '../../../src-main/opt-outs/opt-out-service';

const args = JSON.parse(process.argv[2]) as { dataDir: string; numbers: string[] };
const service = createOptOutService({ dataDir: args.dataDir });
for (const number of args.numbers) {
  await service.mergeFromReport([{ number, reason: 'stop', code: 17, date: '2026-11-26T10:00:00.000Z', sourceCampaign: '636956' }]);
}
process.stdout.write('done\n');
