/**
 * `queue cancel --job ID [--data-dir DIR] [--json]` cancels a job before it
 * reaches the provider, for every provider (the job's driver decides what
 * "too late" is). Prints {"job":ID,"state":"cancelled"}. When the cancel can
 * only be applied later (another process is uploading the job, or the file
 * may be on the server and must be checked first), prints the job's current
 * state with "cancelPending":true. Too late, unknown job: exit 2 with the
 * reason on stderr, nothing on stdout.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliCommand } from '../cli-io';
import { cliQueue, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

export const queueCancelCommand: CliCommand = async (args, io) => {
  const values = parseOptions(args, { job: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, 'queue cancel');
  const id = requireOption(values.job, 'job', 'queue cancel');
  const { queue } = cliQueue(resolveDataDir(values['data-dir']), io);
  let view;
  try {
    view = await queue.cancel(id);
    // A scheduled MediasFlow REST campaign: the cancel is a call to the API, made now (/campaigns/{id}/cancel).
    if (view.state === 'accepted' && view.cancelRequested && view.rest) {
      await queue.runOnce();
      view = await queue.get(id);
      if (view.state !== 'cancelled') throw new CliError(`queue cancel : ${view.lastError?.message ?? view.reason?.message ?? "MediasFlow n'a pas confirmé l'annulation."} La campagne partira comme prévu si MediasFlow ne l'a pas annulée : vérifiez sur app.mediasflow.com.`);
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`queue cancel : ${error.message}`);
    throw error;
  }
  const pending = view.state !== 'cancelled';
  if (pending) io.stderr(`${id} : annulation demandée ; elle sera appliquée avant que le fournisseur reçoive quoi que ce soit, ou refusée si le serveur montre qu'il l'a déjà.\n`);
  const result = pending ? { job: id, state: view.state, cancelPending: true } : { job: id, state: view.state };
  if (values.json) printJson(io, result);
  else io.stdout(pending ? `${id}\t${view.state}\tannulation demandée\n` : `${id}\tcancelled\n`);
  return 0;
};
