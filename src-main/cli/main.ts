#!/usr/bin/env node
/**
 * Dropdesk command line: `npm run -s cli -- <command> …`. See README § CLI for
 * the contract (commands, JSON fields, exit codes).
 */
import { CliError, exitCodes, processIo, type CliCommand, type CliIo } from './cli-io';

type CommandLoader = () => Promise<CliCommand>;

/** Command words → implementation, loaded lazily so one command never pays for another. */
const commands: Record<string, CommandLoader> = {
  'list check': async () => (await import('./commands/list-check-command')).listCheckCommand,
  count: async () => (await import('./commands/count-command')).countCommand,
  report: async () => (await import('./commands/report-command')).reportCommand,
  'connection add': async () => (await import('./commands/connection-add-command')).connectionAddCommand,
  'connection sign-in': async () => (await import('./commands/connection-sign-in-command')).connectionSignInCommand,
  drop: async () => (await import('./commands/drop-command')).dropCommand,
  'queue run': async () => (await import('./commands/queue-run-command')).queueRunCommand,
  'queue status': async () => (await import('./commands/queue-status-command')).queueStatusCommand,
  'queue cancel': async () => (await import('./commands/queue-cancel-command')).queueCancelCommand,
  'opt-outs sync': async () => (await import('./commands/opt-outs-sync-command')).optOutsSyncCommand,
};

const usage = `Dropdesk — ligne de commande

Usage : npm run -s cli -- <commande> [options]

Commandes :
${Object.keys(commands)
  .map((name) => `  ${name}`)
  .join('\n')}

Voir README.md, section « Ligne de commande », pour les options et le format JSON.
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const name = Object.keys(commands)
    .sort((a, b) => b.split(' ').length - a.split(' ').length)
    .find((candidate) => candidate.split(' ').every((word, i) => argv[i] === word));
  if (!name) {
    io.stderr(usage);
    return argv.length === 0 || argv[0] === '--help' ? exitCodes.ok : exitCodes.refused;
  }
  try {
    const command = await commands[name]();
    return await command(argv.slice(name.split(' ').length), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`Erreur inattendue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCodes.unexpected;
  }
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isEntryPoint) {
  runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
