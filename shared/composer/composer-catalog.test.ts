import { describe, expect, it } from 'vitest';
import fr from '../i18n/fr/composer.json';
import en from '../i18n/en/composer.json';
import type { SenderErrorCode } from './sender-rules';
import type { CompositionIssueCode } from './stop-mention';
import type { ReplacementReason } from './gsm7-replacements';
import { smsProviders } from './sms-providers';

const senderCodes: Record<SenderErrorCode, true> = {
  'sender-too-short': true,
  'sender-too-long': true,
  'sender-accented-letters': true,
  'sender-invalid-characters': true,
  'sender-digits-only': true,
  'sender-must-start-with-letter': true,
};
const issueCodes: Record<CompositionIssueCode, true> = {
  'stop-mention-missing': true,
  'allmysms-stop-required-for-sender': true,
  'isendpro-stop-appended': true,
  'isendpro-real-o-umlaut': true,
  'isendpro-over-9-segments': true,
};
const reasons: Record<ReplacementReason, true> = {
  quote: true,
  space: true,
  dash: true,
  ellipsis: true,
  ligature: true,
  accent: true,
  invisible: true,
  symbol: true,
};

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('composer catalogue', () => {
  it('words every code the engine returns, in French and English', () => {
    for (const catalog of [fr, en]) {
      for (const code of Object.keys(senderCodes)) expect(catalog.senderErrors, code).toHaveProperty([code]);
      for (const code of Object.keys(issueCodes)) expect(catalog.stopIssues, code).toHaveProperty([code]);
      for (const reason of Object.keys(reasons)) expect(catalog.replacementReason, reason).toHaveProperty([reason]);
      for (const provider of smsProviders) expect(catalog.provider, provider).toHaveProperty([provider]);
    }
  });

  it('has the same engine keys in both languages', () => {
    // The engine's sections only; the screen's own section ("screen") is checked by its owner.
    const engineSections = ['counter', 'encoding', 'characterKind', 'replacementReason', 'replacements', 'provider', 'campaignKind', 'senderErrors', 'stopIssues', 'warnings', 'figures'] as const;
    for (const section of engineSections) expect(keys(en[section]).sort(), section).toEqual(keys(fr[section]).sort());
  });
});
