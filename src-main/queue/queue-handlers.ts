/**
 * queue:* and drops:* handlers over the app's queue (createMainServices);
 * startAppServices starts it when the window is ready, the Electron entry
 * calls `setOnline` on network changes and stops it on quit.
 */
import type { DropRequestInput, QueueRequestChannels } from '@shared/ipc/channels/queue';
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MainDeps } from '../main-deps';
import type { ConnectionService } from '../connections/connection-service';
import { createCampaignStore } from '../campaigns/campaign-store';
import { prepareDrop, type PrepareDropDeps, type PrepareDropInput } from '../drops/prepare-drop';
import { submitDrop } from '../drops/submit-drop';
import { workspaceSettingsOf } from '../settings/workspace-settings-file';
import type { Queue } from './queue-runtime';

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
  queue: Queue;
  connections: ConnectionService;
  /** The list service's loader in the app (lists with unsaved edits); the list store by default. */
  lists?: PrepareDropDeps['lists'];
}

/** Every queue:* and drops:* handler but queue:mailbox-watch (mailbox-watch-handlers.ts, over the app's watchers). */
export function createQueueHandlers(deps: MainDeps, options: QueueHandlersOptions): PartialHandlerMap<Exclude<keyof QueueRequestChannels, 'queue:mailbox-watch'>> {
  const { queue } = options;
  const dropDeps = (): PrepareDropDeps => ({
    dataDir: deps.dataDir,
    connections: options.connections,
    drafts: createCampaignStore(deps.dataDir),
    lists: options.lists,
    // Paramètres → Envoi (marketing window, BOM, AllMySMS split size) as they are now.
    settings: workspaceSettingsOf(deps.settings),
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
    'drops:send-test': async ({ test, ...input }) => {
      const prepared = await prepareDrop({ ...toPrepareInput(input), test }, dropDeps());
      // A test goes to the user's own phone, not to the list: the marketing window (a rule about prospects) does not hold it back.
      const jobs = await submitDrop(prepared, queue, { allowOutsideWindow: true });
      return { jobs, summary: prepared.summary };
    },
  };
}
