import { describe, expect, it } from 'vitest';
import { nextReportCheckAt, reportRetryDelayMs } from './report-schedule';

const H = 3_600_000;
const sendAt = Date.parse('2024-11-26T10:00:00Z');

describe('report schedule', () => {
  it('looks at the end of the send, +24 h, +72 h, +7 days, then stops', () => {
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: null, consecutiveFailures: 0 })).toBe(sendAt + H / 3);
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + H / 3, consecutiveFailures: 0 })).toBe(sendAt + 2 * H);
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + 3 * H, consecutiveFailures: 0 })).toBe(sendAt + 25 * H);
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + 30 * H, consecutiveFailures: 0 })).toBe(sendAt + 73 * H);
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + 80 * H, consecutiveFailures: 0 })).toBe(sendAt + 168 * H);
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + 169 * H, consecutiveFailures: 0 })).toBeNull();
  });

  it('an on-demand look in between does not skip a later checkpoint', () => {
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: sendAt + 5 * H, consecutiveFailures: 0 })).toBe(sendAt + 25 * H);
  });

  it('retries a failed look with a growing delay, capped at one hour', () => {
    expect(reportRetryDelayMs(1)).toBe(60_000);
    expect(reportRetryDelayMs(3)).toBe(240_000);
    expect(reportRetryDelayMs(20)).toBe(H);
    const failedAt = sendAt + 25 * H + 10_000;
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: failedAt, consecutiveFailures: 2 })).toBe(failedAt + 120_000);
    // Even after the last checkpoint, a failed look is retried.
    const lateFailure = sendAt + 170 * H;
    expect(nextReportCheckAt({ sendAt, lastCheckedAt: lateFailure, consecutiveFailures: 1 })).toBe(lateFailure + 60_000);
  });
});
