/**
 * Text inside the <envoi> body. The spec: "Le saut de ligne doit être
 * remplacé par le caractère Ö". `&`, `<` and `>` are escaped so a message can
 * never close or open an element (the spec says nothing about escaping; a
 * raw `<` would make the body unreadable, an escaped one is what any XML
 * reader gives back).
 */

/** The character iSendPro reads as a line break. */
export const ISENDPRO_LINE_BREAK = 'Ö';

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message as it goes in <sms>/<smsN>: CR LF, CR and LF each become one Ö, then escaped. */
export function encodeIsendproMessage(message: string): string {
  return escapeXmlText(message.replace(/\r\n|\r|\n/g, ISENDPRO_LINE_BREAK));
}

export function unescapeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
