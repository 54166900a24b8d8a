/**
 * iSendPro's answer mails (Mail2SMS § III.5): the acknowledgement <etatAck>
 * and the notification <etatNot> followed by one <etat>/<etatN> block per
 * recipient. The answers are not well-formed XML (several top-level
 * elements, an ISO-8859-1 prolog): they are read element by element with a
 * tolerant scanner, never with a strict XML parser. The caller decodes the
 * mail (charset, transfer encoding) first.
 *
 * An emailId of "?" (or anything not numeric) is kept as null: the answer is
 * never matched to a batch by guessing.
 */
import { unescapeXmlText } from './isendpro-xml-text';

export interface AckAnswer {
  kind: 'ack';
  /** null when iSendPro wrote "?" (no emailId found) or something not numeric. */
  emailId: number | null;
  /** null when the code is missing or not a number. */
  code: number | null;
  message: string;
}

export interface NotificationState {
  /** The N of <etatN>; 0 for a single <etat>. */
  index: number;
  code: number | null;
  /** The number as iSendPro echoes it (10-digit national form). */
  tel: string;
  message: string;
}

export interface NotificationAnswer {
  kind: 'notification';
  emailId: number | null;
  states: NotificationState[];
}

export type IsendproAnswer = AckAnswer | NotificationAnswer;

function elementText(scope: string, name: string): string | null {
  const match = new RegExp(`<${name}\\s*>([\\s\\S]*?)</${name}\\s*>`, 'i').exec(scope);
  return match ? unescapeXmlText(match[1].trim()) : null;
}

function numberOrNull(text: string | null): number | null {
  if (text === null || !/^\d{1,15}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/** True when the text holds an answer worth reading (the mailbox watcher reads nothing else). */
export function looksLikeIsendproAnswer(text: string): boolean {
  return /<etat(?:Ack|Not)\s*>/i.test(text);
}

/** Reads one answer; null when the text holds neither <etatAck> nor <etatNot>. */
export function parseIsendproAnswer(text: string): IsendproAnswer | null {
  const ack = /<etatAck\s*>([\s\S]*?)<\/etatAck\s*>/i.exec(text);
  if (ack) {
    return { kind: 'ack', emailId: numberOrNull(elementText(ack[1], 'emailId')), code: numberOrNull(elementText(ack[1], 'code')), message: elementText(ack[1], 'message') ?? '' };
  }
  const not = /<etatNot\s*>([\s\S]*?)<\/etatNot\s*>/i.exec(text);
  if (!not) return null;
  const emailId = numberOrNull(elementText(not[1], 'emailId'));
  const states: NotificationState[] = [];
  const after = text.slice(not.index + not[0].length);
  const block = /<etat(\d*)\s*>([\s\S]*?)<\/etat\1\s*>/gi;
  for (let match = block.exec(after); match !== null; match = block.exec(after)) {
    const suffix = match[1];
    const body = match[2];
    states.push({
      index: suffix === '' ? 0 : Number(suffix),
      code: numberOrNull(elementText(body, `code${suffix}`)),
      tel: (elementText(body, `tel${suffix}`) ?? '').replace(/\s/g, ''),
      message: elementText(body, `message${suffix}`) ?? '',
    });
  }
  return { kind: 'notification', emailId, states };
}
