/**
 * What the demo AllMySMS box does with one '.csv' taken from SEND_SMS (API
 * §4.2–4.3), as a pure function of its name, bytes and the credits left.
 * The file must be UTF-8 with every field between double quotes, no header:
 * number; message; optional sender. A line that breaks the format or holds a
 * number AllMySMS would reject is not sent; a file with nothing left is
 * Empty_File. Checks in order: name, content, sender (TPOA), credits.
 */
import { parseAllmysmsName, checkAllmysmsSender } from '@shared/providers/allmysms/allmysms-name';
import type { AllmysmsReason } from '@shared/providers/allmysms/allmysms-ack';

export interface AllmysmsFileSummary {
  /** Lines that will be sent (after removing duplicate numbers: the last message wins). */
  recipients: number;
  /** Credits those messages cost (1 per 160 characters, 153 past the first SMS; '\n' counts two as written). */
  credits: number;
  /** Lines not sent, with why (1-based line numbers). */
  skipped: { line: number; why: 'not-quoted' | 'field-count' | 'number' }[];
}

export type AllmysmsVerdict =
  | ({ accepted: true } & AllmysmsFileSummary)
  | ({ accepted: false; reason: AllmysmsReason } & Partial<AllmysmsFileSummary>);

/** One line made only of double-quoted fields separated by ';' (spaces around a separator tolerated, as in the spec's example). */
const quotedLine = /^\s*"(?:[^"]|"")*"\s*(?:;\s*"(?:[^"]|"")*"\s*)*$/;
const quotedField = /"((?:[^"]|"")*)"/g;

export function splitQuotedLine(line: string): string[] | null {
  if (!quotedLine.test(line)) return null;
  return [...line.matchAll(quotedField)].map((match) => match[1].replace(/""/g, '"'));
}

/** International digits of a number AllMySMS accepts (§4.2 "Formatage des numéros"), or null. */
export function allmysmsNumber(raw: string): { digits: string; france: boolean } | null {
  const value = raw.replace(/[\s.]/g, '');
  const french = /^(?:0|\+?33)([67]\d{8})$/.exec(value);
  if (french) return { digits: `33${french[1]}`, france: true };
  // Any other French number (landline, short…) is refused; abroad only the shape is checked.
  if (/^(?:0|\+?33)/.test(value)) return null;
  const international = /^\+?([1-9]\d{7,14})$/.exec(value);
  return international ? { digits: international[1], france: false } : null;
}

export function messageCredits(message: string): number {
  const length = [...message].length;
  return length <= 160 ? 1 : Math.ceil(length / 153);
}

export function checkAllmysmsDrop(fileName: string, bytes: Uint8Array, creditsLeft: number): AllmysmsVerdict {
  const parsedName = parseAllmysmsName(fileName);
  if (!parsedName || parsedName.extension.toLowerCase() !== '.csv') return { accepted: false, reason: 'Incorrect_FileName' };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the provider cannot read a single number.
    return { accepted: false, reason: 'Empty_File', recipients: 0, credits: 0, skipped: [] };
  }

  const skipped: AllmysmsFileSummary['skipped'] = [];
  const byNumber = new Map<string, { message: string; sender: string; france: boolean; line: number }>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = splitQuotedLine(line);
    if (!fields) return void skipped.push({ line: index + 1, why: 'not-quoted' });
    if (fields.length < 2 || fields.length > 3) return void skipped.push({ line: index + 1, why: 'field-count' });
    const number = allmysmsNumber(fields[0]);
    if (!number) return void skipped.push({ line: index + 1, why: 'number' });
    byNumber.set(number.digits, { message: fields[1], sender: fields[2] ?? '', france: number.france, line: index + 1 });
  });
  const sent = [...byNumber.values()];
  const credits = sent.reduce((sum, entry) => sum + messageCredits(entry.message), 0);
  const summary: AllmysmsFileSummary = { recipients: sent.length, credits, skipped };
  if (sent.length === 0) return { accepted: false, reason: 'Empty_File', ...summary };

  for (const entry of sent) {
    if (entry.sender.trim() === '') continue;
    // Line breaks are written '\n' in the file; the STOP mention may follow one.
    const message = entry.message.replace(/\\n/g, '\n');
    if (checkAllmysmsSender(entry.sender, entry.france ? message : undefined).length > 0) {
      return { accepted: false, reason: 'No_valid_TPOA', ...summary };
    }
  }
  if (credits > creditsLeft) return { accepted: false, reason: 'Not_enough_credits', ...summary };
  return { accepted: true, ...summary };
}
