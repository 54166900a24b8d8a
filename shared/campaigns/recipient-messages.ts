/**
 * What each sendable recipient of a list receives for a campaign draft: the
 * per-recipient preview and the whole-list figures. Pure functions over the
 * list engine's table and checks and the composer engine (template renderer,
 * counter, figures accumulator); main runs the figures in a worker thread.
 */
import type { ListChecks } from '../lists/check-rows';
import { statusCode } from '../lists/check-rows';
import type { ListDocument } from '../lists/list-document';
import { addRecipientCount, emptyCampaignFigures } from '../composer/campaign-figures';
import { applyAllGsm7Replacements } from '../composer/gsm7-replacements';
import { ALLMYSMS_MAX_LENGTH, allMySmsLength, countSms, segmentSms } from '../composer/sms-count';
import { smsProviderOf } from '../composer/sms-providers';
import { compileTemplate, renderTemplate, type CompiledTemplate } from '../composer/template';
import type { CampaignDraft } from './campaign-draft';
import type { ListFigures, RecipientPreview } from './composer-results';

export type MessageSettings = Pick<CampaignDraft, 'message' | 'defaultForHeader' | 'provider' | 'maxSegments' | 'allowUcs2'> & Partial<Pick<CampaignDraft, 'replaceInFields'>>;

/**
 * MediasFlow without allowUCS2 converts the message to GSM-7 itself
 * (autoREPLACETOGSM7): count what the recipient will actually get.
 */
function forcesGsm7(settings: MessageSettings): boolean {
  return smsProviderOf(settings.provider) === 'mediasflow' && !settings.allowUcs2;
}

function goesToAllMySms(settings: MessageSettings): boolean {
  return smsProviderOf(settings.provider) === 'allmysms';
}

export interface PreparedMessages {
  compiled: CompiledTemplate;
  render(row: readonly string[]): string;
}

export function prepareMessages(columns: readonly string[], settings: MessageSettings): PreparedMessages {
  const compiled = compileTemplate(settings.message, columns, { defaultForHeader: settings.defaultForHeader });
  const convert = forcesGsm7(settings);
  // "Remplacer aussi les accents des champs": the list's values are replaced when rendered, the list itself is untouched.
  const fieldsOf = settings.replaceInFields ? (row: readonly string[]) => row.map((value) => applyAllGsm7Replacements(value).text) : (row: readonly string[]) => row;
  return {
    compiled,
    render: convert ? (row) => applyAllGsm7Replacements(renderTemplate(compiled, fieldsOf(row))).text : (row) => renderTemplate(compiled, fieldsOf(row)),
  };
}

/** Sendable rows: valid numbers, first occurrence of each (duplicates and invalid rows are not sent). */
export function countSendable(checks: ListChecks): number {
  let count = 0;
  const { status } = checks;
  for (let i = 0; i < status.length; i++) if (status[i] === statusCode.valid) count++;
  return count;
}

/** Index in the list of the `position`-th sendable row (0-based), or -1 past the end. */
export function sendableRowIndex(checks: ListChecks, position: number): number {
  const { status } = checks;
  let seen = 0;
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== statusCode.valid) continue;
    if (seen === position) return i;
    seen++;
  }
  return -1;
}

/**
 * The message of one sendable recipient. A position past the end shows the
 * last recipient (the list may have shrunk since the user stepped there);
 * null when the list has no sendable row.
 */
export function previewRecipient(
  campaignId: string,
  document: ListDocument,
  checks: ListChecks,
  settings: MessageSettings,
  position: number,
): RecipientPreview | null {
  const sendableTotal = countSendable(checks);
  if (sendableTotal === 0) return null;
  const rowIndex = Math.min(Math.max(0, position), sendableTotal - 1);
  const listRow = sendableRowIndex(checks, rowIndex);
  const row = document.rows.row(listRow);
  const { compiled, render } = prepareMessages(document.columns, settings);
  const message = render(row);
  const count = segmentSms(message);
  const values: Record<string, string> = {};
  document.columns.forEach((column, index) => {
    values[column] = row[index] ?? '';
  });
  return {
    campaignId,
    rowIndex,
    sendableTotal,
    listRow,
    // String(): the list engine's fast path may hold the digits as a number despite its type.
    number: String(checks.normalized[listRow]),
    values,
    message,
    count,
    unknownFields: compiled.unknownFields,
    overAccountLimit: count.segments > settings.maxSegments,
    fitsAllMySms160: goesToAllMySms(settings) ? allMySmsLength(count) <= ALLMYSMS_MAX_LENGTH : null,
  };
}

export interface FiguresProgress {
  done: number;
  total: number;
}

/**
 * Renders and counts the message of every sendable row. Reports progress
 * every `progressEvery` recipients (the worker forwards it to the window).
 */
export function computeListFigures(
  document: ListDocument,
  checks: ListChecks,
  settings: MessageSettings,
  onProgress: (progress: FiguresProgress) => void = () => {},
  progressEvery = 50_000,
): ListFigures {
  const { compiled, render } = prepareMessages(document.columns, settings);
  const figures = emptyCampaignFigures({ maxSegments: settings.maxSegments, templateEncoding: compiled.templateEncoding });
  const total = countSendable(checks);
  const { status } = checks;
  const { rows } = document;
  let done = 0;
  onProgress({ done, total });
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== statusCode.valid) continue;
    addRecipientCount(figures, countSms(render(rows.row(i))), done);
    done++;
    if (done % progressEvery === 0) onProgress({ done, total });
  }
  if (done % progressEvery !== 0) onProgress({ done, total });
  const { allMySms160Failures, exampleLimit: _exampleLimit, ...rest } = figures;
  return {
    ...rest,
    allMySms160Failures: goesToAllMySms(settings) ? allMySms160Failures : null,
    unknownFields: compiled.unknownFields,
  };
}
