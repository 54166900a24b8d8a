/**
 * The whole-list loop: for every sendable row, count the rendered message and
 * accumulate the figures. Used by the CLI (`count --list`), the benchmark and
 * the composer's worker (call it on consecutive row ranges and yield between
 * them so the UI never freezes). The messages are counted without being
 * built (see template-counter.ts).
 */
import { addRecipientCount, type CampaignFigures } from './campaign-figures';
import { countTemplateRow, prepareTemplateCounter } from './template-counter';
import type { CompiledTemplate } from './template';

export interface CampaignRows {
  compiled: CompiledTemplate;
  /** The list's records, values in column order. */
  rows: readonly (readonly string[])[];
  /** Whether a row is sent (valid and not a duplicate). */
  isSendable: (rowIndex: number) => boolean;
  /** Text the provider appends to every message (iSendPro's STOP), counted but never shown. */
  appendedText?: string;
}

/**
 * Adds rows [from, to) to `figures` (in place) and returns it. Positions in
 * the examples are recipient positions: `figures.recipients` at the time.
 */
export function accumulateCampaignRows(figures: CampaignFigures, input: CampaignRows, from = 0, to = input.rows.length): CampaignFigures {
  const { rows, isSendable } = input;
  const counter = prepareTemplateCounter(input.compiled, input.appendedText ?? '');
  for (let index = from; index < to; index++) {
    if (!isSendable(index)) continue;
    addRecipientCount(figures, countTemplateRow(counter, rows[index]), figures.recipients);
  }
  return figures;
}
