/**
 * Sender (alphanumeric "émetteur") validation per provider. Errors are codes
 * with parameters so the screen words them through the i18n catalogue
 * (composer:senderErrors.<code>).
 */
import { senderRules, type SmsProvider } from './sms-providers';

export type SenderErrorCode =
  | 'sender-too-short'
  | 'sender-too-long'
  | 'sender-accented-letters'
  | 'sender-invalid-characters'
  | 'sender-digits-only'
  | 'sender-must-start-with-letter';

export interface SenderError {
  code: SenderErrorCode;
  /** min / max lengths, or the offending characters (each once, in order). */
  params: { min?: number; max?: number; length?: number; characters?: string };
}

export interface SenderValidation {
  /** False when the sender is empty: the account's default sender (a short number) is used. */
  custom: boolean;
  valid: boolean;
  errors: SenderError[];
}

const asciiLetter = /[A-Za-z]/;
const asciiLetterOrDigit = /[A-Za-z0-9]/;

export function validateSender(provider: SmsProvider, sender: string): SenderValidation {
  if (sender === '') return { custom: false, valid: true, errors: [] };
  const rules = senderRules[provider];
  const characters = [...sender];
  const errors: SenderError[] = [];

  const accented = new Set<string>();
  const invalid = new Set<string>();
  for (const character of characters) {
    if (asciiLetterOrDigit.test(character) || (character === ' ' && rules.allowSpace)) continue;
    const bare = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (bare !== character && asciiLetter.test(bare)) accented.add(character);
    else invalid.add(character);
  }
  if (characters.length < rules.minLength) errors.push({ code: 'sender-too-short', params: { min: rules.minLength, length: characters.length } });
  if (characters.length > rules.maxLength) errors.push({ code: 'sender-too-long', params: { max: rules.maxLength, length: characters.length } });
  if (accented.size > 0) errors.push({ code: 'sender-accented-letters', params: { characters: [...accented].join('') } });
  if (invalid.size > 0) errors.push({ code: 'sender-invalid-characters', params: { characters: [...invalid].join('') } });
  if (rules.forbidDigitsOnly && /^[0-9]+$/.test(sender)) errors.push({ code: 'sender-digits-only', params: {} });
  if (rules.mustStartWithLetter && !asciiLetter.test(characters[0])) errors.push({ code: 'sender-must-start-with-letter', params: {} });
  return { custom: true, valid: errors.length === 0, errors };
}
