import { describe, expect, it } from 'vitest';
import { backoffDelayMs, backoffSequence, defaultPollBackoff, defaultSlowBackoff, defaultUploadBackoff } from './backoff';

describe('backoff', () => {
  it('doubles upload retries from 10 s up to the 10-minute cap', () => {
    expect(backoffSequence(defaultUploadBackoff, 9).map((ms) => ms / 1000)).toEqual([10, 20, 40, 80, 160, 320, 600, 600, 600]);
  });

  it('waits longer when the server is full', () => {
    expect(backoffSequence(defaultSlowBackoff, 5).map((ms) => ms / 60_000)).toEqual([5, 10, 20, 40, 60]);
  });

  it('polls acknowledgements 10 s, 15 s, 22.5 s … up to 5 minutes', () => {
    const seconds = backoffSequence(defaultPollBackoff, 12).map((ms) => ms / 1000);
    expect(seconds.slice(0, 4)).toEqual([10, 15, 22.5, 33.75]);
    expect(seconds.slice(-3)).toEqual([300, 300, 300]);
  });

  it('is deterministic without a random source and never overflows', () => {
    expect(backoffDelayMs(3, defaultUploadBackoff)).toBe(backoffDelayMs(3, defaultUploadBackoff));
    expect(backoffDelayMs(10_000, defaultUploadBackoff)).toBe(600_000);
    expect(backoffDelayMs(0, defaultUploadBackoff)).toBe(10_000);
  });

  it('applies jitter only with an injected random source, never above the nominal delay', () => {
    expect(backoffDelayMs(2, defaultUploadBackoff, () => 0)).toBe(20_000);
    expect(backoffDelayMs(2, defaultUploadBackoff, () => 1)).toBe(16_000);
    expect(backoffDelayMs(2, defaultUploadBackoff, () => 0.5)).toBe(18_000);
    expect(backoffDelayMs(7, defaultUploadBackoff, () => 1)).toBe(480_000);
    expect(backoffDelayMs(2, { baseMs: 1000, factor: 2, maxMs: 10_000 }, () => 1)).toBe(2000);
  });
});
