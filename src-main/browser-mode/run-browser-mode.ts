/**
 * Browser mode (`npm start` without Electron, or `npm start -- --browser`):
 * the desktop app's main process in plain Node — the same handlers, workspace,
 * queue, demo drop boxes and report poller — with the renderer served on
 * 127.0.0.1 to the default browser. Runs until Ctrl+C, then shuts down like
 * the desktop app's quit.
 *   options: --port N (default: a free port), --no-open
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../create-handlers';
import { createMainServices } from '../main-services';
import type { MainDeps } from '../main-deps';
import { createDemoRuntime, startAppServices } from '../demo-setup';
import { defaultDataDir } from '../workspace/default-data-dir';
import { createFileSettingsStore } from '../settings/file-settings-store';
import { createBrowserDialogs } from './browser-dialogs';
import { startBrowserModeServer, type BrowserModeServer } from './browser-mode-server';
import { ensureRendererBuild, repoRoot } from './renderer-build';
import { hasDesktop, openBrowser } from './open-browser';

export interface BrowserModeArgs {
  port: number;
  open: boolean;
}

export function parseBrowserModeArgs(argv: string[]): BrowserModeArgs {
  const args: BrowserModeArgs = { port: 0, open: true };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--no-open') args.open = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[(index += 1)] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port attend un numéro de port (0–65535), reçu « ${value ?? ''} ».`);
      args.port = port;
    } else throw new Error(`Option inconnue : ${arg} (options : --browser, --port N, --no-open).`);
  }
  return args;
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const log = (message: string, error?: unknown) =>
  say(`[dropdesk] ${message}${error ? ` — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`);

export async function runBrowserMode(argv: string[]): Promise<void> {
  let args: BrowserModeArgs;
  try {
    args = parseBrowserModeArgs(argv);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  // The renderer is checked (and built when stale) once the address is printed: the page waits for it.
  let rendererReady: (dir: string) => void = () => {};
  let rendererFailed: (error: unknown) => void = () => {};
  const rendererDir = new Promise<string>((resolve, reject) => {
    rendererReady = resolve;
    rendererFailed = reject;
  });
  rendererDir.catch(() => {});

  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const settings = createFileSettingsStore(dataDir, log);
  const sessionDir = await mkdtemp(join(tmpdir(), 'dropdesk-browser-'));
  const dialogs = createBrowserDialogs(sessionDir);
  const demo = createDemoRuntime({ dataDir, log });
  const serverRef: { current?: BrowserModeServer } = {};
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  // No secretCipher: browser mode never stores a password (asked once per session).
  const deps: MainDeps = {
    dataDir,
    appVersion: version,
    dialogs,
    settings,
    emit: (event, payload) => serverRef.current?.emit(event, payload),
    log,
    demoEndpoints: demo.endpoints,
  };
  const mainServices = createMainServices(deps);
  const handlers = createHandlers(deps, mainServices);
  const server = await startBrowserModeServer({ handlers, dialogs, rendererDir, sessionDir, port: args.port, log });
  serverRef.current = server;
  const services = startAppServices(deps, mainServices, demo);

  say(`Dropdesk (mode navigateur) sur ${server.origin} — prêt ${Math.round(process.uptime() * 1000)} ms après le lancement. Adresse à ouvrir (secrète) :`);
  say(server.url);
  say('Ctrl+C pour quitter.');
  if (args.open && hasDesktop()) openBrowser(server.url, say);

  // DROPDESK_BROWSER_RENDERER_DIR: serve an existing build as is, unchecked (the end-to-end suite's).
  const prebuilt = process.env.DROPDESK_BROWSER_RENDERER_DIR;
  (prebuilt ? Promise.resolve({ dir: prebuilt, built: false }) : ensureRendererBuild(say)).then(
    ({ dir, built }) => {
      rendererReady(dir);
      if (built) say(`Interface construite (${Math.round(process.uptime() * 1000)} ms après le lancement) : la page s’affiche.`);
    },
    (error: unknown) => {
      log('La construction de l’interface a échoué', error);
      rendererFailed(error);
      process.exitCode = 1;
    },
  );

  let stopping = false;
  const shutDown = async (signal: string) => {
    if (stopping) {
      say('Arrêt forcé.');
      process.exit(1);
    }
    stopping = true;
    say(`${signal} : arrêt de Dropdesk (listes enregistrées, file d’envoi arrêtée entre deux étapes)…`);
    // No new request once quitting starts; then as the desktop app's quit.
    const steps: Array<[string, () => Promise<void>]> = [
      ['Arrêt du serveur', () => server.close()],
      ['Enregistrement des listes avant fermeture', () => mainServices.lists.flush()],
      ['Arrêt de la file d’envoi', async () => (await services).stop()],
      ['Enregistrement des paramètres', () => settings.flush()],
    ];
    for (const [label, step] of steps) await step().catch((error: unknown) => log(label, error));
    say('Dropdesk arrêté.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
}
