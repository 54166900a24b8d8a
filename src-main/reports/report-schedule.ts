/**
 * When to look for a campaign's report files (pure). MediasFlow writes a
 * version at the end of the send, at +24 h and at +72 h by default (guide
 * §4.1), moves them to Report/archive after 7 days and deletes them after 90.
 * So: look a little after each of those moments, once more at +7 days (a late
 * version, or one already archived), then stop; the user can still ask at any
 * time ("Actualiser"). A failed look is retried with a growing delay.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Offsets from the send at which a look is due. */
export const reportCheckOffsetsMs: readonly number[] = [20 * MINUTE, 2 * HOUR, 25 * HOUR, 73 * HOUR, 7 * 24 * HOUR];

/**
 * Dropdesk's demo MediasFlow box writes its versions 5 s, 20 s and 60 s after
 * the send (simulating end of send, +24 h, +72 h): look just after each.
 */
export const demoReportCheckOffsetsMs: readonly number[] = [8_000, 25_000, 65_000, 3 * MINUTE];

export interface ReportScheduleInput {
  /** When the campaign left (its programmed time, else its acceptance). */
  sendAt: number;
  /** Last look, successful or not; null when never looked. */
  lastCheckedAt: number | null;
  /** Looks that failed in a row since the last success. */
  consecutiveFailures: number;
}

/** First retry after 1 min, doubling, at most 1 h apart. */
export function reportRetryDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(HOUR, MINUTE * 2 ** (consecutiveFailures - 1));
}

/**
 * When the next automatic look is due (epoch ms), or null when the schedule is
 * over. A checkpoint counts as done once a look happened at or after it.
 */
export function nextReportCheckAt(input: ReportScheduleInput, offsets: readonly number[] = reportCheckOffsetsMs): number | null {
  const checkpoints = offsets.map((offset) => input.sendAt + offset);
  const last = input.lastCheckedAt;
  const pending = checkpoints.find((at) => last === null || at > last);
  if (input.consecutiveFailures > 0 && last !== null) {
    // A failed look leaves its checkpoint unsatisfied: retry it, with backoff.
    const failedCheckpoint = [...checkpoints].reverse().find((at) => at <= last) ?? pending;
    if (failedCheckpoint === undefined) return null;
    return Math.max(failedCheckpoint, last + reportRetryDelayMs(input.consecutiveFailures));
  }
  return pending ?? null;
}
