/**
 * Exponential backoff with a cap, deterministic for a given failure count;
 * jitter only when a random source is injected (tests pass none, the runtime
 * passes Math.random so many clients do not retry in step).
 */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Share of the delay jitter may remove (0–1), when a random source is given. */
  jitterRatio?: number;
}

/** Upload retries after a network error: 10 s, 20 s, 40 s … up to 10 min. */
export const defaultUploadBackoff: BackoffPolicy = { baseMs: 10_000, factor: 2, maxMs: 10 * 60_000, jitterRatio: 0.2 };
/** Server full: the provider must free space, so wait longer: 5 min … up to 1 h. */
export const defaultSlowBackoff: BackoffPolicy = { baseMs: 5 * 60_000, factor: 2, maxMs: 60 * 60_000, jitterRatio: 0.2 };
/** Opt-out list unreadable: only a person can repair it, so check calmly: 30 s, 1 min, 2 min, 4 min, then every 5 min (a repair wakes the queue at once). */
export const defaultOptOutsBackoff: BackoffPolicy = { baseMs: 30_000, factor: 2, maxMs: 5 * 60_000 };
/** Acknowledgement polls: 10 s, 15 s, 22.5 s … up to 5 min. */
export const defaultPollBackoff: BackoffPolicy = { baseMs: 10_000, factor: 1.5, maxMs: 5 * 60_000, jitterRatio: 0.1 };

/** Delay before try number `failures + 1`, after `failures` (≥ 1) failures in a row. */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random?: () => number): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // Cap the exponent first so huge counts never overflow to Infinity·0 = NaN.
  const raw = policy.baseMs * Math.pow(policy.factor, Math.min(exponent, 64));
  const delay = Math.min(policy.maxMs, raw);
  if (!random || !policy.jitterRatio) return delay;
  const share = Math.min(1, Math.max(0, policy.jitterRatio)) * Math.min(1, Math.max(0, random()));
  return Math.round(delay * (1 - share));
}

/** The successive delays of a policy, for display and tests. */
export function backoffSequence(policy: BackoffPolicy, count: number): number[] {
  return Array.from({ length: count }, (_, i) => backoffDelayMs(i + 1, policy));
}
