/**
 * The "Programmer et envoyer" form as pure functions: the send date typed in
 * Paris time, the marketing-window check with its next allowed slot, the
 * campaign-name check, and the request main prepares the drop from.
 * Channel, type and name live on the draft; this form holds the rest.
 */
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import type { DropRequestInput } from '@shared/ipc/channels/queue';
import { fileCampaignName } from '@shared/providers/mediasflow/campaign-name';
import { isValidTemplateId } from '@shared/providers/mediasflow/mediasflow-name';
import { checkProgrammedTime, defaultProgrammedLeadMs } from '@shared/scheduling/programmed-time';
import { formatParisDateTime, parisWallClockToInstant, toParisParts } from '@shared/scheduling/paris-time';
import { checkSendWindow, defaultMarketingWindow, type SendWindow, type WindowBreach } from '@shared/scheduling/send-window';
import type { HolidayKey } from '@shared/scheduling/french-holidays';

export type SendTiming = 'now' | 'later';

export interface SendForm {
  connectionId: string | null;
  /** IDMEDIAFLOW, the template campaign's number (MediasFlow only). */
  templateId: string;
  timing: SendTiming;
  /** 'YYYY-MM-DD' and 'HH:MM', Paris time, as the date and time inputs give them. */
  date: string;
  time: string;
  /** Off by default: numbers that replied STOP or are blacklisted are left out. */
  includeOptedOut: boolean;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** Paris date and time inputs for an instant, rounded up to the next quarter hour. */
export function parisInputsFor(instant: Date, roundToQuarter = true): { date: string; time: string } {
  const ms = roundToQuarter ? Math.ceil(instant.getTime() / 900_000) * 900_000 : instant.getTime();
  const parts = toParisParts(new Date(ms));
  return { date: parts.dateKey, time: `${pad2(parts.hour)}:${pad2(parts.minute)}` };
}

export function initialSendForm(connectionId: string | null, now: Date, templateId = ''): SendForm {
  // A programmed send starts one hour ahead: well past the provider's minimum lead.
  const later = parisInputsFor(new Date(now.getTime() + 3_600_000));
  return { connectionId, templateId, timing: 'now', ...later, includeOptedOut: false };
}

export type SendAtResult =
  | { ok: true; programmedAt: string | null; shifted: boolean }
  | { ok: false; code: 'invalid-date' | 'nonexistent-time' | 'programmed-time-passed' | 'programmed-time-too-soon'; earliest?: string };

/** The instant the user chose (null: immediate), checked against the provider's minimum lead. */
export function resolveSendAt(form: Pick<SendForm, 'timing' | 'date' | 'time'>, now: Date, leadMs = defaultProgrammedLeadMs): SendAtResult {
  if (form.timing === 'now') return { ok: true, programmedAt: null, shifted: false };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.date);
  const time = /^(\d{2}):(\d{2})$/.exec(form.time);
  if (!date || !time) return { ok: false, code: 'invalid-date' };
  const resolved = parisWallClockToInstant({
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]),
    hour: Number(time[1]),
    minute: Number(time[2]),
    second: 0,
  });
  if (!resolved.ok) return { ok: false, code: resolved.code };
  const check = checkProgrammedTime(resolved.instant, now, leadMs);
  if (!check.ok) return { ok: false, code: check.code, earliest: formatParisDateTime(check.earliest) };
  return { ok: true, programmedAt: resolved.instant.toISOString(), shifted: resolved.shifted };
}

export interface WindowWarning {
  breaches: WindowBreach[];
  holiday: HolidayKey | null;
  /** ISO instant of the next allowed slot; null when the window allows none. */
  nextSlot: string | null;
  /** 'YYYY-MM-DD HH:MM' Paris. */
  nextSlotText: string | null;
}

/** Marketing outside Mon–Sat 08:00–20:00 or on a public holiday: the warning with the next slot (notifications are exempt). */
export function windowWarning(
  sendAt: SendAtResult,
  type: CampaignDraft['type'],
  now: Date,
  window: SendWindow = defaultMarketingWindow,
  leadMs = defaultProgrammedLeadMs,
): WindowWarning | null {
  if (!sendAt.ok) return null;
  const instant = sendAt.programmedAt ? new Date(sendAt.programmedAt) : now;
  const check = checkSendWindow(instant, type, window);
  if (check.ok) return null;
  let slot = check.nextAllowedSlot;
  // The slot is programmed: it must leave the provider its minimum lead.
  if (slot && slot.getTime() < now.getTime() + leadMs) slot = new Date(Math.ceil((now.getTime() + leadMs) / 60_000) * 60_000);
  return {
    breaches: check.breaches,
    holiday: check.holiday,
    nextSlot: slot ? slot.toISOString() : null,
    nextSlotText: slot ? formatParisDateTime(slot) : null,
  };
}

/** A slot as people say it, in Paris time: "lundi 30 novembre 2026 à 08:00". */
export function formatSlot(iso: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** "Programmer à <slot>": the form set to the slot. */
export function scheduleAt(form: SendForm, slotIso: string): SendForm {
  return { ...form, timing: 'later', ...parisInputsFor(new Date(slotIso), false) };
}

/** The provider-safe name the file will carry (IDCAMPAGNE…): the user's override, or derived from the campaign's name. */
export function draftFileName(draft: Pick<CampaignDraft, 'name' | 'fileName'>): string {
  return fileCampaignName(draft.name, draft.fileName ?? '');
}

export type SendFormProblem = 'no-connection' | 'template-id' | 'campaign-name' | 'send-at' | 'no-list';

/** What stops "Voir le résumé" (main checks everything again and says why). */
export function sendFormProblems(form: SendForm, draft: CampaignDraft, connection: ConnectionView | null, now: Date): SendFormProblem[] {
  const problems: SendFormProblem[] = [];
  if (!draft.listId) problems.push('no-list');
  if (!connection) problems.push('no-connection');
  if (connection?.profile === 'mediasflow-sftp' && !isValidTemplateId(form.templateId.trim())) problems.push('template-id');
  // The campaign keeps its name; only a name with nothing usable for the file stops here.
  if (!draft.name.trim() || draftFileName(draft) === '') problems.push('campaign-name');
  if (!resolveSendAt(form, now).ok) problems.push('send-at');
  return problems;
}

/** What main prepares (and later queues) the drop from. */
export function toDropRequest(form: SendForm, draft: CampaignDraft, connection: ConnectionView, now: Date): DropRequestInput {
  const sendAt = resolveSendAt(form, now);
  return {
    draftId: draft.id,
    connectionId: connection.id,
    channel: draft.channel,
    campaignName: draft.name,
    ...(draft.fileName?.trim() ? { fileName: draft.fileName.trim() } : {}),
    templateId: connection.profile === 'mediasflow-sftp' ? form.templateId.trim() : null,
    programmedAt: sendAt.ok ? sendAt.programmedAt : null,
    type: draft.type,
    ...(form.includeOptedOut ? { includeOptedOut: true } : {}),
  };
}

/** The demo MediasFlow account's template for a channel, so a newcomer's first send just works. */
export function demoTemplateFor(channel: CampaignDraft['channel']): string {
  return channel === 'vms' ? '2001' : '1001';
}

/** 'YYYY-MM-DD' → 'JJ/MM/AAAA', the order French people write (whatever the browser's own locale). */
export function isoDateToFrench(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** 'JJ/MM/AAAA' (or 'J/M/AAAA', or ISO) → 'YYYY-MM-DD'; null when it is not a real date. */
export function frenchDateToIso(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : french ? [french[3], french[2], french[1]].map(Number) : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** '8:55', '08:55', '8h55', '8 h' → '08:55' / '08:00' (24-hour clock); null otherwise. */
export function frenchTimeToIso(text: string): string | null {
  const match = /^(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?$/i.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}
