/**
 * Numbers and the reason a number is refused, the way French office staff
 * read them (issue 11 §7): "06 12 34 56 78" rather than 33612345678, and
 * "abîmé par Excel", "8 chiffres au lieu de 10" rather than "mal formé".
 */
import type { InvalidReason } from '@shared/lists/list-types';

/** French overseas country codes whose numbers are written 0690 12 34 56. */
const overseasCodes = ['590', '594', '596', '262', '269', '508'];

/** International digits (33612345678) as written in France; other countries keep "+<digits>". */
export function frenchDisplayNumber(normalized: string): string {
  if (/^33\d{9}$/.test(normalized)) return `0${normalized.slice(2)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  const overseas = overseasCodes.find((code) => normalized.startsWith(code) && normalized.length === code.length + 9);
  if (overseas) {
    const national = `0${normalized.slice(overseas.length)}`;
    return `${national.slice(0, 4)} ${national.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  }
  return `+${normalized}`;
}

export type ReasonInWords =
  | { key: 'excel' }
  | { key: 'digits'; count: number }
  | { key: 'letters' }
  | { key: InvalidReason };

/** Why a cell is refused, in words: Excel's scientific notation, a wrong number of digits, letters, else the engine's reason. */
export function reasonInWords(raw: string, reason: InvalidReason | undefined): ReasonInWords {
  const value = raw.trim();
  if (reason === 'empty' || value === '') return { key: 'empty' };
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(value)) return { key: 'excel' };
  if (reason === 'malformed' || reason === undefined) {
    if (/[A-Za-zÀ-ÿ]/.test(value)) return { key: 'letters' };
    const digits = value.replace(/\D/g, '');
    if (!value.startsWith('+') && !value.startsWith('00') && digits.length !== 10 && digits.length !== 9) return { key: 'digits', count: digits.length };
  }
  return { key: reason ?? 'malformed' };
}
