/**
 * `connection add --name NAME --provider mediasflow-sftp|allmysms-ftp|allmysms-sftp
 *  --host H --port P --user U --password-env VAR [--host-key SHA256:…] [--ftps] [--staging-folder /DIR]
 *  [--stop-mention "STOP au 36184"] [--data-dir DIR] [--json]` — stores no password: the CLI reads it from VAR
 *  each time it connects.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliCommand } from '../cli-io';
import { connectionProviders, type ConnectionProvider } from '../../connections/connection-types';
import { cliConnections, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

const command = 'connection add';

export const connectionAddCommand: CliCommand = async (args, io) => {
  if (args.some((arg, index) => arg === '--provider=isendpro-mail' || (arg === '--provider' && args[index + 1] === 'isendpro-mail'))) {
    return (await import('./isendpro-connection-add')).isendproConnectionAdd(args, io);
  }
  if (args.some((arg, index) => arg === '--provider=mediasflow-rest' || (arg === '--provider' && args[index + 1] === 'mediasflow-rest'))) {
    return (await import('./rest-connection-add')).restConnectionAdd(args, io);
  }
  const values = parseOptions(
    args,
    {
      name: { type: 'string' },
      provider: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'host-key': { type: 'string' },
      ftps: { type: 'boolean' },
      'staging-folder': { type: 'string' },
      'stop-mention': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    command,
  );
  const provider = requireOption(values.provider, 'provider', command);
  const allowed = connectionProviders.filter((candidate) => !candidate.startsWith('demo-') && candidate !== 'mediasflow-rest');
  if (!(allowed as readonly string[]).includes(provider)) {
    throw new CliError(`${command} : --provider doit valoir ${[...allowed, 'mediasflow-rest', 'isendpro-mail'].join(', ')}.`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !Number.isInteger(port)) throw new CliError(`${command} : --port doit être un nombre.`);
  const service = cliConnections(resolveDataDir(values['data-dir']));
  try {
    const { connection } = await service.save({
      name: requireOption(values.name, 'name', command),
      provider: provider as ConnectionProvider,
      host: requireOption(values.host, 'host', command),
      port,
      user: requireOption(values.user, 'user', command),
      passwordEnv: requireOption(values['password-env'], 'password-env', command),
      hostKey: values['host-key'] ?? undefined,
      ftps: values.ftps ?? false,
      ...(values['staging-folder'] !== undefined ? { stagingFolder: values['staging-folder'] } : {}),
      ...(values['stop-mention'] !== undefined ? { stopMention: values['stop-mention'] } : {}),
    });
    if (values.json) printJson(io, { connection });
    else io.stdout(`Connexion « ${connection.name} » enregistrée (${connection.id}).\n`);
    if (connection.passwordTravelsInClear) io.stderr('Attention : FTP simple, le mot de passe circule en clair. Ajoutez --ftps si le fournisseur accepte FTPS.\n');
    if (connection.profile === 'mediasflow-sftp' || connection.profile === 'allmysms-sftp') {
      if (!connection.hostKey) io.stderr("Aucune empreinte SSH : le premier dépôt s'arrêtera en affichant l'empreinte du serveur ; vérifiez-la puis relancez avec --host-key.\n");
    }
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
};
