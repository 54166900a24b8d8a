/**
 * Immediate vs programmed sends. Programmed sends use the provider's own
 * scheduling (the app need not stay open): MediasFlow reads `-PROG_YYYYMMDDHHMM`
 * in the name, AllMySMS reads the send date in the name. A programmed time
 * must still be ahead when the provider reads the file, otherwise MediasFlow
 * answers code 05 — so a time that passed, or is about to, needs the user's
 * decision (the job is held), never a silent change.
 */

/** Lead the provider needs between the drop and a programmed time (processing, clock drift). */
export const defaultProgrammedLeadMs = 2 * 60_000;

export type ProgrammedTimeCheck =
  | { ok: true }
  | {
      ok: false;
      /** 'programmed-time-passed': at or before now; 'programmed-time-too-soon': within the lead. */
      code: 'programmed-time-passed' | 'programmed-time-too-soon';
      /** Earliest programmed time that would be accepted now. */
      earliest: Date;
    };

export function checkProgrammedTime(programmedAt: Date, now: Date, leadMs = defaultProgrammedLeadMs): ProgrammedTimeCheck {
  const earliest = new Date(now.getTime() + leadMs);
  if (programmedAt.getTime() <= now.getTime()) return { ok: false, code: 'programmed-time-passed', earliest };
  if (programmedAt.getTime() < earliest.getTime()) return { ok: false, code: 'programmed-time-too-soon', earliest };
  return { ok: true };
}
