/**
 * Runs `tick` every `intervalMs`, never two at once, and lets stop() wait for
 * the tick in progress so no file is half moved when the app quits.
 */
export interface PollingLoop {
  /** Runs one tick now (after the one in progress, if any). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startPollingLoop(intervalMs: number, tick: () => Promise<void>, onError: (error: unknown) => void): PollingLoop {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const runOnce = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await tick();
      } catch (error) {
        onError(error);
      }
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().then(schedule);
    }, intervalMs);
    timer.unref?.();
  };
  schedule();

  return {
    runNow: runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Remembers when each file was first seen and its size then: a file is
 * "settled" once it has kept the same size and time for one look, so a
 * '.csv' written directly (not through a '.tmp' rename) is never read half written.
 */
export class ArrivalTracker {
  private readonly seen = new Map<string, { firstSeenAt: number; signature: string; settled: boolean }>();

  /** Records a look at `key`; returns when it was first seen and whether it has settled. */
  look(key: string, signature: string, now: number): { firstSeenAt: number; settled: boolean } {
    const previous = this.seen.get(key);
    if (!previous) {
      const entry = { firstSeenAt: now, signature, settled: false };
      this.seen.set(key, entry);
      return entry;
    }
    if (previous.signature !== signature) {
      previous.signature = signature;
      previous.settled = false;
      return previous;
    }
    previous.settled = true;
    return previous;
  }

  forget(key: string): void {
    this.seen.delete(key);
  }

  /** Drops what is no longer in the folders. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.seen.keys()) if (!keys.has(key)) this.seen.delete(key);
  }
}
