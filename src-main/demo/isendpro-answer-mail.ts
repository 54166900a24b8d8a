/**
 * The answer mails the local iSendPro box writes, in the spec's form (§ III.5):
 * ISO-8859-1 prolog and charset, several top-level elements, the annex's
 * messages. Bytes, ready for an IMAP APPEND.
 */
import iconv from 'iconv-lite';
import { ACK_LABELS } from '@shared/providers/isendpro/isendpro-codes';
import { isendproCodeInfo } from '@shared/providers/isendpro/isendpro-codes';

export function ackXml(emailId: string, code: 0 | 1 | 2): string {
  // The spec writes these without accents ("Votre email a bien ete traite").
  const text = { 0: 'Votre email a bien ete traite', 1: 'emailId deja traite', 2: 'emailId non renseigne' }[code] ?? ACK_LABELS[code];
  return `<?xml version="1.0" encoding="ISO-8859-1"?>\r\n<etatAck>\r\n<emailId>${emailId}</emailId>\r\n<code>${code}</code>\r\n<message>${text}</message>\r\n</etatAck>\r\n`;
}

export function notificationXml(emailId: string, states: readonly { code: number; tel: string }[]): string {
  const lines = ['<?xml version="1.0" encoding="ISO-8859-1"?>', '<etatNot>', `<emailId>${emailId}</emailId>`, '</etatNot>'];
  const single = states.length === 1;
  states.forEach((state, index) => {
    const n = single ? '' : String(index + 1);
    lines.push(`<etat${n}>`, `<code${n}>${state.code}</code${n}>`, `<tel${n}>${state.tel}</tel${n}>`, `<message${n}>${isendproCodeInfo(state.code).label}</message${n}>`, `</etat${n}>`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

export interface AnswerMailInput {
  from: string;
  to: string;
  subject: string;
  xml: string;
  date: Date;
  /** 'quoted-printable' or '8bit' body. */
  transferEncoding?: 'quoted-printable' | '8bit';
}

function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    let piece: string;
    if (byte === 0x0d || byte === 0x0a) {
      if (byte === 0x0a) {
        out += `${line}\r\n`;
        line = '';
      }
      continue;
    }
    if ((byte >= 33 && byte <= 126 && byte !== 61) || byte === 32) piece = String.fromCharCode(byte);
    else piece = `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

export function buildAnswerMail(input: AnswerMailInput): Buffer {
  const encoding = input.transferEncoding ?? 'quoted-printable';
  const body = iconv.encode(input.xml, 'latin1');
  const headers = [
    `From: ${input.from}`,
    `To: ${input.to}`,
    `Subject: ${input.subject}`,
    `Date: ${input.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${input.date.getTime().toString(36)}.${Math.random().toString(36).slice(2)}@isendpro-api.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=ISO-8859-1',
    `Content-Transfer-Encoding: ${encoding}`,
    '',
    '',
  ].join('\r\n');
  const encodedBody = encoding === '8bit' ? body : Buffer.from(quotedPrintable(body), 'ascii');
  return Buffer.concat([Buffer.from(headers, 'ascii'), encodedBody]);
}
