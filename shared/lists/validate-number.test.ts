import { describe, expect, it } from 'vitest';
import { checkMobileNumber, checkMobileNumberWithLibphonenumber } from './validate-number';
import { fastFrenchMobile } from './fast-french-mobile';
import { frenchPlanRegions } from './french-numbering-plan';
import metadata from 'libphonenumber-js/metadata.max.json';

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

/** Small deterministic PRNG (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261201);
const randomDigits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');

/** The calling codes of the French numbering plan, read from the metadata (FR and the eight overseas regions). */
const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
const frenchPlanCallingCodes = [...new Set(['FR', ...frenchPlanRegions].map((region) => countries[region][0] as string))];

/** Every way a French list may hold one national significant number (9 digits). */
function formatsOf(national: string): string[] {
  const pairs = `0${national}`.match(/../g)!.join(' ');
  const forms = [
    `0${national}`,
    pairs,
    pairs.replace(/ /g, '.'),
    pairs.replace(/ /g, '-'),
    ` 0${national} `,
    national,
    `${national.slice(0, 1)} ${national.slice(1).match(/../g)!.join(' ')}`,
  ];
  for (const callingCode of frenchPlanCallingCodes) forms.push(`+${callingCode}${national}`, `00${callingCode}${national}`, `${callingCode}${national}`);
  forms.push(`+33 ${national.slice(0, 1)} ${national.slice(1).match(/../g)!.join(' ')}`, `0033 ${national}`, `+262 ${national.slice(0, 3)} ${national.slice(3).match(/../g)!.join(' ')}`);
  return forms;
}

/** The forms of a short national number (Saint-Pierre-et-Miquelon's are 6 digits). */
function shortFormsOf(national: string): string[] {
  return [national, `0${national}`, ...frenchPlanCallingCodes.flatMap((code) => [`+${code} ${national}`, `00${code}${national}`, `${code}${national}`])];
}

/** Heads worth walking deeper: those where an overseas region's mobile or fixed-line type accepts some completion (sampled). */
const overseasPatterns = frenchPlanRegions.flatMap((region) => {
  const types = countries[region][11] as ([string] | 0)[];
  return [types[0], types[1]].filter((type): type is [string] => Boolean(type)).map((type) => new RegExp(`^(?:${type[0]})$`));
});
function overseasHead(head: string): boolean {
  for (let i = 0; i < 2000; i++) {
    const national = head + randomDigits(9 - head.length);
    if (overseasPatterns.some((pattern) => pattern.test(national))) return true;
  }
  return false;
}

function frenchPlanCorpus(): string[] {
  const corpus: string[] = [];
  // Every 4-digit head of a national number, in every written form, with a random tail and the two extreme tails.
  for (let head = 0; head < 10_000; head++) {
    const prefix = String(head).padStart(4, '0');
    corpus.push(...formatsOf(prefix + randomDigits(5)));
    for (const tail of ['00000', '99999']) corpus.push(`0${prefix}${tail}`, prefix + tail);
  }
  // Every 6-digit head under the 3-digit heads where overseas ranges live (their mobile ranges split at the 5th and 6th digit), national forms.
  for (let head = 0; head < 1000; head++) {
    const prefix3 = String(head).padStart(3, '0');
    if (!overseasHead(prefix3)) continue;
    for (let rest = 0; rest < 1000; rest++) {
      const national = prefix3 + String(rest).padStart(3, '0') + randomDigits(3);
      corpus.push(`0${national}`, national);
    }
  }
  // Six-digit national numbers (Saint-Pierre-et-Miquelon), every 3-digit head.
  for (let head = 0; head < 1000; head++) corpus.push(...shortFormsOf(String(head).padStart(3, '0') + randomDigits(3)));
  return corpus;
}

/** Random numbers of every calling code in the metadata, with and without + or 00, some with spaces. */
function foreignCorpus(count: number): string[] {
  const callingCodes = Object.keys(metadata.country_calling_codes);
  const corpus: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = callingCodes[Math.floor(next() * callingCodes.length)];
    const national = `${1 + Math.floor(next() * 9)}${randomDigits(5 + Math.floor(next() * 7))}`;
    corpus.push(`+${code}${national}`, `+${code} ${national.match(/.{1,3}/g)!.join(' ')}`, `00${code}${national}`, `${code}${national}`);
  }
  return corpus;
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
  '+33 692 12 34 56', '0690 00 00 00', '0694 12 34 56', '0508 41 23 45', '508412345', '0696 12 34 56', '+508 55 12 34',
  '00508551234', '508551234', '+2620692123456', '002620692123456', '2620692123456', '262692123456', '590690123456',
  '+590 590 27 12 34', '+262 269 60 12 34', '+262 639 10 12 34', '0639 10 12 34', '639101234', '+590 690 12 34 56 7',
  '6,10085E+08', '6,12346E+08', '3,36123E+10', '6.10085E+08', '+', '+0612345678', '0000612345678', '00000000000',
];

describe('fast path agrees with libphonenumber-js', () => {
  const corpus = [...frenchPlanCorpus(), ...foreignCorpus(3000), ...odd];

  // A large corpus (about 400,000 inputs, the reference is slow on overseas numbers): a budget for its size, not a timing test.
  it(`gives the same verdict, normalised number and country on ${corpus.length} inputs`, { timeout: 600_000 }, () => {
    expect(corpus.length).toBeGreaterThan(300_000);
    const disagreements: { raw: string; fast: unknown; reference: unknown }[] = [];
    let fastAnswers = 0;
    for (const raw of corpus) {
      const fast = fastFrenchMobile(raw);
      if (fast === undefined) continue;
      fastAnswers++;
      const reference = checkMobileNumberWithLibphonenumber(raw);
      if (JSON.stringify(fast) !== JSON.stringify(reference)) disagreements.push({ raw, fast, reference });
      if (disagreements.length >= 20) break;
    }
    console.log(`fast path / libphonenumber agreement: ${corpus.length} inputs, ${fastAnswers} answered by the fast path, ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
    expect(fastAnswers).toBeGreaterThan(corpus.length * 0.85);
  });

  it('really takes the fast path for every French-plan form', () => {
    for (const national of ['612345678', '781234567', '690123456', '692123456', '694123456', '696123456', '639101234']) {
      for (const raw of formatsOf(national)) expect(fastFrenchMobile(raw), raw).toBeDefined();
    }
    expect(fastFrenchMobile('0690 12 34 56')).toEqual({ valid: true, normalized: '590690123456', country: 'GP' });
    expect(fastFrenchMobile('0639 10 12 34')).toEqual({ valid: true, normalized: '262639101234', country: 'YT' });
    expect(fastFrenchMobile('+508 55 12 34')).toEqual({ valid: true, normalized: '508551234', country: 'PM' });
  });

  it('answers French landlines and non-mobile numbers, leaves foreign and odd values to libphonenumber', () => {
    expect(fastFrenchMobile('01 23 45 67 89')).toEqual({ valid: false, reason: 'landline' });
    expect(fastFrenchMobile('0262 12 34 56')).toEqual({ valid: false, reason: 'landline' });
    expect(fastFrenchMobile('0800123456')).toEqual({ valid: false, reason: 'not-mobile' });
    expect(fastFrenchMobile('06 12 34')).toEqual({ valid: false, reason: 'malformed' });
    for (const raw of ['+32470123456', '0032470123456', 'abc', '', '6,10085E+08', '(06) 12 34 56 78']) {
      expect(fastFrenchMobile(raw), raw).toBeUndefined();
    }
  });
});
