/**
 * "Mode démo": two local drop boxes that behave like the providers, started
 * by the app at launch and stopped at quit, so a newcomer completes a whole
 * campaign without any account. Everything listens on 127.0.0.1 only.
 *
 *   MediasFlow-like: SFTP, user demo + the workspace's random password
 *   (demo-credentials.ts), stable host key (fingerprint returned for
 *   pinning), /Campagnes/{SMS,VMS} → .ar/.bad, reports.
 *   AllMySMS-like: FTP, same login, SEND_SMS → PROCESSING → ARCHIVES/INVALIDS.
 */
import { mkdir } from 'node:fs/promises';
import { AllmysmsDemoBox } from './allmysms-demo-box';
import { loadOrCreateHostKey } from './demo-host-key';
import { loadOrCreateDemoCredentials, type DemoCredentials } from './demo-credentials';
import { defaultDemoTemplates, resolveDemoTimings, type DemoLog, type DemoTemplate, type DemoTimings } from './demo-options';
import { demoHost, demoPaths } from './demo-paths';
import { startFtpFolderServer, type FtpFolderServer } from './ftp-folder-server';
import { MediasflowDemoBox } from './mediasflow-demo-box';
import { startPollingLoop, type PollingLoop } from './polling-loop';
import { startSftpFolderServer, type SftpFolderServer } from './sftp-folder-server';
import { startRestSandbox, type RestSandbox } from './mediasflow-rest-sandbox';
import { startIsendproDemo, type IsendproDemo } from './isendpro-demo-box';

export interface StartDemoProvidersOptions {
  dataDir: string;
  log: DemoLog;
  timings?: Partial<DemoTimings>;
  /** Fixed ports (0 or absent: chosen by the system at each start). */
  ports?: { mediasflow?: number; allmysms?: number };
  templates?: readonly DemoTemplate[];
  /** Credits of a new demo AllMySMS account. */
  initialCredits?: number;
  ackNaming?: 'replace-extension' | 'append-extension';
  badContent?: 'code' | 'code-and-text';
  reportEncoding?: 'utf-8' | 'windows-1252';
  /** The login; by default user demo and the random password kept in <dataDir>/demo/credentials.json. */
  credentials?: DemoCredentials;
}

export interface DemoEndpoint {
  host: string;
  port: number;
  username: string;
  password: string;
}

export interface DemoProviders {
  mediasflow: DemoEndpoint & { protocol: 'sftp'; hostKeyFingerprint: string; templates: readonly DemoTemplate[] };
  allmysms: DemoEndpoint & { protocol: 'ftp' };
  /** MediasFlow SMS REST sandbox (http://127.0.0.1:port/MediasflowApi/v1, same login). */
  rest: { baseUrl: string; login: string; password: string; sandbox: RestSandbox };
  /**
   * The iSendPro-like box (SMTP + the answer mailbox over IMAP), started at
   * the first call only: a demo iSendPro connection is being used.
   */
  isendpro(): Promise<IsendproDemo>;
  /** The boxes themselves: tests and tools look at campaigns and credits. */
  boxes: { mediasflow: MediasflowDemoBox; allmysms: AllmysmsDemoBox };
  /** Processes the drop folders at once instead of waiting for the next poll. */
  runNow(): Promise<void>;
  /** Stops the processors then the servers; safe to call twice. */
  stop(): Promise<void>;
}

export async function startDemoProviders(options: StartDemoProvidersOptions): Promise<DemoProviders> {
  const paths = demoPaths(options.dataDir);
  const timings = resolveDemoTimings(options.timings);
  const templates = options.templates ?? defaultDemoTemplates;
  await mkdir(paths.root, { recursive: true });

  const hostKey = await loadOrCreateHostKey(paths.hostKey);
  const demoCredentials = options.credentials ?? (await loadOrCreateDemoCredentials(paths.credentials));
  const mediasflowBox = await MediasflowDemoBox.open({
    root: paths.mediasflowRoot,
    statePath: paths.mediasflowState,
    timings,
    templates,
    log: options.log,
    ackNaming: options.ackNaming,
    badContent: options.badContent,
    reportEncoding: options.reportEncoding,
  });
  const allmysmsBox = await AllmysmsDemoBox.open({
    root: paths.allmysmsRoot,
    statePath: paths.allmysmsState,
    timings,
    log: options.log,
    initialCredits: options.initialCredits,
  });

  let sftp: SftpFolderServer | null = null;
  let ftp: FtpFolderServer | null = null;
  let rest: RestSandbox | null = null;
  const loops: PollingLoop[] = [];
  let isendpro: Promise<IsendproDemo> | null = null;
  let stopped = false;
  const stopAll = async () => {
    stopped = true;
    await Promise.all(loops.map((loop) => loop.stop()));
    await Promise.all([sftp?.stop(), ftp?.stop(), rest?.stop(), isendpro?.then((box) => box.stop(), () => undefined)]);
  };
  try {
    sftp = await startSftpFolderServer({
      root: paths.mediasflowRoot,
      ...demoCredentials,
      hostKey: hostKey.privateKey,
      port: options.ports?.mediasflow,
      log: options.log,
    });
    ftp = await startFtpFolderServer({ root: paths.allmysmsRoot, ...demoCredentials, port: options.ports?.allmysms, log: options.log });
    rest = await startRestSandbox({ login: demoCredentials.username, password: demoCredentials.password, log: (line) => options.log(line) });
    loops.push(startPollingLoop(timings.pollIntervalMs, () => mediasflowBox.tick(), throttledLog(options.log, '[démo MediasFlow] erreur de traitement')));
    loops.push(startPollingLoop(timings.pollIntervalMs, () => allmysmsBox.tick(), throttledLog(options.log, '[démo AllMySMS] erreur de traitement')));
  } catch (error) {
    await stopAll();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    mediasflow: {
      protocol: 'sftp',
      host: demoHost,
      port: sftp.port,
      ...demoCredentials,
      hostKeyFingerprint: hostKey.fingerprint,
      templates,
    },
    allmysms: { protocol: 'ftp', host: demoHost, port: ftp.port, ...demoCredentials },
    rest: { baseUrl: rest.baseUrl, login: demoCredentials.username, password: demoCredentials.password, sandbox: rest },
    isendpro() {
      if (stopped) return Promise.reject(new Error('Les serveurs de démonstration sont arrêtés.'));
      isendpro ??= startIsendproDemo({ credentials: demoCredentials, mailboxPath: paths.isendproMailbox, notificationDelayMs: timings.answerDelayMs, log: options.log }).catch((error: unknown) => {
        // A failed start (port refused…) may succeed at the next use.
        isendpro = null;
        throw error;
      });
      return isendpro;
    },
    boxes: { mediasflow: mediasflowBox, allmysms: allmysmsBox },
    async runNow() {
      await Promise.all(loops.map((loop) => loop.runNow()));
    },
    stop() {
      stopping ??= stopAll();
      return stopping;
    },
  };
}

/** The same error every poll would flood the log: repeat it at most once a minute. */
function throttledLog(log: DemoLog, message: string): (error: unknown) => void {
  let last = { text: '', at: 0 };
  return (error) => {
    const text = error instanceof Error ? error.message : String(error);
    const now = Date.now();
    if (text === last.text && now - last.at < 60_000) return;
    last = { text, at: now };
    log(message, error);
  };
}
