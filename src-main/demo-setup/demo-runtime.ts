/**
 * The demo drop boxes as the app runs them: started once (at launch, or at
 * the first drop that needs them), stopped at quit, and seen by the
 * connections service as DemoEndpoints. The SFTP box's host key is trusted
 * without asking: Dropdesk runs that server itself, on 127.0.0.1.
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
}

export interface DemoRuntime {
  /** For MainDeps.demoEndpoints: resolving starts the boxes if they are not running yet. */
  endpoints: DemoEndpoints;
  /** Starts the boxes (once; later calls return the same boxes). */
  start(): Promise<DemoProviders>;
  /** The running boxes, or null. */
  current(): DemoProviders | null;
  /** Stops the boxes; safe to call twice, and before start. */
  stop(): Promise<void>;
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
  let starting: Promise<DemoProviders> | null = null;
  let running: DemoProviders | null = null;
  let stopped = false;

  const start = (): Promise<DemoProviders> => {
    if (stopped) return Promise.reject(new Error('Les serveurs de démonstration sont arrêtés (fermeture de Dropdesk).'));
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
    },
    start,
    current: () => running,
    async stop() {
      stopped = true;
      const providers = running ?? (await starting?.catch(() => null)) ?? null;
      running = null;
      await providers?.stop();
    },
  };
}
