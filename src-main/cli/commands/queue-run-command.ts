/**
 * `queue run --until-idle [--data-dir DIR] [--json]`: uploads what is due,
 * checks once every job that awaits the provider's answer (whatever its
 * backoff), and exits when no job can progress without the provider or the
 * clock. Progress on stderr; the result (jobs' status) on stdout.
 * Without --until-idle it keeps working, like the app, until Ctrl+C.
 */
import { printJson, type CliCommand } from '../cli-io';
import { toStatusLine } from '../../queue/job-view';
import { cliQueue, cliWorkspaceSettings, parseOptions, resolveDataDir } from './queue-cli-context';
import { frenchCount } from '@shared/i18n/french-count';

export const queueRunCommand: CliCommand = async (args, io) => {
  const values = parseOptions(args, { 'until-idle': { type: 'boolean' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, 'queue run');
  const dataDir = resolveDataDir(values['data-dir']);
  const { queue } = cliQueue(dataDir, io, await cliWorkspaceSettings(dataDir, io));
  if (!values['until-idle']) {
    io.stderr('File de dépôts en marche ; Ctrl+C pour arrêter.\n');
    queue.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await queue.stop();
    return 0;
  }
  const report = await queue.runOnce({ pollAllAcks: true });
  for (const id of report.busy) io.stderr(`${id} : déjà en cours de traitement par un autre processus, laissé de côté.\n`);
  const jobs = (await queue.list()).map(toStatusLine);
  if (values.json) printJson(io, { worked: report.worked, busy: report.busy, jobs });
  else {
    io.stdout(`${frenchCount(report.worked.length, 'action faite', 'actions faites')}.\n`);
    for (const job of jobs) io.stdout(`${job.id}\t${job.state}\t${job.connection}\t${job.remoteName ?? ''}\n`);
  }
  return 0;
};
