/**
 * `connection sign-in --name N [--data-dir DIR] [--json]`: the Microsoft 365
 * sign-in of a mail connection added with `--auth microsoft-oauth2`. Prints
 * the sign-in address on stderr (open it in a browser on this computer),
 * waits for Microsoft's redirect to the loopback listener, keeps the tokens
 * encrypted with DROPDESK_SECRET_KEY, and prints
 * `{"connection":{…},"signedIn":"address"}` with --json.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { CliError, printJson, type CliCommand } from '../cli-io';
import { keyCipherFromEnv, SECRET_KEY_ENV } from '../../connections/key-cipher';
import { cliConnections, parseOptions, requireOption, resolveDataDir } from './queue-cli-context';

const command = 'connection sign-in';

export const connectionSignInCommand: CliCommand = async (args, io) => {
  const values = parseOptions(args, { name: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, command);
  const name = requireOption(values.name, 'name', command);
  if (!keyCipherFromEnv(process.env).isAvailable()) {
    throw new CliError(
      `${command} : définissez la variable d'environnement ${SECRET_KEY_ENV} (16 caractères au moins, la même pour chaque commande) : la ligne de commande y chiffre les jetons Microsoft 365, qui ne sont jamais écrits en clair.`,
    );
  }
  const service = cliConnections(resolveDataDir(values['data-dir']));
  try {
    const connection = await service.signInMicrosoft(name, {
      openBrowser: (url) => io.stderr(`Ouvrez cette adresse dans un navigateur de cet ordinateur pour vous connecter à Microsoft 365 :\n${url}\nEn attente de la connexion…\n`),
    });
    const signedIn = connection.mail?.oauth?.account ?? null;
    if (values.json) printJson(io, { connection, signedIn });
    else io.stdout(`Connexion « ${connection.name} » : connecté à Microsoft 365 en tant que ${signedIn}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${command} : ${error.message}`);
    throw error;
  }
};
