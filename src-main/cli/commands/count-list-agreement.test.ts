/**
 * `count --list` counts while the list is parsed (countListStreaming); the
 * full check keeping every row, then the count over the columnar rows
 * (countListFromTable), is what it did before. Both must give the same
 * figures, JSON for JSON, on lists as real as we can write them.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { countListFromTable, countListStreaming } from './count-command';
import { checkListBytes, type CheckListOptions } from '@shared/lists/check-list-bytes';
import { listFixturePath, readListFixture } from '../../../test/fixtures/lists/read-list-fixture';

const fourFields = 'Bonjour ${Prénom} ${Nom}, votre commande de ${Prix} vous attend à notre magasin de ${Ville}. STOP 36184';

/** Small deterministic PRNG (mulberry32): the same list on every run. */
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

/**
 * A customer file: metropolitan mobiles in every spelling, overseas mobiles
 * (0690…, 0692…, 0694…, 0696…, 0639…, +262/+590 forms), foreign mobiles,
 * landlines, malformed and empty cells, the same number written twice in
 * different ways, short rows, blank and long values, characters outside
 * GSM-7 (and, in UTF-8, emoji), quoted values with line breaks.
 */
function customerList(rows: number, withEmoji: boolean): string {
  const next = random(withEmoji ? 7 : 20261201);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const eight = () => String(Math.floor(next() * 1e8)).padStart(8, '0');
  const prenoms = ['Jacqueline', 'Gérard', 'Hélène', 'Zoé', 'Anaïs', 'Noël', 'Maëlle', 'Œdipe', '', '   ', 'Ç', ...(withEmoji ? ['Léa 🌸', 'Inès 👩🏽‍💻', 'e\u0301mile'] : [])];
  const noms = ['Gaillard', 'Lefèvre', 'Dupré', 'Müller', 'Rœux', 'Çelik', '"Garçon\r\nfils"', 'Dubois {€}', 'Ł'];
  const villes = ['Paris', 'Saint-Étienne', 'Pointe-à-Pitre', 'Saint-Denis (Réunion)', 'Cayenne', 'Mamoudzou', 'Fort-de-France', ''];
  const longText = 'Livraison offerte dès 50 € ~ [code ÉTÉ] ^ promotions | '.repeat(4);
  const earlier: string[] = [];
  const phone = (): string => {
    const roll = next();
    const mobile = `${pick(['6', '7'])}${eight()}`;
    if (roll < 0.06 && earlier.length > 0) {
      // The same number again, often spelled another way.
      const again = pick(earlier);
      return next() < 0.5 ? again : `+33 ${again.replace(/^0/, '').replace(/\s/g, '')}`;
    }
    if (roll < 0.1) return `0${pick(['690', '691', '692', '693', '694', '696', '697', '639'])}${eight().slice(0, 6)}`;
    if (roll < 0.12) return `+${pick(['262 692', '590 690', '594 694', '596 696'])} ${eight().slice(0, 6).match(/../g)!.join(' ')}`;
    if (roll < 0.15) return `01${eight()}`;
    if (roll < 0.17) return `06${eight().slice(0, 4)}`;
    if (roll < 0.19) return '';
    if (roll < 0.2) return '6,10085E+08';
    if (roll < 0.22) return `+32 4${eight().slice(0, 2)} ${eight().slice(0, 6)}`;
    if (roll < 0.3) return `+33 ${mobile[0]} ${mobile.slice(1).match(/../g)!.join(' ')}`;
    if (roll < 0.35) return `0033${mobile}`;
    if (roll < 0.4) return mobile;
    if (roll < 0.45) return `0${mobile}`.match(/../g)!.join('.');
    return `0${mobile}`;
  };
  let text = 'Civilité;Prénom;Nom;Ville;Prix;SMS;Note\r\n';
  for (let i = 0; i < rows; i++) {
    const sms = phone();
    if (sms !== '' && next() < 0.05) earlier.push(sms);
    const price = next() < 0.1 ? '' : `${Math.floor(next() * 200)},${String(Math.floor(next() * 100)).padStart(2, '0')} €`;
    const note = next() < 0.03 ? longText : '';
    const cells = [pick(['M.', 'Mme', '']), pick(prenoms), pick(noms), pick(villes), price, sms, note];
    // A few rows end early, as when a spreadsheet drops trailing empty cells.
    const width = next() < 0.02 ? 3 + Math.floor(next() * 3) : cells.length;
    text += `${cells.slice(0, width).join(';')}\r\n`;
  }
  return text;
}

function bothWays(bytes: Uint8Array, template: string, options: Partial<CheckListOptions> = {}, defaults: Record<string, string> = {}) {
  const listOptions = { fileName: 'clients.csv', ...options };
  const settings = { template, defaults, maxSegments: 2 };
  const streamed = countListStreaming(bytes, listOptions, settings);
  const table = countListFromTable(bytes, listOptions, settings);
  return { streamed: streamed && JSON.stringify(streamed.figures), table: JSON.stringify(table.figures) };
}

describe('count --list: counting while parsing agrees with counting from the full table', () => {
  it('on a 90,000-row Windows-1252 customer file (parsed in more than one 4 MB chunk) with overseas numbers, duplicates and invalid rows', () => {
    const bytes = new Uint8Array(iconv.encode(customerList(90_000, false), 'windows-1252'));
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const list = checkListBytes(bytes, { fileName: 'clients.csv' });
    // The fixture really holds what it claims.
    expect(list.encoding).toBe('windows-1252');
    expect(list.summary.duplicates).toBeGreaterThan(500);
    expect(list.summary.invalid).toBeGreaterThan(3000);
    expect(list.checks.countryCodes).toEqual(expect.arrayContaining(['FR', 'RE', 'GP', 'GF', 'MQ']));

    const { streamed, table } = bothWays(bytes, fourFields + ' ${Note}');
    expect(streamed).not.toBeNull();
    expect(streamed).toBe(table);
    const figures = JSON.parse(table);
    expect(figures.recipients).toBe(list.summary.sendable);
    expect(figures.encodings['UCS-2']).toBeGreaterThan(0);
    expect(figures.segments.max).toBeGreaterThan(2);
  });

  it('on a UTF-8 file with emoji and combining marks in long messages, a chosen column and a default', () => {
    const bytes = new Uint8Array(Buffer.from(customerList(20_000, true), 'utf8'));
    const { streamed, table } = bothWays(bytes, '${Note}${Prénom} ${Inconnu} : ${Ville} ${Note}', { mobileColumn: 'SMS' }, { Inconnu: 'client' });
    expect(streamed).not.toBeNull();
    expect(streamed).toBe(table);
    expect(JSON.parse(table).encodings['UCS-2']).toBeGreaterThan(0);
  });

  it('on every list fixture, or both refuse it the same way', () => {
    const fixtures = readdirSync(listFixturePath('.')).filter((name) => /\.(csv|txt)$/.test(name));
    expect(fixtures.length).toBeGreaterThan(5);
    for (const name of fixtures) {
      const bytes = readListFixture(name);
      const outcome = (count: typeof countListStreaming) => {
        try {
          const counted = count(bytes, { fileName: name }, { template: 'Bonjour ${Nom} ${Colonne 1}', defaults: { Nom: 'vous', 'Colonne 1': '' }, maxSegments: 1 });
          return counted && JSON.stringify(counted.figures);
        } catch (error) {
          return `refused: ${(error as Error).message}`;
        }
      };
      const table = outcome(countListFromTable);
      const streamed = outcome(countListStreaming);
      expect({ name, figures: streamed ?? table }).toEqual({ name, figures: table });
    }
  });

  it('leaves the count to the full table when a later, wider row gives the template its column', () => {
    const bytes = new Uint8Array(Buffer.from('Martin;0611111111;Paris\nDurand;0622222222;Lyon;VIP\nRoux;0633333333;Nice\n', 'utf8'));
    const settings = { template: 'Bonjour ${Colonne 1} ${Colonne 4}', defaults: {}, maxSegments: 1 };
    expect(countListStreaming(bytes, { fileName: 'sans-entete.csv', mobileColumn: 'Colonne 2' }, settings)).toBeNull();
    expect(countListFromTable(bytes, { fileName: 'sans-entete.csv', mobileColumn: 'Colonne 2' }, settings).figures.recipients).toBe(3);
  });
});
