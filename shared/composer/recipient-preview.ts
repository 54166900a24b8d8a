/**
 * One recipient's message as the preview shows it: rendered text, encoding,
 * segments drawn one after another, and what is wrong with it.
 */
import { ALLMYSMS_MAX_LENGTH, allMySmsLength, segmentSms, type SmsSegmentation } from './sms-count';
import { renderTemplatePreview, type CompiledTemplate, type RenderedPreview } from './template';

export interface RecipientPreviewOptions {
  /** The account's longest message in SMS. */
  maxSegments: number;
  /** Text the provider appends (iSendPro's STOP): counted, and its span is the end of the last segment. */
  appendedText?: string;
}

export interface RecipientMessagePreview extends RenderedPreview {
  /** Count and segment spans of `text` followed by the appended text. */
  count: SmsSegmentation;
  overAccountLimit: boolean;
  /** AllMySMS length ('\n' counted double) and whether it fits 160. */
  allMySmsLength: number;
  fitsAllMySms160: boolean;
  /** UCS-2 only because of this row's values (the template alone is GSM-7). */
  switchedToUcs2: boolean;
}

export function previewRecipient(compiled: CompiledTemplate, row: readonly string[], options: RecipientPreviewOptions): RecipientMessagePreview {
  const rendered = renderTemplatePreview(compiled, row);
  const count = segmentSms(rendered.text + (options.appendedText ?? ''));
  const length = allMySmsLength(count);
  return {
    ...rendered,
    count,
    overAccountLimit: count.segments > options.maxSegments,
    allMySmsLength: length,
    fitsAllMySms160: length <= ALLMYSMS_MAX_LENGTH,
    switchedToUcs2: count.encoding === 'UCS-2' && compiled.templateEncoding === 'GSM-7',
  };
}
