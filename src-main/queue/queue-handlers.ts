/**
 * queue:* and drops:* handlers. The app's queue is created once per set of
 * main dependencies; the Electron entry calls `getQueue(deps).start()` when
 * the window is ready (and `setOnline` on network changes), `stop()` on quit.
 */
import type { DropRequestInput, QueueRequestChannels } from '@shared/ipc/channels/queue';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import { getConnectionService } from '../connections/connection-handlers';
import { createCampaignStore } from '../campaigns/campaign-store';
import { prepareDrop, type PrepareDropDeps, type PrepareDropInput } from '../drops/prepare-drop';
import { submitDrop } from '../drops/submit-drop';
import { createQueue, type Queue } from './queue-runtime';

const queues = new WeakMap<MainDeps, Queue>();

export function getQueue(deps: MainDeps): Queue {
  let queue = queues.get(deps);
  if (!queue) {
    queue = createQueue({
      dataDir: deps.dataDir,
      connections: getConnectionService(deps),
      notifier: deps.notifier,
      emit: (view) => deps.emit('queue:job-updated', view),
      log: deps.log,
    });
    queues.set(deps, queue);
  }
  return queue;
}

function toPrepareInput(input: DropRequestInput): PrepareDropInput {
  return {
    list: input.listId ? { listId: input.listId } : undefined,
    draftId: input.draftId,
    message: input.message,
    connection: input.connectionId,
    channel: input.channel,
    campaignName: input.campaignName,
    fileName: input.fileName,
    templateId: input.templateId,
    programmedAt: input.programmedAt,
    type: input.type,
    includeOptedOut: input.includeOptedOut,
  };
}

export interface QueueHandlersOptions {
  queue?: Queue;
  /** The list service's loader in the app (lists with unsaved edits); the list store by default. */
  lists?: PrepareDropDeps['lists'];
}

export function createQueueHandlers(deps: MainDeps, options: QueueHandlersOptions = {}): PartialHandlerMap<keyof QueueRequestChannels> {
  const queue = options.queue ?? getQueue(deps);
  const dropDeps = (): PrepareDropDeps => ({
    dataDir: deps.dataDir,
    connections: getConnectionService(deps),
    drafts: createCampaignStore(deps.dataDir),
    lists: options.lists,
    recentJobs: () => queue.list(),
  });
  return {
    'queue:list': () => queue.list(),
    'queue:get': ({ id }) => queue.get(id),
    'queue:cancel': ({ id }) => queue.cancel(id),
    'queue:retry': ({ id }) => queue.retry(id),
    'queue:decide': ({ id, decision }) => queue.decide(id, decision),
    'queue:refresh': async ({ id }) => {
      if (id) return [await queue.checkAckNow(id)];
      await queue.runOnce({ pollAllAcks: true });
      return queue.list();
    },
    'drops:prepare': async (input) => (await prepareDrop(toPrepareInput(input), dropDeps())).summary,
    'drops:submit': async ({ allowOutsideWindow, ...input }) => {
      const prepared = await prepareDrop(toPrepareInput(input), dropDeps());
      const jobs = await submitDrop(prepared, queue, { allowOutsideWindow });
      return { jobs, summary: prepared.summary };
    },
  };
}
