/**
 * When an update may be installed: only once it is downloaded, the user has
 * accepted it, and no drop is being uploaded (installing restarts the app,
 * and an update must never interrupt a drop).
 */
export type UpdateStatus =
  /** Development, browser mode or a build without a publish feed: no updater. */
  | { state: 'off' }
  /** Up to date, or checking / downloading in the background. */
  | { state: 'idle' }
  /** Downloaded: the user is offered to restart and install. */
  | { state: 'ready'; version: string }
  /** Accepted while a drop is uploading: installs as soon as no upload runs. */
  | { state: 'waiting-for-queue'; version: string }
  /** Accepted and nothing uploading: the app restarts into the new version. */
  | { state: 'installing'; version: string };

export interface UpdateProgress {
  /** Version downloaded and ready to install, or null. */
  downloaded: string | null;
  /** The user chose "Redémarrer et installer". */
  accepted: boolean;
}

export type UpdateAction = 'none' | 'offer' | 'wait-for-queue' | 'install';

export const updateCheckIntervalMs = 24 * 60 * 60 * 1000;

export function decideUpdateAction(update: UpdateProgress, queue: { uploading: boolean }): UpdateAction {
  if (update.downloaded === null) return 'none';
  if (!update.accepted) return 'offer';
  return queue.uploading ? 'wait-for-queue' : 'install';
}

export function updateStatusOf(update: UpdateProgress, queue: { uploading: boolean }): UpdateStatus {
  const action = decideUpdateAction(update, queue);
  if (action === 'none' || update.downloaded === null) return { state: 'idle' };
  if (action === 'offer') return { state: 'ready', version: update.downloaded };
  if (action === 'wait-for-queue') return { state: 'waiting-for-queue', version: update.downloaded };
  return { state: 'installing', version: update.downloaded };
}

/** A drop is being uploaded when one of the queue's jobs is in the `uploading` state. */
export function isQueueUploading(jobStates: readonly string[]): boolean {
  return jobStates.includes('uploading');
}
