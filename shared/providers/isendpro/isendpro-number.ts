/**
 * iSendPro's mail-to-SMS takes numbers "sur 10 chiffres" (0601020304): the
 * French national form. Only French numbers (+33) can be written that way; a
 * foreign number (or a French overseas number with its own country code) is
 * left out of the mail and counted in the summary, never rewritten into a
 * number that could reach somebody else.
 */

/** '33612345678' (international digits, as the list engine gives them) → '0612345678'; null when not French. */
export function toIsendproNumber(internationalDigits: string): string | null {
  const match = /^33([1-9]\d{8})$/.exec(internationalDigits);
  return match ? `0${match[1]}` : null;
}

/** '0612345678' → '33612345678' (to match answers with the list and the opt-out list); null otherwise. */
export function fromIsendproNumber(national: string): string | null {
  const match = /^0([1-9]\d{8})$/.exec(national.trim());
  return match ? `33${match[1]}` : null;
}
