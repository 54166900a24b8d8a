/**
 * `connection add --name N --provider isendpro-mail --smtp-host H --smtp-port P
 *  --smtp-user U --smtp-password-env VAR --imap-host H --imap-port P --imap-user U
 *  --imap-password-env VAR --from ADDRESS --keyid-env VAR [--reply-to ADDRESS]
 *  [--to ADDRESS] [--tls|--starttls|--plain] [--nostop] [--data-dir DIR] [--json]`
 *  Microsoft 365: `--auth microsoft-oauth2 [--oauth-client-id ID] [--oauth-tenant T]` (no password
 *  variables; then `connection sign-in --name N`).
 *
 * Stores no secret: the CLI reads both passwords and the keyid from the
 * environment variables each time it connects. --tls (default), --starttls or
 * --plain applies to both servers; --plain only for 127.0.0.1. Saved in the
 * common store (<data-dir>/connections.json), its fields under "mail".
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliIo } from '../cli-io';
import { cliConnections, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

const command = 'connection add';

export async function isendproConnectionAdd(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(
    args,
    {
      name: { type: 'string' },
      provider: { type: 'string' },
      'smtp-host': { type: 'string' },
      'smtp-port': { type: 'string' },
      'smtp-user': { type: 'string' },
      'smtp-password-env': { type: 'string' },
      'imap-host': { type: 'string' },
      'imap-port': { type: 'string' },
      'imap-user': { type: 'string' },
      'imap-password-env': { type: 'string' },
      from: { type: 'string' },
      'keyid-env': { type: 'string' },
      'reply-to': { type: 'string' },
      to: { type: 'string' },
      tls: { type: 'boolean' },
      starttls: { type: 'boolean' },
      plain: { type: 'boolean' },
      nostop: { type: 'boolean' },
      auth: { type: 'string' },
      'oauth-client-id': { type: 'string' },
      'oauth-tenant': { type: 'string' },
      'oauth-authority': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    command,
  );
  const modes = (['tls', 'starttls', 'plain'] as const).filter((mode) => values[mode]);
  if (modes.length > 1) throw new CliError(`${command} : choisissez une seule option parmi --tls, --starttls et --plain.`);
  const security = modes[0] ?? 'tls';
  const port = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed)) throw new CliError(`${command} : --${name} doit être un nombre.`);
    return parsed;
  };
  const auth = values.auth ?? 'password';
  if (auth !== 'password' && auth !== 'microsoft-oauth2') throw new CliError(`${command} : --auth doit valoir password ou microsoft-oauth2.`);
  const oauth = auth === 'microsoft-oauth2';
  if (!oauth && (values['oauth-client-id'] || values['oauth-tenant'] || values['oauth-authority'])) throw new CliError(`${command} : --oauth-client-id, --oauth-tenant et --oauth-authority vont avec --auth microsoft-oauth2.`);
  // Microsoft 365 needs no password: the sign-in (connection sign-in) gives the tokens.
  const passwordEnv = (value: string | undefined, name: string) => (oauth ? (value ?? null) : requireOption(value, name, command));
  const service = cliConnections(resolveDataDir(values['data-dir']));
  try {
    const { connection } = await service.save({
      name: requireOption(values.name, 'name', command),
      provider: 'isendpro-mail',
      mail: {
      smtp: {
        host: requireOption(values['smtp-host'], 'smtp-host', command),
        port: port(values['smtp-port'], 'smtp-port'),
        security,
        user: requireOption(values['smtp-user'], 'smtp-user', command),
        passwordEnv: passwordEnv(values['smtp-password-env'], 'smtp-password-env'),
      },
      imap: {
        host: requireOption(values['imap-host'], 'imap-host', command),
        port: port(values['imap-port'], 'imap-port'),
        security,
        user: requireOption(values['imap-user'], 'imap-user', command),
        passwordEnv: passwordEnv(values['imap-password-env'], 'imap-password-env'),
      },
      from: requireOption(values.from, 'from', command),
      keyidEnv: requireOption(values['keyid-env'], 'keyid-env', command),
      replyTo: values['reply-to'] ?? null,
      to: values.to ?? null,
      nostop: values.nostop ?? false,
      auth,
      ...(oauth ? { oauth: { clientId: values['oauth-client-id'] ?? null, tenant: values['oauth-tenant'] ?? null, authority: values['oauth-authority'] ?? null } } : {}),
      },
    });
    if (values.json) printJson(io, { connection });
    else io.stdout(`Connexion « ${connection.name} » enregistrée (${connection.id}).\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
}
