/**
 * `connection add --name N --provider mediasflow-rest --url URL --user U
 *  --password-env VAR [--brand B] [--login-path /login] [--login-field login]
 *  [--password-field password] [--data-dir DIR] [--json]` → {"connection":{…}}.
 * Stores no password: the CLI reads it from VAR each time it calls the API.
 * --url defaults to https://app.mediasflow.com/MediasflowApi/v1; HTTPS only
 * (http only towards 127.0.0.1/localhost).
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliIo } from '../cli-io';
import { cliConnections, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

const command = 'connection add';

export async function restConnectionAdd(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(
    args,
    {
      name: { type: 'string' },
      provider: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      brand: { type: 'string' },
      'login-path': { type: 'string' },
      'login-field': { type: 'string' },
      'password-field': { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    command,
  );
  const service = cliConnections(resolveDataDir(values['data-dir']));
  try {
    const { connection } = await service.save({
      name: requireOption(values.name, 'name', command),
      provider: 'mediasflow-rest',
      user: requireOption(values.user, 'user', command),
      passwordEnv: requireOption(values['password-env'], 'password-env', command),
      rest: {
        ...(values.url !== undefined ? { baseUrl: values.url } : {}),
        ...(values.brand !== undefined ? { brand: values.brand } : {}),
        ...(values['login-path'] !== undefined ? { loginPath: values['login-path'] } : {}),
        ...(values['login-field'] !== undefined ? { loginField: values['login-field'] } : {}),
        ...(values['password-field'] !== undefined ? { passwordField: values['password-field'] } : {}),
      },
    });
    if (values.json) printJson(io, { connection });
    else io.stdout(`Connexion « ${connection.name} » enregistrée (${connection.id}) : API MediasFlow ${connection.rest?.baseUrl}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
}
