/**
 * Runs the report looks when they are due (report-schedule.ts), beside the
 * job queue: the queue stops caring about a job once it is accepted, the
 * poller takes over from there. It sleeps until the next look is due (at most
 * `maxSleepMs`), never overlaps two passes, and can be woken ("Actualiser",
 * a job just accepted).
 */
import type { ReportService } from './report-service';

export interface ReportPollerOptions {
  service: Pick<ReportService, 'runDue' | 'nextDueAt'>;
  now?: () => number;
  /** Longest sleep between two passes (default 15 s, so a job just accepted is picked up soon; a pass without a due look only reads the local queue). */
  maxSleepMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export function createReportPoller(options: ReportPollerOptions) {
  const now = options.now ?? Date.now;
  const maxSleepMs = options.maxSleepMs ?? 15_000;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<unknown> | null = null;

  async function runDue() {
    if (pass) return pass;
    pass = options.service.runDue().finally(() => (pass = null));
    return pass;
  }

  async function loop(): Promise<void> {
    timer = null;
    if (!running) return;
    try {
      await runDue();
    } catch (error) {
      options.log?.('reports: polling pass failed', error);
    }
    if (!running) return;
    const next = await options.service.nextDueAt().catch(() => null);
    const delay = Math.min(maxSleepMs, Math.max(1_000, (next ?? Infinity) - now()));
    if (running && !timer) timer = setTimeout(() => void loop(), delay);
  }

  return {
    /** One pass now (the queue's runOnce may call it; tests too). */
    runDue,
    start(): void {
      if (running) return;
      running = true;
      timer = setTimeout(() => void loop(), 0);
    },
    wake(): void {
      if (!running) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void loop(), 0);
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await pass?.catch(() => undefined);
    },
  };
}

export type ReportPoller = ReturnType<typeof createReportPoller>;
