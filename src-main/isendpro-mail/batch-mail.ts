/**
 * The exact bytes of one batch's mail, built once when the batch is created
 * and saved before the first send: a plain-text UTF-8 body holding the
 * <envoi> XML, one fixed Message-ID and Date, so a resend after a crash or a
 * lost SMTP answer sends byte for byte the same mail.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface BatchMailInput {
  from: string;
  to: string;
  replyTo?: string;
  /** Without angle brackets: '<emailId>.<tracker>@dropdesk.invalid'. */
  messageId: string;
  date: Date;
  subject: string;
  /** The <envoi> body (shared/providers/isendpro/isendpro-envoi.ts). */
  body: string;
}

/** A Message-ID that names the batch and stays the same on every resend. */
export function batchMessageId(emailId: number, tracker: string, fromAddress: string): string {
  const domain = /@([A-Za-z0-9.-]+)$/.exec(fromAddress.trim())?.[1] ?? 'dropdesk.invalid';
  return `dropdesk.${tracker}.${emailId}@${domain}`;
}

export async function buildBatchMail(input: BatchMailInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: input.subject,
    messageId: `<${input.messageId}>`,
    date: input.date,
    text: input.body,
    textEncoding: 'quoted-printable',
    // The spec: "format text brut sans aucune mise en forme".
    headers: { 'X-Mailer': 'Dropdesk' },
  });
  const node = composer.compile();
  return await new Promise<Buffer>((resolve, reject) => node.build((error: Error | null, message: Buffer) => (error ? reject(error) : resolve(message))));
}
