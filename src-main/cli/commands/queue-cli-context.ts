/**
 * What the connection/drop/queue commands share: option parsing that refuses
 * unknown options (exit 2), the data folder (--data-dir, else the app's), and
 * the connections service and queue as the CLI runs them (passwords from the
 * environment variable each connection names; progress on stderr).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type CliIo } from '../cli-io';
import { defaultDataDir } from '../../workspace/default-data-dir';
import { createConnectionService } from '../../connections/connection-service';
import { keyCipherFromEnv } from '../../connections/key-cipher';
import { createQueue } from '../../queue/queue-runtime';
import { readWorkspaceSettings } from '../../settings/workspace-settings-file';
import { stampMarginMsOf, type WorkspaceSettings } from '@shared/settings/workspace-settings';

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliError(`${command} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function resolveDataDir(value: string | undefined): string {
  return value && value.trim() ? value : defaultDataDir();
}

export function requireOption(value: string | undefined, name: string, command: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`${command} : l'option --${name} est obligatoire.`);
  return value;
}

/** Passwords from the environment; Microsoft 365 tokens encrypted with DROPDESK_SECRET_KEY (the CLI has no safeStorage). */
export function cliConnections(dataDir: string) {
  return createConnectionService({ dataDir, env: process.env, tokenCipher: keyCipherFromEnv(process.env) });
}

/** The workspace's sending settings as the app saved them (defaults when none); dropped parts are said on stderr. */
export async function cliWorkspaceSettings(dataDir: string, io: CliIo): Promise<WorkspaceSettings> {
  const { settings, problems } = await readWorkspaceSettings(dataDir);
  for (const problem of problems) io.stderr(`Réglage ignoré (valeur par défaut utilisée) : ${problem}\n`);
  return settings;
}

export function cliQueue(dataDir: string, io: CliIo, settings?: WorkspaceSettings) {
  const connections = cliConnections(dataDir);
  const queue = createQueue({
    dataDir,
    connections,
    ...(settings ? { stampMarginMs: stampMarginMsOf(settings) } : {}),
    progress: (line) => io.stderr(`${line}\n`),
    log: (message, error) => io.stderr(`${message}${error ? ` : ${error instanceof Error ? error.message : String(error)}` : ''}\n`),
  });
  return { connections, queue };
}
