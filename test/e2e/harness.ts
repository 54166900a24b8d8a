/**
 * End-to-end harness: the real renderer build in Debian Chromium, bridged to
 * the real main-process handlers running in the test process. Only Electron
 * itself is left out: dialogs are stubbed with paths the test queues, and
 * settings live in memory.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createHandlers } from '../../src-main/create-handlers';
import { createMainServices } from '../../src-main/main-services';
import { dispatchRequest } from '../../src-main/ipc/handler-map';
import { createMemorySettingsStore } from '../../src-main/settings/memory-settings-store';
import { contentSecurityPolicy } from '../../src-main/electron/content-security-policy';
import type { Dialogs, MainDeps } from '../../src-main/main-deps';
import { createDemoRuntime, startAppServices, type AppServices } from '../../src-main/demo-setup';
import type { DemoTimings } from '../../src-main/demo';
import type { BackoffPolicy } from '../../shared/queue/backoff';
import type { EventChannel, EventPayload } from '../../shared/ipc/channels';
import type { AppSettings } from '../../shared/settings/app-settings';
import type { IpcResult } from '../../shared/ipc/ipc-result';

const e2eDir = fileURLToPath(new URL('.', import.meta.url));
// DROPDESK_RENDERER_BUILD: another build folder, so parallel runs do not rebuild under each other.
export const rendererBuildDir = process.env.DROPDESK_RENDERER_BUILD ?? join(e2eDir, '.renderer-build');
export const screenshotsDir = join(e2eDir, 'screenshots');

/** Stub of the system dialogs: the test queues the paths the "user" would pick (null = cancel). */
export interface StubDialogs extends Dialogs {
  nextOpenFile(path: string | null): void;
  nextSaveFile(path: string | null): void;
  /** Every dialog main asked for, in order, to assert on its purpose and default name. */
  readonly requests: { kind: 'open' | 'save'; purpose: string; defaultName?: string }[];
}

function createStubDialogs(): StubDialogs {
  const openQueue: (string | null)[] = [];
  const saveQueue: (string | null)[] = [];
  const requests: StubDialogs['requests'] = [];
  return {
    requests,
    nextOpenFile: (path) => void openQueue.push(path),
    nextSaveFile: (path) => void saveQueue.push(path),
    async chooseOpenFile({ purpose }) {
      requests.push({ kind: 'open', purpose });
      return openQueue.length > 0 ? (openQueue.shift() ?? null) : null;
    },
    async chooseSaveFile({ purpose, defaultName }) {
      requests.push({ kind: 'save', purpose, defaultName });
      return saveQueue.length > 0 ? (saveQueue.shift() ?? null) : null;
    },
  };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the renderer build on 127.0.0.1 with the app's CSP header, as Electron's session adds it. */
async function serveRendererBuild(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
    const file = join(rendererBuildDir, relative);
    if (!file.startsWith(rendererBuildDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy,
          'Cache-Control': 'no-store',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/index.html` };
}

let bridgeScript: Promise<string> | undefined;

/** The preload's createApi bundled for the page (built once per test file). */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(e2eDir, 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    alias: { '@shared': join(e2eDir, '../../shared') },
  }).then((result) => result.outputFiles[0].text);
  return bridgeScript;
}

export interface StartAppOptions {
  /** Reuse a data folder (to test what survives a restart); a fresh temp folder otherwise. */
  dataDir?: string;
  dialogs?: StubDialogs;
  settings?: Partial<AppSettings>;
  viewport?: { width: number; height: number };
  /**
   * Mode démo as the app runs it: the demo drop boxes on 127.0.0.1, the
   * sandbox connections, and the queue runtime working the drops — with
   * short delays so a whole drop takes a few seconds.
   */
  demo?: boolean | { timings?: Partial<DemoTimings>; pollBackoff?: BackoffPolicy };
}

/** Short demo delays: the answer comes after ~1.5 s (long enough to see "awaiting the answer"). */
export const e2eDemoTimings: Partial<DemoTimings> = { pollIntervalMs: 200, answerDelayMs: 1_500, allmysmsProcessingMs: 300 };
/** Acknowledgement polls every second or so instead of 10 s, 15 s… */
export const e2eAckBackoff: BackoffPolicy = { baseMs: 1_000, factor: 1.2, maxMs: 3_000 };

export interface RunningApp {
  page: Page;
  dialogs: StubDialogs;
  dataDir: string;
  /** Events main emitted, in order. */
  events: { event: EventChannel; payload: unknown }[];
  /** Errors logged by main or thrown in the page; a test should end with none. */
  problems: string[];
  /** Calls a handler directly, as the renderer would, to check what main holds. */
  call(channel: string, input?: unknown): Promise<IpcResult<unknown>>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
  /** With `demo`: the drop boxes (campaigns, runNow) and the queue. */
  services?: AppServices;
  /** Desktop notifications the queue asked for. */
  notifications: { title: string; body: string }[];
  /** What the demo drop boxes said they did. */
  demoLog: string[];
}

let sharedBrowser: Promise<Browser> | undefined;

function launchBrowser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({
    executablePath: process.env.DROPDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=Translate,MediaRouter',
      '--force-color-profile=srgb',
      '--font-render-hinting=none',
    ],
  });
  return sharedBrowser;
}

/** Closes the browser shared by the apps of a test file (call in afterAll). */
export async function closeBrowser(): Promise<void> {
  const browser = await sharedBrowser;
  sharedBrowser = undefined;
  await browser?.close();
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dropdesk-e2e-')));
  const dialogs = options.dialogs ?? createStubDialogs();
  const events: RunningApp['events'] = [];
  const problems: string[] = [];
  // Events can only reach the page once it exists; until then they are recorded only.
  const pageRef: { current?: Page } = {};

  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    events.push({ event, payload });
    void pageRef.current
      ?.evaluate(([name, value]) => (window as unknown as { __dropdeskEmit(e: string, p: unknown): void }).__dropdeskEmit(name, value), [
        event,
        payload,
      ] as const)
      .catch(() => {});
  };
  const log = (message: string, error?: unknown) => {
    problems.push(`main: ${message}${error ? ` — ${error instanceof Error ? error.stack : String(error)}` : ''}`);
  };
  const notifications: RunningApp['notifications'] = [];
  const demoOptions = options.demo ? (options.demo === true ? {} : options.demo) : null;
  const demoLog: string[] = [];
  // The drop boxes tell what they do (accepted, refused…): a problem only when an error comes with it.
  const logDemo = (message: string, error?: unknown) => (error ? log(message, error) : void demoLog.push(message));
  const demo = demoOptions ? createDemoRuntime({ dataDir, log: logDemo, timings: demoOptions.timings ?? e2eDemoTimings }) : null;
  const deps: MainDeps = {
    dataDir,
    appVersion: '0.0.0-e2e',
    dialogs,
    settings: createMemorySettingsStore(options.settings),
    emit,
    log,
    ...(demo ? { demoEndpoints: demo.endpoints } : {}),
  };
  const mainServices = createMainServices(deps, {
    queue: demoOptions
      ? {
          notifier: { notify: (notification) => void notifications.push(notification) },
          transitionOptions: { pollBackoff: demoOptions.pollBackoff ?? e2eAckBackoff },
        }
      : {},
  });
  const handlers = createHandlers(deps, mainServices);
  let services: AppServices | undefined;
  if (demo && demoOptions) services = await startAppServices(deps, mainServices, demo);

  const [{ server, url }, script, browser] = await Promise.all([serveRendererBuild(), bundleBridge(), launchBrowser()]);
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1360, height: 860 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // Nothing leaves the machine: every request but the local server's is refused below.
    serviceWorkers: 'block',
  });
  await context.route(/.*/, (route) => {
    if (route.request().url().startsWith(url.replace('index.html', ''))) return route.continue();
    problems.push(`network: blocked ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  pageRef.current = page;
  // Local app, local handlers: anything slower than this is a failure worth seeing quickly.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => problems.push(`page: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__dropdeskInvoke', (channel: string, input: unknown) =>
    dispatchRequest(handlers, channel, input, log),
  );
  await page.addInitScript({ content: script });
  await page.goto(url);

  return {
    page,
    dialogs,
    dataDir,
    events,
    problems,
    call: (channel, input) => dispatchRequest(handlers, channel, input, log),
    async screenshot(name) {
      const path = join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      return path;
    },
    services,
    notifications,
    demoLog,
    async close() {
      await context.close();
      await services?.stop();
      // Lists are saved a moment after the last edit: let those saves land before the folder goes.
      await mainServices.lists.flush();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { createStubDialogs };
