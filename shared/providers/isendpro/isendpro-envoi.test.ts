import { describe, expect, it } from 'vitest';
import { buildEnvoiBody, EnvoiInputError, type EnvoiInput } from './isendpro-envoi';
import { encodeIsendproMessage, unescapeXmlText } from './isendpro-xml-text';
import { fromIsendproNumber, toIsendproNumber } from './isendpro-number';

const base: EnvoiInput = {
  keyid: 'a296464ce012b8ab710a',
  recipients: [{ number: '0601020304', message: '' }],
  sharedMessage: "L'été est fini! Super promo -10% à partir de 50€ d'achat !!!",
  sender: 'MaSociete',
  smslong: 1,
  emailId: 1548,
  emailAck: 'ack@masociete.com',
  emailNot: 'not@masociete.com',
  tracker: 'DDMIB2K3Q0ABC123',
  nostop: false,
};

describe('iSendPro <envoi> body', () => {
  it('one recipient: <num> and <sms>, as in the spec example', () => {
    expect(buildEnvoiBody(base).split('\r\n')).toEqual([
      '<envoi>',
      '<keyid>a296464ce012b8ab710a</keyid>',
      '<num>0601020304</num>',
      "<sms>L'été est fini! Super promo -10% à partir de 50€ d'achat !!!</sms>",
      '<emetteur>MaSociete</emetteur>',
      '<smslong>1</smslong>',
      '<tracker>DDMIB2K3Q0ABC123</tracker>',
      '<emailNot>not@masociete.com</emailNot>',
      '<emailAck>ack@masociete.com</emailAck>',
      '<emailId>1548</emailId>',
      '</envoi>',
      '',
    ]);
  });

  it('several recipients with the same message: num1…numN and one <sms>', () => {
    const body = buildEnvoiBody({ ...base, recipients: [{ number: '0601020304', message: '' }, { number: '0601020305', message: '' }] });
    expect(body).toContain('<num1>0601020304</num1>\r\n<num2>0601020305</num2>\r\n<sms>L');
    expect(body).not.toContain('<sms1>');
  });

  it('personalised: sms1…smsN, each escaped, line breaks as Ö', () => {
    const body = buildEnvoiBody({
      ...base,
      sharedMessage: null,
      recipients: [
        { number: '0601020304', message: 'Bonjour Michel\nR&D <promo>' },
        { number: '0601020305', message: 'Bonjour Sarah\r\nà demain' },
      ],
    });
    expect(body).toContain('<sms1>Bonjour MichelÖR&amp;D &lt;promo&gt;</sms1>\r\n<sms2>Bonjour SarahÖà demain</sms2>');
    expect(body).not.toMatch(/<sms>/);
  });

  it('no custom sender: no <emetteur>; nostop only when approved', () => {
    const body = buildEnvoiBody({ ...base, sender: '', nostop: true });
    expect(body).not.toContain('<emetteur>');
    expect(body).toContain('<nostop>1</nostop>');
    expect(buildEnvoiBody(base)).not.toContain('nostop');
  });

  it('refuses what the spec does not allow', () => {
    expect(() => buildEnvoiBody({ ...base, recipients: [] })).toThrow(EnvoiInputError);
    expect(() => buildEnvoiBody({ ...base, recipients: Array.from({ length: 501 }, () => ({ number: '0601020304', message: '' })) })).toThrow(/500/);
    expect(() => buildEnvoiBody({ ...base, recipients: [{ number: '33601020304', message: '' }] })).toThrow(/10-digit/);
    expect(() => buildEnvoiBody({ ...base, smslong: 0 })).toThrow(/smslong/);
  });

  it('escapes the keyid, sender and addresses too', () => {
    expect(buildEnvoiBody({ ...base, keyid: 'a<b&c' })).toContain('<keyid>a&lt;b&amp;c</keyid>');
  });

  it('text helpers round-trip', () => {
    expect(encodeIsendproMessage('a\nb\rc\r\nd')).toBe('aÖbÖcÖd');
    expect(unescapeXmlText(encodeIsendproMessage('R&D <x> &amp;'))).toBe('R&D <x> &amp;');
  });
});

describe('10-digit national numbers', () => {
  it('writes French numbers only', () => {
    expect(toIsendproNumber('33612345678')).toBe('0612345678');
    expect(toIsendproNumber('33712345678')).toBe('0712345678');
    expect(toIsendproNumber('32470123456')).toBeNull();
    expect(toIsendproNumber('262692123456')).toBeNull();
    expect(toIsendproNumber('3361234567')).toBeNull();
    expect(fromIsendproNumber('0612345678')).toBe('33612345678');
    expect(fromIsendproNumber('612345678')).toBeNull();
  });
});
