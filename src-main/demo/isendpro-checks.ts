/**
 * What the local iSendPro box (tests and Mode démo) checks in one received
 * <envoi> body, as a pure function: the spec's rules (Mail2SMS § III), so a
 * mail Dropdesk would build wrong is refused here before any real account
 * sees it. Returns the recipients with the message each one would receive
 * (Ö read back as a line break), or the problems found.
 */
import { validateSender } from '@shared/composer/sender-rules';
import { isendproSegments } from '@shared/composer/stop-mention';
import { ISENDPRO_LINE_BREAK, unescapeXmlText } from '@shared/providers/isendpro/isendpro-xml-text';

export interface ParsedEnvoi {
  keyid: string | null;
  emailId: string | null;
  emailAck: string | null;
  emailNot: string | null;
  sender: string;
  smslong: string | null;
  tracker: string | null;
  nostop: boolean;
  recipients: { number: string; message: string }[];
}

export type EnvoiVerdict = { ok: true; envoi: ParsedEnvoi } | { ok: false; problems: string[]; envoi: ParsedEnvoi | null };

function element(body: string, name: string): string | null {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body);
  return match ? match[1] : null;
}

function decodeMessage(raw: string): string {
  return unescapeXmlText(raw).split(ISENDPRO_LINE_BREAK).join('\n');
}

export function parseEnvoi(text: string): ParsedEnvoi | null {
  const envoi = /<envoi>([\s\S]*?)<\/envoi>/.exec(text);
  if (!envoi) return null;
  const body = envoi[1];
  const recipients: { number: string; message: string }[] = [];
  const shared = element(body, 'sms');
  const single = element(body, 'num');
  if (single !== null) recipients.push({ number: single, message: decodeMessage(shared ?? '') });
  for (let index = 1; index <= 10_000; index++) {
    const number = element(body, `num${index}`);
    if (number === null) break;
    const own = element(body, `sms${index}`);
    recipients.push({ number, message: decodeMessage(own ?? shared ?? '') });
  }
  return {
    keyid: element(body, 'keyid'),
    emailId: element(body, 'emailId'),
    emailAck: element(body, 'emailAck'),
    emailNot: element(body, 'emailNot'),
    sender: unescapeXmlText(element(body, 'emetteur') ?? ''),
    smslong: element(body, 'smslong'),
    tracker: element(body, 'tracker'),
    nostop: element(body, 'nostop') === '1',
    recipients,
  };
}

export interface EnvoiCheckContext {
  keyid: string;
  /** The account may drop the STOP mention. */
  nostopApproved: boolean;
}

export function checkEnvoi(text: string, context: EnvoiCheckContext): EnvoiVerdict {
  const envoi = parseEnvoi(text);
  if (!envoi) return { ok: false, problems: ['no <envoi> element'], envoi: null };
  const problems: string[] = [];
  if (envoi.keyid !== context.keyid) problems.push('wrong keyid');
  if (envoi.emailId === null || !/^\d+$/.test(envoi.emailId)) problems.push('emailId missing or not numeric');
  if (!envoi.emailAck || !envoi.emailNot) problems.push('emailAck/emailNot missing');
  if (envoi.recipients.length === 0) problems.push('no recipient');
  if (envoi.recipients.length > 500) problems.push('more than 500 recipients');
  if (envoi.smslong === null || !/^\d$/.test(envoi.smslong)) problems.push('smslong missing or not one digit');
  if (envoi.tracker !== null && !/^[A-Za-z0-9_]+$/.test(envoi.tracker)) problems.push('tracker not alphanumeric');
  if (envoi.nostop && !context.nostopApproved) problems.push('nostop not approved for this account');
  if (envoi.sender !== '' && !validateSender('isendpro', envoi.sender).valid) problems.push(`invalid sender ${envoi.sender}`);
  const smslong = Number(envoi.smslong ?? 0);
  const seen = new Set<string>();
  for (const recipient of envoi.recipients) {
    if (!/^0[1-9]\d{8}$/.test(recipient.number)) problems.push(`number not 10 digits: ${recipient.number}`);
    if (seen.has(recipient.number)) problems.push(`number twice in one mail: ${recipient.number}`);
    seen.add(recipient.number);
    if (recipient.message === '') problems.push(`empty message for ${recipient.number}`);
    const segments = isendproSegments(recipient.message, { sender: envoi.sender, isendproNoStop: envoi.nostop });
    if (segments > smslong) problems.push(`message for ${recipient.number} makes ${segments} SMS, smslong says ${smslong}`);
  }
  return problems.length === 0 ? { ok: true, envoi } : { ok: false, problems: [...new Set(problems)].slice(0, 20), envoi };
}
