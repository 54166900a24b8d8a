/**
 * `opt-outs sync --connection N [--push] [--data-dir DIR] --json` →
 * {"pulled":n,"pushed":m}: adds the MediasFlow account's blacklist to the
 * local opt-out list (n = numbers newly added) and, with --push, sends the
 * local opt-outs the account lacks (m = numbers sent). MediasFlow REST
 * connections only. An unreadable local opt-out list refuses the sync (exit
 * 2, nothing written, nothing sent).
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliCommand } from '../cli-io';
import { isRestProvider } from '../../connections/connection-types';
import { restClientOptionsFor } from '../../connections/rest-connection';
import { RestError } from '../../connectors/mediasflow-rest/rest-error';
import { createOptOutService } from '../../opt-outs/opt-out-service';
import { syncRestBlacklist } from '../../opt-outs/rest-blacklist-sync';
import { cliConnections, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';
import { frenchCount } from '@shared/i18n/french-count';

const command = 'opt-outs sync';

export const optOutsSyncCommand: CliCommand = async (args, io) => {
  const values = parseOptions(args, { connection: { type: 'string' }, push: { type: 'boolean' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, command);
  const dataDir = resolveDataDir(values['data-dir']);
  const connections = cliConnections(dataDir);
  try {
    const connection = await connections.getStored(requireOption(values.connection, 'connection', command));
    if (!isRestProvider(connection.provider)) throw new CliError(`${command} : la connexion « ${connection.name} » n'est pas une connexion API MediasFlow (mediasflow-rest).`);
    const endpoint = await connections.resolveRestEndpoint(connection);
    const result = await syncRestBlacklist({ endpoint, optOuts: createOptOutService({ dataDir }), push: values.push ?? false, brand: connection.rest?.brand ?? null, clientOptions: restClientOptionsFor(endpoint, process.env) });
    io.stderr(`Liste noire du compte : ${frenchCount(result.accountEntries, 'numéro', 'numéros')} ; ajoutés à la liste d'opposition : ${result.pulled}${values.push ? ` ; envoyés au compte : ${result.pushed}` : ''}.\n`);
    if (values.json) printJson(io, { pulled: result.pulled, pushed: result.pushed });
    else io.stdout(`ajoutés : ${result.pulled}, envoyés : ${result.pushed}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof RestError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
};
