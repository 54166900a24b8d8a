/**
 * What runs beside the handlers while the app is open (plain Node, so the
 * Electron entry and the end-to-end harness share it): the demo drop boxes,
 * the sandbox connections on first start, and the queue runtime working the
 * drops. A demo box that cannot start is logged, never fatal: real
 * connections keep working.
 */
import type { MainDeps } from '../main-deps';
import type { MainServices } from '../main-services';
import type { Queue } from '../queue/queue-runtime';
import type { DemoRuntime } from './demo-runtime';
import { ensureDemoConnections } from './ensure-demo-connections';

export interface AppServices {
  demo: DemoRuntime;
  queue: Queue;
  /** Stops the queue first (no upload is cut mid-way by a vanished server), then the demo boxes. */
  stop(): Promise<void>;
}

/**
 * Starts the services the handlers were built over (createMainServices from
 * `deps`, whose demoEndpoints must be `demo.endpoints`).
 */
export async function startAppServices(deps: MainDeps, services: MainServices, demo: DemoRuntime): Promise<AppServices> {
  const { queue } = services;
  try {
    await demo.start();
  } catch (error) {
    deps.log('Mode démo : les serveurs de démonstration n’ont pas pu démarrer (les connexions réelles restent utilisables)', error);
  }
  try {
    const { connections } = services;
    const { created } = await ensureDemoConnections(connections, deps.dataDir);
    // The window may have listed the connections already: show it the new ones.
    if (created.length > 0) deps.emit('connections:changed', await connections.list());
  } catch (error) {
    deps.log('Mode démo : les connexions de démonstration n’ont pas pu être créées', error);
  }
  queue.start();
  // Report looks (end of send, +24 h, +72 h…) for accepted MediasFlow drops run beside the queue.
  const { reports } = services;
  reports.poller.start();
  let stopping: Promise<void> | null = null;
  return {
    demo,
    queue,
    stop() {
      stopping ??= (async () => {
        await queue.stop();
        await reports.poller.stop();
        await reports.reports.close();
        await demo.stop();
      })();
      return stopping;
    },
  };
}
