/**
 * `queue status [--json] [--data-dir DIR]` prints
 * {"jobs":[{"id","state","connection","remoteName","campaignId","reason":{"code","message"}}]}
 * (reason null when none; campaignId null until accepted), oldest first.
 */
import { printJson, type CliCommand } from '../cli-io';
import { createJobStore } from '../../queue/job-store';
import { toJobView, toStatusLine } from '../../queue/job-view';
import { parseOptions, resolveDataDir } from './queue-cli-context';

export const queueStatusCommand: CliCommand = async (args, io) => {
  const values = parseOptions(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, 'queue status');
  const records = await createJobStore(resolveDataDir(values['data-dir'])).readAll();
  const jobs = records.map((record) => toStatusLine(toJobView(record)));
  if (values.json) printJson(io, { jobs });
  else if (jobs.length === 0) io.stdout('Aucun dépôt.\n');
  else for (const job of jobs) io.stdout(`${job.id}\t${job.state}\t${job.connection}\t${job.remoteName ?? ''}\t${job.campaignId ?? ''}\t${job.reason?.message ?? ''}\n`);
  return 0;
};
