import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReportPoller } from './report-poller';

afterEach(() => {
  vi.useRealTimers();
});

describe('report poller', () => {
  it('runs a pass at start, sleeps until the next look is due (at most maxSleepMs), and stops', async () => {
    vi.useFakeTimers();
    let now = 0;
    const passes: number[] = [];
    const service = {
      runDue: vi.fn(async () => {
        passes.push(now);
        return { checked: [], failed: [] };
      }),
      nextDueAt: vi.fn(async () => 5_000),
    };
    const poller = createReportPoller({ service, now: () => now, maxSleepMs: 15_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(passes).toEqual([0]);
    now = 4_000;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(passes).toEqual([0]);
    now = 5_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(passes).toEqual([0, 5_000]);
    // Nothing scheduled: wait maxSleepMs, unless woken.
    service.nextDueAt.mockResolvedValue(null as never);
    now = 6_000;
    await vi.advanceTimersByTimeAsync(1_000);
    const before = passes.length;
    poller.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(passes.length).toBe(before + 1);
    await poller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(passes.length).toBe(before + 1);
  });

  it('never runs two passes at once', async () => {
    let release!: () => void;
    const service = { runDue: vi.fn(() => new Promise<{ checked: string[]; failed: string[] }>((resolve) => (release = () => resolve({ checked: [], failed: [] })))), nextDueAt: async () => null };
    const poller = createReportPoller({ service });
    const first = poller.runDue();
    const second = poller.runDue();
    expect(service.runDue).toHaveBeenCalledTimes(1);
    release();
    await Promise.all([first, second]);
  });
});
