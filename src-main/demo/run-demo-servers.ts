#!/usr/bin/env node
/**
 * Starts the two demo drop boxes on their own, for manual tries with the CLI
 * or any SFTP/FTP client:  npx tsx src-main/demo/run-demo-servers.ts
 *   [--data-dir DIR] [--mediasflow-port N] [--allmysms-port N]
 * Human-readable details on stderr, one JSON line with the endpoints on
 * stdout; Ctrl+C stops them.
 */
import { defaultDataDir } from '../workspace/default-data-dir';
import { startDemoProviders, type DemoProviders } from './start-demo-providers';

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new Error(`Port invalide : ${value}`);
  return parsed;
}

export function describeDemoProviders(providers: DemoProviders, dataDir: string): string {
  const { mediasflow, allmysms } = providers;
  const templates = mediasflow.templates.map((template) => `${template.id} (${template.channel.toUpperCase()}, ${template.label})`).join(', ');
  return [
    `Boîtes de dépôt de démonstration (données : ${dataDir}/demo)`,
    `  MediasFlow (SFTP) : sftp://${mediasflow.host}:${mediasflow.port}  utilisateur ${mediasflow.username} / ${mediasflow.password}`,
    `    empreinte de la clé d'hôte : ${mediasflow.hostKeyFingerprint}`,
    `    campagnes modèles : ${templates}`,
    `  AllMySMS (FTP)    : ftp://${allmysms.host}:${allmysms.port}  utilisateur ${allmysms.username} / ${allmysms.password}`,
    '',
    `Avec la ligne de commande (mot de passe dans DROPDESK_DEMO_PASSWORD=${mediasflow.password}) :`,
    `  npm run -s cli -- connection add --name "Démo MediasFlow" --provider mediasflow-sftp --host ${mediasflow.host} --port ${mediasflow.port} --user demo --password-env DROPDESK_DEMO_PASSWORD --host-key ${mediasflow.hostKeyFingerprint}`,
    `  npm run -s cli -- connection add --name "Démo AllMySMS" --provider allmysms-ftp --host ${allmysms.host} --port ${allmysms.port} --user demo --password-env DROPDESK_DEMO_PASSWORD`,
    '',
    'Ctrl+C pour arrêter.',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const dataDir = option(argv, '--data-dir') ?? defaultDataDir();
  const providers = await startDemoProviders({
    dataDir,
    ports: { mediasflow: port(option(argv, '--mediasflow-port')), allmysms: port(option(argv, '--allmysms-port')) },
    log: (message, error) => process.stderr.write(`${message}${error ? ` : ${error instanceof Error ? error.message : String(error)}` : ''}\n`),
  });
  process.stderr.write(describeDemoProviders(providers, dataDir));
  const { mediasflow, allmysms } = providers;
  process.stdout.write(
    `${JSON.stringify({
      mediasflow: { host: mediasflow.host, port: mediasflow.port, username: mediasflow.username, hostKeyFingerprint: mediasflow.hostKeyFingerprint },
      allmysms: { host: allmysms.host, port: allmysms.port, username: allmysms.username },
    })}\n`,
  );
  const shutdown = () => {
    void providers.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

const isEntryPoint = process.argv[1]?.replace(/\\/g, '/').endsWith('run-demo-servers.ts');
if (isEntryPoint) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`Impossible de démarrer les boîtes de démonstration : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
