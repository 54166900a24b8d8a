import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '@shared/updates/update-decision';
import { createUpdateService, type Updater } from './update-service';

function fakeUpdater() {
  const listeners = new Map<string, (payload: never) => void>();
  const updater = {
    checks: 0,
    installs: 0,
    checkForUpdates: async () => {
      updater.checks += 1;
      return null;
    },
    quitAndInstall: () => {
      updater.installs += 1;
    },
    on(event: string, listener: (payload: never) => void) {
      listeners.set(event, listener);
      return updater;
    },
    download(version: string) {
      listeners.get('update-downloaded')!({ version } as never);
    },
  };
  return updater as typeof updater & Updater;
}

describe('update service', () => {
  let uploading: boolean;
  let statuses: UpdateStatus[];
  beforeEach(() => {
    vi.useFakeTimers();
    uploading = false;
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  const service = (updater: Updater) =>
    createUpdateService({ updater, isUploading: async () => uploading, onStatus: (status) => statuses.push(status), log: () => {}, queuePollMs: 5_000 });

  it('checks at start and again every day', async () => {
    const updater = fakeUpdater();
    service(updater).start();
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(updater.checks).toBe(3);
  });

  it('offers a downloaded update and does not install it unasked', async () => {
    const updater = fakeUpdater();
    const updates = service(updater);
    updater.download('0.2.0');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statuses).toEqual([{ state: 'ready', version: '0.2.0' }]);
    expect(await updates.status()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(updater.installs).toBe(0);
  });

  it('installs at once when the user accepts and nothing is uploading', async () => {
    const updater = fakeUpdater();
    const updates = service(updater);
    updater.download('0.2.0');
    expect(await updates.accept()).toEqual({ state: 'installing', version: '0.2.0' });
    expect(updater.installs).toBe(1);
  });

  it('accepted during an upload: waits for the drop to end, then installs once', async () => {
    const updater = fakeUpdater();
    const updates = service(updater);
    updater.download('0.2.0');
    uploading = true;
    expect(await updates.accept()).toEqual({ state: 'waiting-for-queue', version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(updater.installs).toBe(0);
    uploading = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(updater.installs).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.installs).toBe(1);
    expect(statuses.at(-1)).toEqual({ state: 'installing', version: '0.2.0' });
  });

  it('accepting with nothing downloaded does nothing', async () => {
    const updater = fakeUpdater();
    expect(await service(updater).accept()).toEqual({ state: 'idle' });
    expect(updater.installs).toBe(0);
  });
});
