/**
 * The demo drop boxes as the app runs them: not listening at launch, started
 * when a demo connection is first used (a connection test, a drop, an
 * acknowledgement or report look: everything resolves DemoEndpoints here),
 * stopped again after `idleStopMs` without use while no demo job awaits an
 * answer (`inUse`), restarted on the next use, and stopped at quit. The SFTP
 * box's host key is trusted without asking: Dropdesk runs that server
 * itself, on 127.0.0.1.
 */
import type { DemoEndpoint, DemoEndpoints } from '../connections/connection-types';
import { startDemoProviders, type DemoProviders, type DemoTimings } from '../demo';

export interface DemoRuntimeOptions {
  dataDir: string;
  log: (message: string, error?: unknown) => void;
  /** Shorter delays for tests. */
  timings?: Partial<DemoTimings>;
  /** Replaces startDemoProviders (tests). */
  startProviders?: typeof startDemoProviders;
  /** Stop the boxes after this long without use (default 10 minutes). */
  idleStopMs?: number;
}

export const defaultDemoIdleStopMs = 10 * 60_000;

export interface DemoRuntime {
  /** For MainDeps.demoEndpoints: resolving starts the boxes if they are not running yet. */
  endpoints: DemoEndpoints;
  /** Starts the boxes (once; later calls return the same boxes). */
  start(): Promise<DemoProviders>;
  /** The running boxes, or null. */
  current(): DemoProviders | null;
  /** Stops the boxes; safe to call twice, and before start. */
  stop(): Promise<void>;
  /**
   * Keeps the boxes up while this says a demo job still awaits the
   * provider's answer (the app passes the queue's view of it).
   */
  setInUseCheck(check: () => Promise<boolean>): void;
}

export function demoEndpointOf(providers: DemoProviders, kind: 'demo-mediasflow' | 'demo-allmysms'): DemoEndpoint {
  if (kind === 'demo-mediasflow') {
    const { host, port, username, password, hostKeyFingerprint } = providers.mediasflow;
    return { host, port, username, password, hostKeyFingerprint };
  }
  const { host, port, username, password } = providers.allmysms;
  return { host, port, username, password };
}

export function createDemoRuntime(options: DemoRuntimeOptions): DemoRuntime {
  const startProviders = options.startProviders ?? startDemoProviders;
  const idleStopMs = options.idleStopMs ?? defaultDemoIdleStopMs;
  let starting: Promise<DemoProviders> | null = null;
  let running: DemoProviders | null = null;
  let stopped = false;
  let lastUseAt = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  let inUse: () => Promise<boolean> = async () => false;

  const scheduleIdleCheck = (delayMs: number): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void idleCheck(), Math.max(10, delayMs));
    idleTimer.unref();
  };

  async function idleCheck(): Promise<void> {
    idleTimer = null;
    if (stopped || !running) return;
    const idleFor = Date.now() - lastUseAt;
    if (idleFor < idleStopMs) return scheduleIdleCheck(idleStopMs - idleFor);
    const busy = await inUse().catch(() => true);
    if (busy) return scheduleIdleCheck(idleStopMs);
    if (Date.now() - lastUseAt < idleStopMs || !running) return;
    const providers = running;
    running = null;
    starting = null;
    options.log(`Mode démo : boîtes de dépôt arrêtées (aucune utilisation depuis ${Math.round(idleStopMs / 1000)} s).`);
    await providers.stop().catch((error: unknown) => options.log('Mode démo : arrêt des boîtes de dépôt impossible', error));
  }

  const start = (): Promise<DemoProviders> => {
    if (stopped) return Promise.reject(new Error('Les serveurs de démonstration sont arrêtés (fermeture de Dropdesk).'));
    lastUseAt = Date.now();
    scheduleIdleCheck(idleStopMs);
    starting ??= startProviders({ dataDir: options.dataDir, log: options.log, timings: options.timings }).then(
      (providers) => {
        running = providers;
        return providers;
      },
      (error: unknown) => {
        // A failed start (port refused…) may succeed later: let the next drop try again.
        starting = null;
        throw error;
      },
    );
    return starting;
  };

  return {
    endpoints: {
      async resolve(kind) {
        return demoEndpointOf(await start(), kind);
      },
      async resolveRest() {
        const { baseUrl, login, password } = (await start()).rest;
        return { baseUrl, login, password };
      },
      async resolveMail() {
        // Only now the iSendPro box (SMTP + answer mailbox) starts: a demo iSendPro connection is used.
        return (await (await start()).isendpro()).endpoint;
      },
    },
    start,
    current: () => running,
    setInUseCheck(check) {
      inUse = check;
    },
    async stop() {
      stopped = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const providers = running ?? (await starting?.catch(() => null)) ?? null;
      running = null;
      await providers?.stop();
    },
  };
}
