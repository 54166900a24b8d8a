/**
 * When an iSendPro marketing mail may leave. A mail has no schedule field and
 * iSendPro refuses commercial SMS outside the operators' hours (code 24), so
 * Dropdesk keeps the batch in its own queue until the programmed time, inside
 * the same marketing window as the other providers, with a safety margin
 * before the window's end: a mail handed over at 19:59 could be processed
 * after 20:00 and refused.
 */
import { checkSendWindow, defaultMarketingWindow, nextAllowedSlot, parseClockMinutes, type SendType, type SendWindow } from '../../scheduling/send-window';

/** Default margin before the end of the window (minutes). Configurable per call. */
export const ISENDPRO_WINDOW_END_MARGIN_MINUTES = 30;

/** The window shortened by the margin (20:00 → 19:30 by default). */
export function isendproSendWindow(window: SendWindow = defaultMarketingWindow, marginMinutes = ISENDPRO_WINDOW_END_MARGIN_MINUTES): SendWindow {
  const end = parseClockMinutes(window.end);
  const start = parseClockMinutes(window.start);
  const shortened = Math.max(start + 1, end - marginMinutes);
  const hh = String(Math.floor(shortened / 60)).padStart(2, '0');
  const mm = String(shortened % 60).padStart(2, '0');
  return { ...window, end: `${hh}:${mm}` };
}

/**
 * The instant a batch may be sent: `at` itself when it is allowed (or a
 * notification), else the next allowed slot; null when the window allows nothing.
 */
export function isendproSendableAt(at: Date, type: SendType, window: SendWindow = defaultMarketingWindow, marginMinutes = ISENDPRO_WINDOW_END_MARGIN_MINUTES): Date | null {
  const effective = isendproSendWindow(window, marginMinutes);
  const check = checkSendWindow(at, type, effective);
  if (check.ok) return at;
  return check.nextAllowedSlot ?? nextAllowedSlot(at, effective);
}
