/**
 * Runs the update rule (shared/updates/update-decision.ts) around an updater:
 * checks at start and once a day, lets the updater download in the
 * background, tells the window when an update is ready, and installs only
 * after the user accepted and while no drop is uploading. Plain Node: the
 * Electron side (src-main/electron/auto-updater.ts) passes electron-updater.
 */
import {
  decideUpdateAction,
  updateCheckIntervalMs,
  updateStatusOf,
  type UpdateProgress,
  type UpdateStatus,
} from '@shared/updates/update-decision';

/** The part of electron-updater's `autoUpdater` this service uses. */
export interface Updater {
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateServiceOptions {
  updater: Updater;
  /** True while the queue uploads a drop. */
  isUploading: () => Promise<boolean>;
  onStatus: (status: UpdateStatus) => void;
  log: (message: string, error?: unknown) => void;
  /** How often to look again whether the upload is over, once the user accepted. */
  queuePollMs?: number;
  checkIntervalMs?: number;
}

export interface UpdateService {
  status(): Promise<UpdateStatus>;
  /** The user chose "Redémarrer et installer". */
  accept(): Promise<UpdateStatus>;
  start(): void;
  stop(): void;
}

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, isUploading, onStatus, log } = options;
  const queuePollMs = options.queuePollMs ?? 5_000;
  const checkIntervalMs = options.checkIntervalMs ?? updateCheckIntervalMs;
  const progress: UpdateProgress = { downloaded: null, accepted: false };
  let checkTimer: NodeJS.Timeout | null = null;
  let queueTimer: NodeJS.Timeout | null = null;
  let installing = false;

  const check = () => {
    updater.checkForUpdates().catch((error: unknown) => log('Mise à jour : vérification impossible', error));
  };

  /** Applies the rule once; installs, or looks again later while a drop uploads. */
  async function settle(): Promise<UpdateStatus> {
    const queue = { uploading: await isUploading() };
    const status = updateStatusOf(progress, queue);
    const action = decideUpdateAction(progress, queue);
    if (action === 'install' && !installing) {
      installing = true;
      onStatus(status);
      // Quitting runs the app's before-quit steps: lists flushed, queue stopped between steps.
      updater.quitAndInstall();
    } else if (action === 'wait-for-queue' && queueTimer === null) {
      queueTimer = setTimeout(() => {
        queueTimer = null;
        void settle().catch((error: unknown) => log('Mise à jour : installation différée impossible', error));
      }, queuePollMs);
      queueTimer.unref?.();
    }
    return status;
  }

  updater.on('update-downloaded', (info) => {
    progress.downloaded = info.version;
    // Only offered here: installing is decided by accept(), on a fresh look at the queue.
    if (!progress.accepted) onStatus({ state: 'ready', version: info.version });
  });
  updater.on('error', (error) => log('Mise à jour : échec', error));

  return {
    async status() {
      return updateStatusOf(progress, { uploading: await isUploading() });
    },
    async accept() {
      if (progress.downloaded === null) return { state: 'idle' };
      progress.accepted = true;
      const status = await settle();
      onStatus(status);
      return status;
    },
    start() {
      if (checkTimer) return;
      check();
      checkTimer = setInterval(check, checkIntervalMs);
      checkTimer.unref?.();
    },
    stop() {
      if (checkTimer) clearInterval(checkTimer);
      if (queueTimer) clearTimeout(queueTimer);
      checkTimer = null;
      queueTimer = null;
    },
  };
}
