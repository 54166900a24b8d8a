/**
 * Generated benchmark inputs, written once into .bench-data/ (git-ignored)
 * and reused by every bench that needs them.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const benchDataDir = fileURLToPath(new URL('../.bench-data/', import.meta.url));

/** Bump when the generated content changes so stale files are not reused. */
const generatorVersion = 3;

export const benchListColumns = ['Civilité', 'Prénom', 'Nom', 'Adresse', 'Ville', 'Prix', 'SMS'] as const;

const civilites = ['M.', 'Mme', 'Mme', 'M.', ''];
const prenoms = ['Jacqueline', 'Gérard', 'Hélène', 'François', 'Zoé', 'Anaïs', 'Noël', 'Maëlle', 'Jérôme', 'Léa', 'Loïc', 'Thomas', 'Camille', 'Inès', 'Hugo'];
const noms = ['Gaillard', 'Lefèvre', 'Dupré', 'Müller', 'Bénard', 'Rœux', 'Çelik', 'Garçon', 'Lambert', 'Petit', 'Martin', 'Bernard', 'Dubois', 'Moreau'];
const voies = ['rue de la Paix', 'avenue des Antiquaires', 'place Bellecour', 'quai des Chartrons', 'boulevard Longchamp', 'allée des Tilleuls', 'chemin du Moulin'];
const villes = ['Paris', 'Lyon', 'Marseille', 'Boulogne-Billancourt', 'Aix-en-Provence', 'Saint-Étienne', 'Nantes', 'Lille', 'Bordeaux'];

/** Small deterministic PRNG (mulberry32) so every run benches the same file. */
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

/** French mainland mobile ranges (06 except 0639, 069x but 0695/0698/0699; 073–079), 9 national digits. */
const mainlandMobile = /^(?:6(?:[0-24-8]\d|3[0-8]|9[589])|7[3-9]\d)\d{6}$/;

function digits(next: () => number, count: number): string {
  return String(Math.floor(next() * 10 ** count)).padStart(count, '0');
}

function frenchMobile(next: () => number): string {
  for (;;) {
    const national = `${next() < 0.85 ? '6' : '7'}${digits(next, 8)}`;
    if (mainlandMobile.test(national)) return national;
  }
}

/** Overseas mobiles of the French plan as a national customer file holds them: Guadeloupe/Saint-Martin/Saint-Barthélemy, Réunion, Guyane, Martinique, Mayotte. */
const overseasHeads = ['690', '691', '692', '693', '694', '696', '697', '639'];
const overseasCallingCodes: Record<string, string> = { '690': '590', '691': '590', '692': '262', '693': '262', '694': '594', '696': '596', '697': '596', '639': '262' };

function overseasNumber(next: () => number): string {
  const head = overseasHeads[Math.floor(next() * overseasHeads.length)];
  const national = `${head}${digits(next, 6)}`;
  const form = next();
  if (form < 0.6) return `0${national}`;
  if (form < 0.85) return `0${national}`.match(/../g)!.join(' ');
  if (form < 0.9) return national; // leading zero dropped
  if (form < 0.95) return `+${overseasCallingCodes[head]} ${national.slice(0, 3)} ${national.slice(3).match(/../g)!.join(' ')}`;
  return `00${overseasCallingCodes[head]}${national}`;
}

/**
 * Mixed formats as real lists hold them (issue 10): mostly 06/07 in several
 * spellings, "+33 6 …", 0033…, 336… and dropped zeros; ~1% overseas mobiles
 * (0690…, 0692…, 0694…, 0696…, 0639…, some +262/+590 forms); ~1% foreign
 * mobiles; ~3% landlines (01…); ~1% malformed, ~1% empty, a few values Excel
 * damaged into scientific notation (6,10085E+08); ~2% repeats of an earlier number.
 */
function phoneNumber(next: () => number, earlier: string[]): string {
  const roll = next();
  if (roll < 0.02 && earlier.length > 0) return earlier[Math.floor(next() * earlier.length)];
  if (roll > 0.99) return overseasNumber(next);
  const fixed = frenchMobile(next);
  const pairs = `0${fixed}`.match(/../g)!;
  if (roll < 0.05) return `01${fixed.slice(1)}`; // landline
  if (roll < 0.055) return `0${fixed.slice(0, 6)}`; // malformed
  if (roll < 0.065) return ''; // empty
  if (roll < 0.067) return `${fixed[0]},${fixed.slice(1, 6)}E+08`; // Excel turned the number into scientific notation
  if (roll < 0.077) return next() < 0.5 ? `+32 4${fixed.slice(1, 3)} ${fixed.slice(3, 5)} ${fixed.slice(5, 7)} ${fixed.slice(7)}` : `+41 79 ${fixed.slice(2, 5)} ${fixed.slice(5, 7)} ${fixed.slice(7)}`;
  if (roll < 0.5) return `0${fixed}`;
  if (roll < 0.7) return pairs.join(' ');
  if (roll < 0.76) return pairs.join('.');
  if (roll < 0.86) return `+33 ${fixed[0]} ${fixed.slice(1).match(/../g)!.join(' ')}`;
  if (roll < 0.9) return `0033${fixed}`;
  if (roll < 0.95) return fixed; // leading zero dropped by a spreadsheet
  return `33${fixed}`;
}

/**
 * Writes (once) an Excel-like Windows-1252 semicolon CSV with CRLF line ends
 * and `rows` data records, and returns its path. Columns: benchListColumns.
 */
export async function generateBenchList(rows: number): Promise<string> {
  mkdirSync(benchDataDir, { recursive: true });
  const path = join(benchDataDir, `list-${rows}-v${generatorVersion}-windows-1252.csv`);
  if (existsSync(path)) return path;
  const temporary = `${path}.tmp`;
  const out = createWriteStream(temporary);
  const next = random(20240611);
  const earlier: string[] = [];
  let chunk = `${benchListColumns.join(';')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const sms = phoneNumber(next, earlier);
    if (earlier.length < 50_000 && sms !== '' && next() < 0.1) earlier.push(sms);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
    const price = next() < 0.05 ? '' : `${Math.floor(next() * 200)},${String(Math.floor(next() * 100)).padStart(2, '0')} €`;
    chunk += `${pick(civilites)};${pick(prenoms)};${pick(noms)};${1 + Math.floor(next() * 120)} ${pick(voies)};${pick(villes)};${price};${sms}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(iconv.encode(chunk, 'windows-1252'))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(iconv.encode(chunk, 'windows-1252'));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(temporary, path);
  return path;
}
