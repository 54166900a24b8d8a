/**
 * End-to-end harness: the real renderer build in Debian Chromium, driven
 * through browser mode's own server (src-main/browser-mode/): the same HTTP
 * + server-sent-events transport, security gate and `window.api` that
 * `npm start` serves, over the real main-process handlers running in the test
 * process. Only Electron itself is left out: the files a test "picks" or
 * "saves" go through the page's file chooser and downloads (Playwright's
 * filechooser and download events), and settings live in memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createHandlers } from '../../src-main/create-handlers';
import { createMainServices } from '../../src-main/main-services';
import { dispatchRequest } from '../../src-main/ipc/handler-map';
import { createMemorySettingsStore } from '../../src-main/settings/memory-settings-store';
import type { Dialogs, MainDeps } from '../../src-main/main-deps';
import type { UpdateService } from '../../src-main/updates/update-service';
import type { UpdateStatus } from '../../shared/updates/update-decision';
import { createDemoRuntime, startAppServices, type AppServices } from '../../src-main/demo-setup';
import { createBrowserDialogs } from '../../src-main/browser-mode/browser-dialogs';
import { startBrowserModeServer, type BrowserModeServer } from '../../src-main/browser-mode/browser-mode-server';
import type { DemoTimings } from '../../src-main/demo';
import type { BackoffPolicy } from '../../shared/queue/backoff';
import type { EventChannel, EventPayload } from '../../shared/ipc/channels';
import type { AppSettings } from '../../shared/settings/app-settings';
import type { IpcResult } from '../../shared/ipc/ipc-result';

const e2eDir = fileURLToPath(new URL('.', import.meta.url));
// DROPDESK_RENDERER_BUILD: another build folder, so parallel runs do not rebuild under each other.
export const rendererBuildDir = process.env.DROPDESK_RENDERER_BUILD ?? join(e2eDir, '.renderer-build');
export const screenshotsDir = join(e2eDir, 'screenshots');

/** The files the "user" picks or saves: the test queues the paths (null = cancel). */
export interface StubDialogs extends Dialogs {
  nextOpenFile(path: string | null): void;
  nextSaveFile(path: string | null): void;
  /** Every dialog main asked for, in order, to assert on its purpose and default name. */
  readonly requests: { kind: 'open' | 'save'; purpose: string; defaultName?: string }[];
}

interface DialogQueues {
  open: (string | null)[];
  save: (string | null)[];
}

const queuesOf = new WeakMap<StubDialogs, DialogQueues>();

function createStubDialogs(): StubDialogs {
  const queues: DialogQueues = { open: [], save: [] };
  const requests: StubDialogs['requests'] = [];
  const dialogs: StubDialogs = {
    requests,
    nextOpenFile: (path) => void queues.open.push(path),
    nextSaveFile: (path) => void queues.save.push(path),
    // Used as is only when a test hands these dialogs to main itself; startApp routes them through the page.
    async chooseOpenFile({ purpose }) {
      requests.push({ kind: 'open', purpose });
      return queues.open.length > 0 ? (queues.open.shift() ?? null) : null;
    },
    async chooseSaveFile({ purpose, defaultName }) {
      requests.push({ kind: 'save', purpose, defaultName });
      return queues.save.length > 0 ? (queues.save.shift() ?? null) : null;
    },
  };
  queuesOf.set(dialogs, queues);
  return dialogs;
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
  /** Auto-update as the packaged app has it, built on main's event sink (off when absent). */
  updates?: (emit: (status: UpdateStatus) => void) => UpdateService;
  /** The "system browser" (Microsoft 365 sign-in): main's openExternal (absent: the URL goes to stderr). */
  openExternal?: (url: string) => Promise<void>;
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
  /** Desktop notifications the queue (and the report service) asked for. */
  notifications: { title: string; body: string }[];
  /** What the demo drop boxes said they did. */
  demoLog: string[];
  /** The browser-mode server the page talks to. */
  server: BrowserModeServer;
}

let sharedBrowser: Promise<Browser> | undefined;

/** The Chromium shared by the apps of a test file (Debian's, headless, nothing from the network). */
export function launchBrowser(): Promise<Browser> {
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
  const sessionDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-session-'));
  const dialogs = options.dialogs ?? createStubDialogs();
  const queues = queuesOf.get(dialogs) ?? { open: [], save: [] };
  const events: RunningApp['events'] = [];
  const problems: string[] = [];
  const serverRef: { current?: BrowserModeServer } = {};

  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    events.push({ event, payload });
    serverRef.current?.emit(event, payload);
  };
  const log = (message: string, error?: unknown) => {
    problems.push(`main: ${message}${error ? ` — ${error instanceof Error ? error.stack : String(error)}` : ''}`);
  };

  // Main's dialogs are browser mode's; the test's queued save paths decide whether a save goes ahead.
  const browserDialogs = createBrowserDialogs(sessionDir);
  const saveTargets = new Map<string, string>();
  const mainDialogs: typeof browserDialogs = {
    runInRequest: browserDialogs.runInRequest,
    async chooseOpenFile(request) {
      dialogs.requests.push({ kind: 'open', purpose: request.purpose });
      return browserDialogs.chooseOpenFile(request);
    },
    async chooseSaveFile(request) {
      dialogs.requests.push({ kind: 'save', purpose: request.purpose, defaultName: request.defaultName });
      const target = queues.save.shift() ?? null;
      if (!target) return null;
      const path = await browserDialogs.chooseSaveFile(request);
      if (path) saveTargets.set(basename(dirname(path)), target);
      return path;
    },
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
    dialogs: mainDialogs,
    settings: createMemorySettingsStore(options.settings),
    emit,
    log,
    ...(demo ? { demoEndpoints: demo.endpoints } : {}),
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
  };
  if (options.updates) deps.updates = options.updates((status) => emit('update:changed', status));
  const mainServices = createMainServices(deps, {
    queue: demoOptions
      ? {
          notifier: { notify: (notification) => void notifications.push(notification) },
          transitionOptions: { pollBackoff: demoOptions.pollBackoff ?? e2eAckBackoff },
        }
      : {},
    // New report versions are announced through the same notifier.
    reports: { notifier: { notify: (notification) => void notifications.push(notification) } },
  });
  const handlers = createHandlers(deps, mainServices);
  let services: AppServices | undefined;
  if (demo && demoOptions) services = await startAppServices(deps, mainServices, demo);

  // A download counts as delivered once Playwright has saved it where the test asked.
  const delivered = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const deliveryOf = (token: string) => {
    let entry = delivered.get(token);
    if (!entry) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      entry = { promise, resolve };
      delivered.set(token, entry);
    }
    return entry;
  };
  const [server, browser] = await Promise.all([
    startBrowserModeServer({
      handlers,
      dialogs: mainDialogs,
      rendererDir: rendererBuildDir,
      sessionDir,
      log,
      onRefused: (refusal, method, url) => problems.push(`server: refused (${refusal}) ${method} ${url}`),
      downloadDelivered: (token) => deliveryOf(token).promise,
    }),
    launchBrowser(),
  ]);
  serverRef.current = server;
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1360, height: 860 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    // Nothing leaves the machine: every request but the local server's is refused below.
    serviceWorkers: 'block',
  });
  await context.route(/.*/, (route) => {
    if (route.request().url().startsWith(`${server.origin}/`)) return route.continue();
    problems.push(`network: blocked ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  // Local app, local handlers: anything slower than this is a failure worth seeing quickly.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => problems.push(`page: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  // The "user" picks the file the test queued (none queued: cancel).
  page.on('filechooser', (chooser) => {
    const path = queues.open.shift() ?? null;
    chooser.setFiles(path ? [path] : []).catch((error: unknown) => problems.push(`filechooser: ${String(error)}`));
  });
  page.on('download', (download) => {
    const token = decodeURIComponent(new URL(download.url()).pathname.split('/').pop() ?? '');
    const target = saveTargets.get(token);
    saveTargets.delete(token);
    (target ? download.saveAs(target) : download.cancel())
      .catch((error: unknown) => problems.push(`download: ${String(error)}`))
      .finally(() => deliveryOf(token).resolve());
  });
  // For tests that replay an event of main's on the page: it goes out through the server's event stream.
  await page.exposeFunction('__dropdeskEmit', (event: EventChannel, payload: unknown) =>
    server.emit(event, payload as EventPayload<typeof event>),
  );
  await page.goto(server.url);

  return {
    page,
    dialogs,
    dataDir,
    events,
    problems,
    server,
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
      await server.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { createStubDialogs };
