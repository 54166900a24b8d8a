/**
 * What runs beside the handlers while the app is open (plain Node, so the
 * Electron entry and the end-to-end harness share it): the demo drop boxes,
 * the sandbox connections on first start, and the queue runtime working the
 * drops, with the iSendPro mailbox watchers. The demo boxes start on the
 * first use of a demo connection (a box that cannot start fails that use
 * only: real connections keep working).
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
  // The demo boxes are not started here: the first use of a demo connection starts them (demo-runtime.ts).
  // They stay up while a demo drop still awaits its answer.
  demo.setInUseCheck(async () => {
    const demoIds = new Set((await services.connections.list()).filter((connection) => connection.demo).map((connection) => connection.id));
    return (await queue.list()).some((job) => demoIds.has(job.connectionId) && ['queued', 'waiting', 'uploading', 'awaiting-ack'].includes(job.state));
  });
  try {
    const { connections } = services;
    const { created } = await ensureDemoConnections(connections, deps.dataDir);
    // The window may have listed the connections already: show it the new ones.
    if (created.length > 0) deps.emit('connections:changed', await connections.list());
  } catch (error) {
    deps.log('Mode démo : les connexions de démonstration n’ont pas pu être créées', error);
  }
  queue.start();
  // iSendPro batches left awaiting an answer (the app was closed) are watched again at once.
  await services.mailboxWatch.start().catch((error: unknown) => deps.log('iSendPro : la surveillance des boîtes de réception n’a pas démarré', error));
  // Report looks (end of send, +24 h, +72 h…) for accepted MediasFlow drops run beside the queue.
  const { reports } = services;
  reports.poller.start();
  let stopping: Promise<void> | null = null;
  return {
    demo,
    queue,
    stop() {
      stopping ??= (async () => {
        // The watchers first: a read they asked for runs through the queue.
        await services.mailboxWatch.stop();
        await queue.stop();
        await reports.poller.stop();
        await reports.reports.close();
        await demo.stop();
      })();
      return stopping;
    },
  };
}
