import { describe, expect, it } from 'vitest';
import { validateSender } from './sender-rules';
import { appendStopMention, checkStopMention, endsWithAllMySmsStop, endsWithStopMention, hasStopMention, isValidStopMention, providerAppendsStop, stopMentionFor } from './stop-mention';
import { ISENDPRO_APPENDED_STOP_LENGTH, ISENDPRO_APPENDED_STOP_PLACEHOLDER, smsProviderOf } from './sms-providers';
import { countSms } from './sms-count';

const codes = (provider: Parameters<typeof validateSender>[0], sender: string) => validateSender(provider, sender).errors.map((e) => e.code);

describe('sender validation', () => {
  it('accepts an empty sender: the account default is used', () => {
    expect(validateSender('mediasflow', '')).toEqual({ custom: false, valid: true, errors: [] });
  });

  it('MediasFlow: 3–11 letters or digits, not digits only', () => {
    expect(codes('mediasflow', 'MAGASIN')).toEqual([]);
    expect(codes('mediasflow', 'Shop42')).toEqual([]);
    expect(codes('mediasflow', 'AB')).toEqual(['sender-too-short']);
    expect(codes('mediasflow', 'ABCDEFGHIJKL')).toEqual(['sender-too-long']);
    expect(codes('mediasflow', '36184')).toEqual(['sender-digits-only']);
    expect(codes('mediasflow', 'Mon Shop')).toEqual(['sender-invalid-characters']);
    expect(codes('mediasflow', 'Shop-Nice')).toEqual(['sender-invalid-characters']);
    expect(validateSender('mediasflow', 'Café').errors).toEqual([{ code: 'sender-accented-letters', params: { characters: 'é' } }]);
  });

  it('AllMySMS: starts with a letter, letters/digits/space, 3–11, no accents', () => {
    expect(codes('allmysms', 'Mon Shop')).toEqual([]);
    expect(codes('allmysms', '1Shop')).toEqual(['sender-must-start-with-letter']);
    expect(codes('allmysms', ' Shop')).toEqual(['sender-must-start-with-letter']);
    expect(codes('allmysms', 'Crêperie')).toEqual(['sender-accented-letters']);
    expect(codes('allmysms', 'Shop!')).toEqual(['sender-invalid-characters']);
    expect(codes('allmysms', 'Sh')).toEqual(['sender-too-short']);
    expect(codes('allmysms', 'ABC')).toEqual([]);
  });

  it('iSendPro: 4–11, not digits only', () => {
    expect(codes('isendpro', 'ABC')).toEqual(['sender-too-short']);
    expect(codes('isendpro', 'MaSociete7')).toEqual([]);
    expect(codes('isendpro', '0601020304')).toEqual(['sender-digits-only']);
    expect(validateSender('isendpro', 'ABCDEFGHIJKLM').errors).toEqual([{ code: 'sender-too-long', params: { max: 11, length: 13 } }]);
  });

  it('maps connection names to providers', () => {
    expect(smsProviderOf('mediasflow-sftp')).toBe('mediasflow');
    expect(smsProviderOf('allmysms-ftp')).toBe('allmysms');
    expect(smsProviderOf('other')).toBeNull();
  });
});

describe('STOP mention', () => {
  it('AllMySMS needs "STOP au 36180" at the very end after a space or a line break', () => {
    expect(endsWithAllMySmsStop('Soldes ! STOP au 36180')).toBe(true);
    expect(endsWithAllMySmsStop('Soldes !\nSTOP au 36180')).toBe(true);
    expect(endsWithAllMySmsStop('Soldes !STOP au 36180')).toBe(false);
    expect(endsWithAllMySmsStop('Soldes ! STOP au 36180 merci')).toBe(false);
    expect(endsWithAllMySmsStop('Soldes ! stop au 36180')).toBe(false);
  });

  it('appends the mention in one click, once', () => {
    expect(appendStopMention('allmysms', 'Soldes ! ')).toBe('Soldes ! STOP au 36180');
    expect(appendStopMention('allmysms', 'Soldes ! STOP au 36180')).toBe('Soldes ! STOP au 36180');
    expect(appendStopMention('mediasflow', 'Soldes !')).toBe('Soldes ! STOP 36184');
    expect(appendStopMention('mediasflow', 'Soldes ! STOP au 36111')).toBe('Soldes ! STOP au 36111');
    expect(appendStopMention('mediasflow', 'Soldes !', { stopMention: 'STOP 36105' })).toBe('Soldes ! STOP 36105');
    expect(appendStopMention('mediasflow', 'Ligne\n')).toBe('Ligne\nSTOP 36184');
    expect(appendStopMention('mediasflow', '')).toBe('STOP 36184');
    // iSendPro adds it itself.
    expect(appendStopMention('isendpro', 'Soldes !')).toBe('Soldes !');
    expect(stopMentionFor('isendpro')).toBeNull();
    expect(hasStopMention('mediasflow', 'Non-stop 36184')).toBe(false);
  });

  it('warns when a marketing message lacks it, not for notifications', () => {
    const context = { provider: 'mediasflow' as const, kind: 'marketing' as const, sender: '' };
    expect(checkStopMention('Soldes !', context)).toEqual([{ code: 'stop-mention-missing', severity: 'warning', params: { mention: 'STOP 36184' } }]);
    expect(checkStopMention('Soldes ! STOP 36184', context)).toEqual([]);
    expect(checkStopMention('Votre RDV demain', { ...context, kind: 'notification' })).toEqual([]);
  });

  it('AllMySMS: a custom sender requires the exact ending, even for notifications', () => {
    const context = { provider: 'allmysms' as const, kind: 'notification' as const, sender: 'Garage' };
    expect(checkStopMention('Votre voiture est prête', context).map((i) => i.code)).toEqual(['allmysms-stop-required-for-sender']);
    expect(checkStopMention('Votre voiture est prête STOP au 36180', context)).toEqual([]);
  });

  it('iSendPro: the appended "STOP SMS au XXXXX" leaves 141 characters in one SMS', () => {
    const context = { provider: 'isendpro' as const, kind: 'marketing' as const, sender: 'MaSociete' };
    expect(providerAppendsStop(context)).toBe(true);
    expect(providerAppendsStop({ ...context, sender: '' })).toBe(false);
    expect(providerAppendsStop({ ...context, isendproNoStop: true })).toBe(false);
    expect(checkStopMention('Soldes', context)).toEqual([{ code: 'isendpro-stop-appended', severity: 'info', params: { reserved: 19 } }]);
    expect(ISENDPRO_APPENDED_STOP_PLACEHOLDER).toHaveLength(ISENDPRO_APPENDED_STOP_LENGTH);
    expect(countSms('a'.repeat(141) + ISENDPRO_APPENDED_STOP_PLACEHOLDER).segments).toBe(1);
    expect(countSms('a'.repeat(142) + ISENDPRO_APPENDED_STOP_PLACEHOLDER).segments).toBe(2);
  });

  describe('the account\u2019s own mention (connection "Mention STOP")', () => {
    const account = { stopMention: 'STOP au 36184' };

    it('validates it: "STOP", optional words, the 5-digit short number', () => {
      for (const ok of ['STOP 36184', 'STOP au 36184', 'STOP SMS au 36111', 'STOP: 36184', ' STOP au 36184 ']) expect(isValidStopMention(ok)).toBe(true);
      for (const bad of ['', 'STOP', 'stop au 36184', 'STOP au 3618', 'STOP au 361845', 'Désinscription au 36184', 'STOP au 36184 merci', `STOP ${'a'.repeat(40)} 36184`]) {
        expect(isValidStopMention(bad)).toBe(false);
      }
    });

    it('is what the one-click fix adds, and the strict ending the check asks for', () => {
      expect(stopMentionFor('allmysms', account)).toBe('STOP au 36184');
      expect(stopMentionFor('allmysms', { stopMention: null })).toBe('STOP au 36180');
      expect(stopMentionFor('allmysms', { stopMention: '  ' })).toBe('STOP au 36180');
      expect(appendStopMention('allmysms', 'Soldes !', account)).toBe('Soldes ! STOP au 36184');
      // The near miss of the account's mention is rewritten, not doubled.
      expect(appendStopMention('allmysms', 'Soldes ! stop AU  36184 ', account)).toBe('Soldes ! STOP au 36184');
      // The spec's default is not the account's: the account's is added after it.
      expect(appendStopMention('allmysms', 'Soldes ! STOP au 36180', account)).toBe('Soldes ! STOP au 36180 STOP au 36184');
      expect(endsWithAllMySmsStop('Soldes ! STOP au 36184', account)).toBe(true);
      expect(endsWithAllMySmsStop('Soldes ! STOP au 36184')).toBe(false);
      expect(endsWithStopMention('Soldes !\nSTOP au 36184', 'STOP au 36184')).toBe(true);
      expect(endsWithStopMention('Soldes !STOP au 36184', 'STOP au 36184')).toBe(false);
    });

    it('drives the composer\u2019s warnings', () => {
      const sender = { provider: 'allmysms' as const, kind: 'notification' as const, sender: 'Garage', ...account };
      expect(checkStopMention('Prête STOP au 36180', sender)).toEqual([{ code: 'allmysms-stop-required-for-sender', severity: 'warning', params: { mention: 'STOP au 36184' } }]);
      expect(checkStopMention('Prête STOP au 36184', sender)).toEqual([]);
      const marketing = { provider: 'mediasflow' as const, kind: 'marketing' as const, sender: '', stopMention: 'STOP SMS au 36111' };
      expect(checkStopMention('Soldes STOP 36184', marketing)).toEqual([{ code: 'stop-mention-missing', severity: 'warning', params: { mention: 'STOP SMS au 36111' } }]);
      expect(checkStopMention(appendStopMention('mediasflow', 'Soldes', marketing), marketing)).toEqual([]);
      expect(hasStopMention('isendpro', 'Soldes', account)).toBe(true);
    });
  });
});
