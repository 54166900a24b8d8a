/**
 * Which recipients of a report the two list actions take (issue 11 §10):
 * "Retirer ces numéros de la liste" (the rows of the view the user filtered)
 * and "Relancer les non-délivrés" (a new draft whose list holds only the
 * recipients worth sending to again).
 *
 * Who is "non délivré", from the guide's codes (§6 SMS, §8 VMS):
 * - re-targeted: the message reached no phone for a reason that may not hold
 *   next time: the operator did not deliver it (SMS 20, 25, 31, 32, 13, 27,
 *   22, 23, 26; VMS 117) or MediasFlow did not send it because of the account
 *   or the message (SMS 3, 5, 6, 7, 8, 12, 19; VMS 8);
 * - never re-targeted: delivered (16, 21), a STOP (17) and every blacklist
 *   (14, 15, 18, 116) — and any number in the opt-out list, whatever its code
 *   here; still in progress or posted without confirmation (1, 9, 10, 24, 28),
 *   which may still arrive (never send twice); a number that is itself wrong
 *   (2 mal formaté, 29/30 non attribué: those are for "Retirer") or a
 *   duplicate (4: the same number got it on another line); codes the guide
 *   does not list (fail closed);
 * - a number with several lines is re-targeted only when none of its lines
 *   was delivered, refused as an opt-out or is still on its way.
 *
 * An iSendPro campaign's rows hold the annex's codes instead: the same
 * verdicts, read from isendpro-codes.ts (isendproRetargetVerdict below).
 */
import { readReportRow, type ParsedReport } from './parse-report';
import { normaliseOptOutNumber } from './opt-outs';
import { recipientLayout } from './recipient-layout';
import { statusCodeInfo, type ReportChannel } from './status-codes';
import type { ReportCodeSystem } from './recipient-status';
import { ISENDPRO_NOTIFICATION_CODES, isendproCodeInfo } from '../providers/isendpro/isendpro-codes';

export type RetargetVerdict = 'retarget' | 'delivered' | 'opted-out' | 'pending' | 'wrong-number' | 'duplicate' | 'unknown';

const wrongNumberCodes: Readonly<Record<ReportChannel, ReadonlySet<number>>> = {
  sms: new Set([2, 29, 30]),
  vms: new Set([2]),
};
const duplicateCodes: Readonly<Record<ReportChannel, ReadonlySet<number>>> = { sms: new Set([4]), vms: new Set() };

/**
 * iSendPro's notification codes (isendpro-codes.ts): 0 "envoyé" may still
 * arrive (pending), 11 is the blacklist, 6/7/21/22/27 are numbers iSendPro
 * cannot send to; 24, 29 and 999 the queue itself sends again (pending:
 * never twice); the account and message errors (1, 2, 3, 12, 14, 16, 23, 30,
 * 33, 34) sent nothing, so they are sent to again.
 */
function isendproRetargetVerdict(code: number): RetargetVerdict {
  if (!isendproKnownCodes.has(code)) return 'unknown';
  const info = isendproCodeInfo(code);
  if (info.category === 'blacklisted') return 'opted-out';
  if (info.category === 'sentUnconfirmed' || info.effect === 'hold' || info.effect === 'retry') return 'pending';
  if (isendproWrongNumberCodes.has(code)) return 'wrong-number';
  if (info.category === 'notSent') return 'retarget';
  return 'unknown';
}
const isendproKnownCodes: ReadonlySet<number> = new Set(ISENDPRO_NOTIFICATION_CODES.map((entry) => entry.code));
const isendproWrongNumberCodes: ReadonlySet<number> = new Set([6, 7, 21, 22, 27]);

/** What a line's status code means for "Relancer les non-délivrés"; null (no whole-number code, or no answer yet) is unknown. */
export function retargetVerdict(channel: ReportChannel, code: number | null, system: ReportCodeSystem = 'mediasflow'): RetargetVerdict {
  if (code === null) return 'unknown';
  if (system === 'isendpro') return isendproRetargetVerdict(code);
  const info = statusCodeInfo(channel, code);
  if (!info) return 'unknown';
  if (info.stop || info.category === 'blacklisted') return 'opted-out';
  if (info.category === 'delivered') return 'delivered';
  if (info.category === 'inProgress' || info.category === 'sentUnconfirmed') return 'pending';
  if (wrongNumberCodes[channel].has(code)) return 'wrong-number';
  if (duplicateCodes[channel].has(code)) return 'duplicate';
  if (info.category === 'undelivered' || info.category === 'notSent') return 'retarget';
  return 'unknown';
}

export interface ReportLine {
  /** International digits (33612345678), or null when the line's number is unreadable. */
  number: string | null;
  /** The list's own mobile cell as dropped (to find a line whose number MediasFlow could not read). */
  raw: string;
  code: number | null;
}

/** Verdicts that block a number for good, whichever other line it has. */
const blocking: ReadonlySet<RetargetVerdict> = new Set(['delivered', 'opted-out', 'pending']);

/**
 * The numbers to send to again, each once, in report order: lines judged
 * "retarget", minus numbers with a blocking line and minus `optedOut`.
 */
export function selectRetargetNumbers(
  channel: ReportChannel,
  lines: readonly ReportLine[],
  isOptedOut: (number: string) => boolean,
  system: ReportCodeSystem = 'mediasflow',
): { numbers: string[]; optedOut: number } {
  const verdict = (code: number | null) => retargetVerdict(channel, code, system);
  const blocked = new Set<string>();
  for (const line of lines) if (line.number && blocking.has(verdict(line.code))) blocked.add(line.number);
  const chosen = new Set<string>();
  const optedOut = new Set<string>();
  for (const line of lines) {
    if (!line.number || verdict(line.code) !== 'retarget' || blocked.has(line.number)) continue;
    if (isOptedOut(line.number)) optedOut.add(line.number);
    else chosen.add(line.number);
  }
  return { numbers: [...chosen], optedOut: optedOut.size };
}

/** The lines (number, list's mobile cell, code) of the given rows of a parsed report. */
export function reportLines(parsed: ParsedReport, rows: ArrayLike<number>): ReportLine[] {
  const layout = recipientLayout(parsed.header.columns, parsed.channel);
  const rawColumn = layout.listColumns.find((column) => column.number)?.index ?? -1;
  const lines: ReportLine[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const fields = readReportRow(parsed, row);
    const code = parsed.codes[row];
    lines.push({
      number: layout.intMobile >= 0 ? normaliseOptOutNumber(fields[layout.intMobile] ?? '') : null,
      raw: rawColumn >= 0 ? (fields[rawColumn] ?? '').trim() : '',
      code: code >= 0 ? code : null,
    });
  }
  return lines;
}

/**
 * The list's rows holding these numbers (ascending): a row matches when its
 * checked number (international digits) is one of `numbers`, or when its
 * mobile cell is, as written, one of `rawCells` (a line whose number
 * MediasFlow could not read still names the list's cell).
 */
export function listRowsOfNumbers(
  normalized: ArrayLike<number>,
  mobileCells: ((row: number) => string) | null,
  numbers: Iterable<string>,
  rawCells: Iterable<string> = [],
): number[] {
  const wanted = new Set<number>();
  for (const number of numbers) wanted.add(Number(number));
  const raws = new Set([...rawCells].filter((cell) => cell !== ''));
  const rows: number[] = [];
  for (let row = 0; row < normalized.length; row++) {
    const value = normalized[row];
    if ((value !== 0 && wanted.has(value)) || (mobileCells && raws.size > 0 && raws.has(mobileCells(row).trim()))) rows.push(row);
  }
  return rows;
}
