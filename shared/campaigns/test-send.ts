/**
 * "M'envoyer un test" (issue 11 §4): one message, the campaign's own, sent to
 * the user's own phone through the same connection before the real send, as
 * its own drop. Provider-agnostic: the test is the campaign's list cut down
 * to one row (a real row of the list, its mobile replaced by the user's
 * number), so every connection kind builds its file, request or mail from it
 * exactly as it builds the campaign's. Named apart, marked `test` on the job,
 * never counted in the campaign's figures.
 */
import type { ListDocument } from '../lists/list-document';
import { arrayRows } from '../lists/list-rows';
import type { InvalidReason } from '../lists/list-types';
import { checkMobileNumber } from '../lists/validate-number';
import { cleanCampaignName, maxCampaignNameLength } from '../providers/mediasflow/campaign-name';

/** What the campaign's name becomes on the test's job: « Soldes d'hiver — test ». */
export function testCampaignName(campaignName: string): string {
  return `${campaignName.trim()} — test`;
}

/**
 * The test's provider-safe file name: the campaign's own, then " test", kept
 * whole when the name is at its maximum length (the campaign's part is cut,
 * never the word that says it is a test).
 */
export function testFileCampaignName(fileCampaignName: string, maxLength = maxCampaignNameLength): string {
  const suffix = ' test';
  const base = Array.from(fileCampaignName).slice(0, Math.max(0, maxLength - suffix.length)).join('').trim();
  return cleanCampaignName(`${base}${suffix}`, maxLength);
}

export type TestNumberCheck = { ok: true; normalized: string } | { ok: false; reason: InvalidReason };

/** The user's test number, by the same mobile-number rule as the lists' (a landline or a malformed number is refused). */
export function checkTestNumber(raw: string): TestNumberCheck {
  const check = checkMobileNumber(raw.trim());
  return check.valid ? { ok: true, normalized: check.normalized } : { ok: false, reason: check.reason };
}

export type TestRowProblem = 'no-mobile-column' | 'line-out-of-range';

export type TestListResult = { ok: true; document: ListDocument; line: number } | { ok: false; problem: TestRowProblem };

/**
 * The campaign's list cut down to the test's one row: the row at `line`
 * (1-based, after the header) with its mobile replaced by the user's number,
 * so the message is rendered with that real recipient's fields.
 */
export function testListDocument(document: ListDocument, line: number, testNumber: string): TestListResult {
  if (document.mobileColumn === null) return { ok: false, problem: 'no-mobile-column' };
  if (!Number.isInteger(line) || line < 1 || line > document.rows.length) return { ok: false, problem: 'line-out-of-range' };
  const row = document.columns.map((_, column) => document.rows.value(line - 1, column));
  row[document.mobileColumn] = testNumber;
  return { ok: true, document: { columns: document.columns, rows: arrayRows([row]), mobileColumn: document.mobileColumn }, line };
}

/**
 * Where the summary's test step stands. The real send button is enabled
 * once the user said the test received was right, or chose to skip it.
 */
export type TestStep =
  | { kind: 'untested' }
  | { kind: 'sending' }
  | { kind: 'sent'; jobId: string | null; to: string }
  | { kind: 'confirmed'; to: string }
  | { kind: 'not-right'; to: string }
  | { kind: 'skipped' };

export type TestStepEvent =
  | { type: 'send' }
  | { type: 'sent'; jobId: string | null; to: string }
  | { type: 'failed' }
  | { type: 'answer'; right: boolean }
  | { type: 'skip' }
  | { type: 'reset' };

export function nextTestStep(step: TestStep, event: TestStepEvent): TestStep {
  switch (event.type) {
    case 'reset':
      return { kind: 'untested' };
    case 'send':
      return step.kind === 'sending' ? step : { kind: 'sending' };
    case 'sent':
      return step.kind === 'sending' ? { kind: 'sent', jobId: event.jobId, to: event.to } : step;
    case 'failed':
      return step.kind === 'sending' ? { kind: 'untested' } : step;
    case 'answer':
      if (step.kind !== 'sent' && step.kind !== 'confirmed' && step.kind !== 'not-right') return step;
      return event.right ? { kind: 'confirmed', to: step.to } : { kind: 'not-right', to: step.to };
    case 'skip':
      return step.kind === 'sending' ? step : { kind: 'skipped' };
  }
}

/** The real send waits for a test found right, or for the user's choice to skip it. */
export function realSendAllowed(step: TestStep): boolean {
  return step.kind === 'confirmed' || step.kind === 'skipped';
}
