import { describe, expect, it } from 'vitest';
import { checkMobileNumber, checkMobileNumberWithLibphonenumber } from './validate-number';
import { fastFrenchMobile } from './fast-french-mobile';

describe('checkMobileNumber', () => {
  it.each([
    ['0612345678', '33612345678', 'FR'],
    ['06 12 34 56 78', '33612345678', 'FR'],
    ['06.12.34.56.78', '33612345678', 'FR'],
    ['06-12-34-56-78', '33612345678', 'FR'],
    ['+33 6 12 34 56 78', '33612345678', 'FR'],
    ['+33612345678', '33612345678', 'FR'],
    ['0033 6 12 34 56 78', '33612345678', 'FR'],
    ['33612345678', '33612345678', 'FR'],
    ['612345678', '33612345678', 'FR'],
    ['  07 81 23 45 67 ', '33781234567', 'FR'],
    ['+32 470 12 34 56', '32470123456', 'BE'],
    ['0032470123456', '32470123456', 'BE'],
    ['32470123456', '32470123456', 'BE'],
    ['+41 79 123 45 67', '41791234567', 'CH'],
    ['0692 12 34 56', '262692123456', 'RE'],
    ['tel:0624170068', '33624170068', 'FR'],
  ])('accepts %j as %s (%s)', (raw, normalized, country) => {
    expect(checkMobileNumber(raw)).toEqual({ valid: true, normalized, country });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0123456789', 'landline'],
    ['01 23 45 67 89', 'landline'],
    ['+33 1 23 45 67 89', 'landline'],
    ['0800123456', 'not-mobile'],
    ['0912345678', 'not-mobile'],
    ['06123456', 'malformed'],
    ['061234567890', 'malformed'],
    ['abc', 'malformed'],
    ['0000000000', 'malformed'],
  ])('refuses %j as %s', (raw, reason) => {
    expect(checkMobileNumber(raw)).toEqual({ valid: false, reason });
  });
});

/** Every way the fast path may see a French national number, for one national number. */
function formatsOf(national: string): string[] {
  const pairs = `0${national}`.match(/../g)!.join(' ');
  return [
    `0${national}`,
    pairs,
    pairs.replace(/ /g, '.'),
    pairs.replace(/ /g, '-'),
    `+33${national}`,
    `+33 ${national.slice(0, 1)} ${national.slice(1).match(/../g)!.join(' ')}`,
    `0033${national}`,
    `0033 ${national}`,
    `33${national}`,
    national,
    ` 0${national} `,
  ];
}

describe('fast path agrees with libphonenumber-js', () => {
  // Each 3-digit prefix 0600…0799 (national 6xx/7xx) sampled with four endings,
  // and every other 3-digit prefix (landlines, toll free, VoIP…) with one.
  const nationals: string[] = [];
  for (let prefix = 0; prefix < 1000; prefix++) {
    const head = String(prefix).padStart(3, '0');
    const tails =
      head[0] === '6' || head[0] === '7'
        ? ['000000', '123456', '999999', String((prefix * 7919) % 1000000).padStart(6, '0')]
        : [String((prefix * 7919) % 1000000).padStart(6, '0')];
    for (const tail of tails) {
      nationals.push(`${head}${tail}`);
    }
  }
  const odd = [
    '', ' ', '0', '06', '0612', '06123456789', '6123456789', '+330612345678', '+33 06 12 34 56 78', '+3361234567',
    '+336123456789', '003361234567', '00336123456789', '3361234567', '336123456789', '0612 345 678', '06 12 34 56 78 ',
    '06  12 34 56 78', '06..12.34.56.78', '06-12 34.56-78', '-0612345678', '0612345678-', '+ 33612345678', '++33612345678',
    '06 12 34 56 7a', '0612345678abc', '(06) 12 34 56 78', '06/12/34/56/78', '06\u00a012\u00a034\u00a056\u00a078', '\t0612345678',
    '0612345678\t', '١٢٣٤٥٦٧٨٩٠', '０６１２３４５６７８', '+32470123456', '+447911123456', '447911123456', '0447911123456',
    '33 6 12 34 56 78', '3306 12 34 56 78', '+33 (0)6 12 34 56 78', '0690123456', '0639123456', '0700000000', '0730000000',
    '612345678 ', '712345678', '812345678', '0033 6 12 34 56 78 9', 'tel:0612345678', '06 12 34 56 78 / 07 81 23 45 67',
    '690123456', '692123456', '639123456', '0 6 1 2', '01', '0612 34', '061234567', '0612345678901234', '00', '000612345678',
    '0033 1 23 45 67 89', '+33 1 23 45 67 89', '33123456789', '123456789', '0262 12 34 56', '0590 12 34 56', '+262 692 12 34 56',
    '+33 692 12 34 56', '0690 00 00 00', '0694 12 34 56', '0508 41 23 45', '508412345', '0696 12 34 56',
  ];
  const corpus = [...nationals.flatMap(formatsOf), ...odd];

  it(`gives the same verdict on ${corpus.length} inputs`, () => {
    const disagreements = corpus
      .map((raw) => ({ raw, fast: checkMobileNumber(raw), reference: checkMobileNumberWithLibphonenumber(raw) }))
      .filter(({ fast, reference }) => JSON.stringify(fast) !== JSON.stringify(reference));
    expect(disagreements).toEqual([]);
  });

  it('really takes the fast path for the common formats', () => {
    for (const raw of formatsOf('612345678')) expect(fastFrenchMobile(raw), raw).toBeDefined();
    for (const raw of formatsOf('781234567')) expect(fastFrenchMobile(raw), raw).toBeDefined();
  });

  it('answers French landlines and wrong-length national numbers, leaves the rest to libphonenumber', () => {
    expect(fastFrenchMobile('01 23 45 67 89')).toEqual({ valid: false, reason: 'landline' });
    expect(fastFrenchMobile('06 12 34')).toEqual({ valid: false, reason: 'malformed' });
    for (const raw of ['0639123456', '0700000000', '0800123456', '+32470123456', '0032470123456', 'abc', '']) {
      expect(fastFrenchMobile(raw), raw).toBeUndefined();
    }
  });
});
