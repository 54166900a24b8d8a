/**
 * Everything the demo drop boxes can be tuned with. The defaults make a
 * newcomer's first campaign feel like the real thing without waiting days:
 * answers after a couple of seconds, reports after 5 s, 20 s and 60 s.
 */

/** A template campaign ("campagne modèle") that exists on the demo MediasFlow account. */
export interface DemoTemplate {
  /** IDMEDIAFLOW: the template number written first in the dropped file's name. */
  id: string;
  channel: 'sms' | 'vms';
  label: string;
  /**
   * 'en-creation' is the only usable status (guide §2.1); any other status
   * answers code 09. 'internal-error' answers code 08 so the UI can be tried on it.
   */
  status: 'en-creation' | 'envoyee' | 'internal-error';
}

/**
 * The demo account's templates: 1001/1002 SMS, 2001 VMS. 1008 and 1009 exist
 * only to show codes 08 and 09; every other number answers 03.
 */
export const defaultDemoTemplates: readonly DemoTemplate[] = [
  { id: '1001', channel: 'sms', label: 'Démo SMS — Relance clients', status: 'en-creation' },
  { id: '1002', channel: 'sms', label: 'Démo SMS — Promotion', status: 'en-creation' },
  { id: '2001', channel: 'vms', label: 'Démo VMS — Message vocal', status: 'en-creation' },
  { id: '1008', channel: 'sms', label: 'Démo SMS — Erreur interne (code 08)', status: 'internal-error' },
  { id: '1009', channel: 'sms', label: 'Démo SMS — Campagne déjà envoyée (code 09)', status: 'envoyee' },
];

export interface DemoTimings {
  /** How often the drop folders are looked at. */
  pollIntervalMs: number;
  /** Time between a file appearing in a drop folder and the answer (.ar/.bad, ARCHIVES/INVALIDS). */
  answerDelayMs: number;
  /** AllMySMS: time a file spends in PROCESSING before ARCHIVES/INVALIDS. */
  allmysmsProcessingMs: number;
  /** Real delays after the send at which MediasFlow report versions are written. */
  reportDelaysMs: readonly number[];
  /**
   * Provider time each version stands for (hours after the send: end of send,
   * +24 h, +72 h), so statuses progress like in real reports.
   */
  reportSimulatedHours: readonly number[];
  /** Reports move to Report/archive after this long, and are deleted after reportDeleteAfterMs (guide §4.1). */
  reportArchiveAfterMs: number;
  reportDeleteAfterMs: number;
}

export const defaultDemoTimings: DemoTimings = {
  pollIntervalMs: 1_000,
  answerDelayMs: 2_000,
  allmysmsProcessingMs: 1_500,
  reportDelaysMs: [5_000, 20_000, 60_000],
  reportSimulatedHours: [0.25, 24, 72],
  reportArchiveAfterMs: 7 * 24 * 3_600_000,
  reportDeleteAfterMs: 90 * 24 * 3_600_000,
};

export function resolveDemoTimings(overrides: Partial<DemoTimings> = {}): DemoTimings {
  const timings = { ...defaultDemoTimings, ...overrides };
  if (timings.reportDelaysMs.length !== timings.reportSimulatedHours.length) {
    // Keep the two lists aligned: a version without a simulated time would have no statuses.
    const count = timings.reportDelaysMs.length;
    const hours = [...timings.reportSimulatedHours];
    while (hours.length < count) hours.push(hours.length === 0 ? 0.25 : hours[hours.length - 1] * 3);
    timings.reportSimulatedHours = hours.slice(0, count);
  }
  return timings;
}

/** The demo AllMySMS account starts with this many credits (one per 160-character SMS). */
export const defaultDemoCredits = 100_000;

export type DemoLog = (message: string, error?: unknown) => void;
