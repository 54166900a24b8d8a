/**
 * A campaign → iSendPro mail batches: the sendable rows of the list (valid,
 * first copy of each number), written in 10-digit national form, 500 per
 * mail. Foreign numbers cannot be written in 10 digits: they are left out and
 * counted (with their line numbers) for the summary, never rewritten.
 *
 * A message is "personalised" when the template has a placeholder: each
 * recipient then gets their own <smsN>. `smslong` is the largest segment
 * count of the batch, the "STOP SMS au XXXXX" iSendPro appends included, so
 * no message of the batch is announced shorter than it is.
 */
import { compileTemplate, renderTemplate, type CompileTemplateOptions } from '../../composer/template';
import { isendproSegments } from '../../composer/stop-mention';
import { sendableNumber, type SendableTable } from '../sendable-table';
import { ISENDPRO_MAX_RECIPIENTS_PER_MAIL, type EnvoiRecipient } from './isendpro-envoi';
import { toIsendproNumber } from './isendpro-number';
import { asListRows } from '../../lists/list-rows';

export interface IsendproBatchPlan {
  recipients: EnvoiRecipient[];
  /** 0-based row index in the list of each recipient (same order), to map answers back. */
  rows: number[];
  sharedMessage: string | null;
  smslong: number;
}

export interface IsendproCampaignPlan {
  batches: IsendproBatchPlan[];
  recipients: number;
  personalised: boolean;
  /** Sendable rows left out because their number is not French (cannot be written in 10 digits). */
  leftOutForeign: { count: number; rows: number[] };
  maxSegments: number;
}

export interface PlanIsendproOptions extends CompileTemplateOptions {
  template: string;
  sender: string;
  /** The account's approved <nostop>1</nostop>. */
  nostop: boolean;
  batchSize?: number;
}

export function planIsendproBatches(table: SendableTable, options: PlanIsendproOptions): IsendproCampaignPlan {
  const batchSize = Math.min(options.batchSize ?? ISENDPRO_MAX_RECIPIENTS_PER_MAIL, ISENDPRO_MAX_RECIPIENTS_PER_MAIL);
  const compiled = compileTemplate(options.template, table.columns, options);
  const personalised = compiled.slotFields.length > 0;
  const context = { sender: options.sender, isendproNoStop: options.nostop };
  const sharedSegments = personalised ? 0 : isendproSegments(options.template, context);
  const batches: IsendproBatchPlan[] = [];
  const leftOut: number[] = [];
  let current: IsendproBatchPlan | null = null;
  let recipients = 0;
  let maxSegments = sharedSegments;
  const rows = asListRows(table.rows);
  for (let row = 0; row < rows.length; row++) {
    const digits = sendableNumber(table.checks[row]);
    if (digits === null) continue;
    const number = toIsendproNumber(digits);
    if (number === null) {
      leftOut.push(row);
      continue;
    }
    if (current === null || current.recipients.length >= batchSize) {
      current = { recipients: [], rows: [], sharedMessage: personalised ? null : options.template, smslong: Math.max(1, sharedSegments) };
      batches.push(current);
    }
    const message = personalised ? renderTemplate(compiled, rows.row(row)) : '';
    if (personalised) {
      const segments = isendproSegments(message, context);
      current.smslong = Math.max(current.smslong, segments);
      maxSegments = Math.max(maxSegments, segments);
    }
    current.recipients.push({ number, message });
    current.rows.push(row);
    recipients++;
  }
  return { batches, recipients, personalised, leftOutForeign: { count: leftOut.length, rows: leftOut }, maxSegments };
}
