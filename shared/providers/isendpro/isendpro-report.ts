/**
 * Notifications → the campaign's report: one outcome per recipient (the last
 * notification wins for a number of a batch, so a retried recipient shows its
 * final code), the figures the report screens chart (categories, codes), the
 * rows for the drill-down, and the opt-outs (code 11, liste noire).
 */
import { REPORT_CATEGORIES, type ReportCategory } from '../../reports/status-codes';
import type { OptOutEntry } from '../../reports/opt-outs';
import type { NotificationAnswer } from './isendpro-answers';
import { ISENDPRO_BLACKLIST_CODE, isendproCodeInfo, type IsendproCodeEffect } from './isendpro-codes';
import { fromIsendproNumber } from './isendpro-number';

export interface RecipientOutcome {
  /** 10-digit national number. */
  number: string;
  code: number | null;
  label: string;
  category: ReportCategory;
  /** iSendPro's own message text, as received. */
  message: string;
  emailId: number;
}

export interface IsendproReportSummary {
  recipients: number;
  /** Recipients with an answer so far. */
  answered: number;
  categories: Record<ReportCategory, number>;
  byCode: Record<string, number>;
  /** iSendPro reports no STOP replies nor clicks: always 0, kept for the same output as MediasFlow. */
  stop: 0;
  clicks: 0;
}

export interface BatchNotificationEffect {
  /** Numbers not sent because of the commercial hours (24): resend inside the window. */
  hold: string[];
  /** Numbers iSendPro could not process now (29, 999): resend later. */
  retry: string[];
  /** First account error found (3, 12, 14, 16, 30, 33, 1, 2): the campaign fails. */
  accountError: { code: number; label: string; action: string } | null;
  /** States whose number is not one of the batch (ignored, counted). */
  unknownNumbers: number;
}

/** What a notification asks the queue to do for its batch. */
export function notificationEffect(notification: NotificationAnswer, batchNumbers: readonly string[]): BatchNotificationEffect {
  const known = new Set(batchNumbers);
  const effect: BatchNotificationEffect = { hold: [], retry: [], accountError: null, unknownNumbers: 0 };
  for (const state of notification.states) {
    const code = state.code ?? -1;
    const entry = isendproCodeInfo(code);
    const kind: IsendproCodeEffect = state.code === null ? 'final' : entry.effect;
    if (kind === 'account' && effect.accountError === null) effect.accountError = { code, label: entry.label, action: entry.action ?? '' };
    if (!known.has(state.tel)) {
      if (kind !== 'account') effect.unknownNumbers++;
      continue;
    }
    if (kind === 'hold') effect.hold.push(state.tel);
    if (kind === 'retry') effect.retry.push(state.tel);
  }
  return effect;
}

export function emptyIsendproSummary(recipients: number): IsendproReportSummary {
  const categories = Object.fromEntries(REPORT_CATEGORIES.map((category) => [category, 0])) as Record<ReportCategory, number>;
  return { recipients, answered: 0, categories, byCode: {}, stop: 0, clicks: 0 };
}

/**
 * One outcome per recipient from the notifications, in order of arrival; a
 * later notification of the same number replaces the earlier one (a held
 * number first reads 24, then 0 once resent).
 */
export function collectOutcomes(notifications: readonly { emailId: number; states: NotificationAnswer['states'] }[]): Map<string, RecipientOutcome> {
  const outcomes = new Map<string, RecipientOutcome>();
  for (const notification of notifications) {
    for (const state of notification.states) {
      if (!/^0\d{9}$/.test(state.tel)) continue;
      const entry = isendproCodeInfo(state.code ?? -1);
      outcomes.set(state.tel, {
        number: state.tel,
        code: state.code,
        label: state.code === null ? state.message : entry.label,
        category: state.code === null ? 'other' : entry.category,
        message: state.message,
        emailId: notification.emailId,
      });
    }
  }
  return outcomes;
}

export function summarizeOutcomes(outcomes: Iterable<RecipientOutcome>, recipients: number): IsendproReportSummary {
  const summary = emptyIsendproSummary(recipients);
  for (const outcome of outcomes) {
    summary.answered++;
    summary.categories[outcome.category]++;
    const key = outcome.code === null ? '?' : String(outcome.code);
    summary.byCode[key] = (summary.byCode[key] ?? 0) + 1;
  }
  return summary;
}

/** Code 11 (liste noire) → opt-out entries (international digits, like the rest of the list). */
export function isendproOptOuts(outcomes: Iterable<RecipientOutcome>, context: { date: string; campaign: string }): OptOutEntry[] {
  const entries: OptOutEntry[] = [];
  for (const outcome of outcomes) {
    if (outcome.code !== ISENDPRO_BLACKLIST_CODE) continue;
    const number = fromIsendproNumber(outcome.number);
    if (number) entries.push({ number, reason: 'blacklist', code: ISENDPRO_BLACKLIST_CODE, date: context.date, sourceCampaign: context.campaign });
  }
  return entries;
}
