/**
 * The drop queue in the renderer ("Envois"): the jobs main holds, kept live
 * by queue:job-updated events, and the user's actions on them.
 */
import type { StateCreator } from 'zustand';
import type { HeldDecision, JobView, MailboxWatchView } from '@shared/ipc/channels/queue';
import type { ApiClient } from '../../bridge/api-client';
import type { DropdeskState } from '../../store/dropdesk-store';
import { mergeJobLists, upsertJob } from './job-display';

export interface JobsSlice {
  jobs: JobView[];
  jobsLoaded: boolean;
  /** Job ids with a request in flight (buttons disabled meanwhile). */
  jobsBusy: Record<string, boolean>;
  refreshingAcks: boolean;
  /** The job the screen brings into view (the one just sent). */
  highlightedJobId: string | null;
  /** iSendPro answer mailboxes the app watches now (one per mail connection awaiting answers). */
  mailboxWatch: MailboxWatchView[];

  loadJobs(): Promise<void>;
  loadMailboxWatch(): Promise<void>;
  mailboxWatchChanged(views: MailboxWatchView[]): void;
  jobUpdated(job: JobView): void;
  cancelJob(id: string): Promise<void>;
  retryJob(id: string): Promise<void>;
  decideJob(id: string, decision: HeldDecision): Promise<void>;
  /** "Vérifier maintenant": asks the provider's answers now (one job, or all awaiting one). */
  refreshAcks(id?: string): Promise<void>;
  highlightJob(id: string | null): void;
}

export function createJobsSlice(client: ApiClient): StateCreator<DropdeskState, [], [], JobsSlice> {
  return (set, get) => {
    const withBusy = async (id: string, action: () => Promise<JobView | JobView[]>) => {
      set({ jobsBusy: { ...get().jobsBusy, [id]: true } });
      try {
        const result = await action();
        for (const job of Array.isArray(result) ? result : [result]) get().jobUpdated(job);
      } catch (error) {
        get().notifyError(error);
      } finally {
        const { [id]: _done, ...rest } = get().jobsBusy;
        set({ jobsBusy: rest });
      }
    };

    // Jobs the events brought while a queue:list is on its way: its answer may have been read before them.
    const arrivingDuringLoads = new Set<JobView[]>();

    return {
      jobs: [],
      jobsLoaded: false,
      jobsBusy: {},
      refreshingAcks: false,
      highlightedJobId: null,
      mailboxWatch: [],

      async loadJobs() {
        const arrived: JobView[] = [];
        arrivingDuringLoads.add(arrived);
        try {
          const listed = await client.call('queue:list', undefined);
          set({ jobs: mergeJobLists(listed, arrived), jobsLoaded: true });
        } catch (error) {
          set({ jobsLoaded: true });
          get().notifyError(error);
        } finally {
          arrivingDuringLoads.delete(arrived);
        }
      },

      async loadMailboxWatch() {
        try {
          set({ mailboxWatch: await client.call('queue:mailbox-watch', undefined) });
        } catch {
          // Only a hint on the screen: the jobs themselves still show their answers.
        }
      },

      mailboxWatchChanged(views) {
        set({ mailboxWatch: views });
      },

      jobUpdated(job) {
        for (const arrived of arrivingDuringLoads) arrived.push(job);
        set({ jobs: upsertJob(get().jobs, job) });
      },

      cancelJob: (id) =>
        withBusy(id, async () => {
          const job = await client.call('queue:cancel', { id });
          if (job.cancelPending) get().notify({ kind: 'success', key: 'queue:screen.cancelPending' });
          return job;
        }),

      retryJob: (id) => withBusy(id, () => client.call('queue:retry', { id })),

      decideJob: (id, decision) =>
        withBusy(id, async () => {
          const job = await client.call('queue:decide', { id, decision });
          if (job.foundOnServer) get().notify({ kind: 'success', key: 'queue:notes.found-on-server' });
          return job;
        }),

      async refreshAcks(id) {
        if (id) return withBusy(id, () => client.call('queue:refresh', { id }));
        set({ refreshingAcks: true });
        try {
          for (const job of await client.call('queue:refresh', {})) get().jobUpdated(job);
        } catch (error) {
          get().notifyError(error);
        } finally {
          set({ refreshingAcks: false });
        }
      },

      highlightJob(id) {
        set({ highlightedJobId: id });
      },
    };
  };
}

/** Forwards main's job events (and the watched mailboxes) into the store; returns the unsubscribe. */
export function connectJobEvents(store: { getState(): JobsSlice }, client: ApiClient): () => void {
  const offJobs = client.subscribe('queue:job-updated', (job) => store.getState().jobUpdated(job));
  const offWatch = client.subscribe('queue:mailbox-watch-changed', (views) => store.getState().mailboxWatchChanged(views));
  return () => {
    offJobs();
    offWatch();
  };
}
