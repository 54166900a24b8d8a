/**
 * Which text reaches the recipients. MediasFlow's file drops (FTP2SMS/FTP2VMS)
 * send the text of the template campaign (IDMEDIAFLOW) — the file carries only
 * the recipients and their fields, so the typed text is an estimate of the
 * cost. AllMySMS files carry each recipient's message: the typed text is sent.
 * Each provider profile declares its source; screens and summaries read it here.
 */
export type MessageSource = 'template' | 'typed';

export function isTemplateSource(source: MessageSource): boolean {
  return source === 'template';
}
