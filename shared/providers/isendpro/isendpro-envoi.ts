/**
 * The <envoi> body of one iSendPro mail (Mail2SMS § III.1 and III.2): one mail
 * per batch of at most 500 recipients. One <sms> when every recipient gets the
 * same text, else one <smsN> per <numN>. Element order follows the spec's
 * examples; every value is escaped (isendpro-xml-text.ts).
 */
import { encodeIsendproMessage, escapeXmlText } from './isendpro-xml-text';

/** "jusqu'à 500 destinataires différents par requête" (§ III.2). */
export const ISENDPRO_MAX_RECIPIENTS_PER_MAIL = 500;

export interface EnvoiRecipient {
  /** 10-digit national number (isendpro-number.ts). */
  number: string;
  /** The rendered message (only read when the batch is personalised). */
  message: string;
}

export interface EnvoiInput {
  keyid: string;
  recipients: readonly EnvoiRecipient[];
  /** The message when it is the same for everybody; null when each recipient has their own. */
  sharedMessage: string | null;
  /** Custom sender, '' for the account's default. */
  sender: string;
  /** Segments the longest message of the batch makes, the STOP mention iSendPro appends included. */
  smslong: number;
  emailId: number;
  emailAck: string;
  emailNot: string;
  /** The drop's IDDELIVERY (shared/providers/delivery-id.ts). */
  tracker: string;
  /** <nostop>1</nostop>: only when iSendPro approved the account's request. */
  nostop: boolean;
}

export class EnvoiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvoiInputError';
  }
}

function element(name: string, value: string): string {
  return `<${name}>${value}</${name}>`;
}

export function buildEnvoiBody(input: EnvoiInput): string {
  const count = input.recipients.length;
  if (count === 0) throw new EnvoiInputError('A mail needs at least one recipient');
  if (count > ISENDPRO_MAX_RECIPIENTS_PER_MAIL) throw new EnvoiInputError(`At most ${ISENDPRO_MAX_RECIPIENTS_PER_MAIL} recipients per mail, got ${count}`);
  if (!/^\d+$/.test(String(input.emailId))) throw new EnvoiInputError('emailId must be numeric');
  if (!Number.isInteger(input.smslong) || input.smslong < 1) throw new EnvoiInputError('smslong must be a whole number ≥ 1');
  for (const recipient of input.recipients) {
    if (!/^0\d{9}$/.test(recipient.number)) throw new EnvoiInputError(`Not a 10-digit national number: ${recipient.number}`);
  }
  const lines = ['<envoi>', element('keyid', escapeXmlText(input.keyid))];
  const single = count === 1;
  input.recipients.forEach((recipient, index) => lines.push(element(single ? 'num' : `num${index + 1}`, recipient.number)));
  if (input.sharedMessage !== null) {
    lines.push(element('sms', encodeIsendproMessage(input.sharedMessage)));
  } else {
    input.recipients.forEach((recipient, index) => lines.push(element(single ? 'sms' : `sms${index + 1}`, encodeIsendproMessage(recipient.message))));
  }
  if (input.sender !== '') lines.push(element('emetteur', escapeXmlText(input.sender)));
  lines.push(element('smslong', String(input.smslong)));
  if (input.nostop) lines.push(element('nostop', '1'));
  lines.push(element('tracker', escapeXmlText(input.tracker)));
  lines.push(element('emailNot', escapeXmlText(input.emailNot)));
  lines.push(element('emailAck', escapeXmlText(input.emailAck)));
  lines.push(element('emailId', String(input.emailId)));
  lines.push('</envoi>');
  return `${lines.join('\r\n')}\r\n`;
}
