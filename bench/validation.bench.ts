/**
 * Number validation per value (issue 10), for each form a French list holds:
 * - `rule`: what `list check` and an import run for each row's number (the
 *   row validator: the fast path, libphonenumber for the rest, the verdict
 *   stored in the list's typed arrays);
 * - `checkMobileNumber`: the same rule answering one NumberCheck object;
 * - `libphonenumber`: the reference rule (`checkMobileNumberWithLibphonenumber`).
 * 20,000 distinct generated values per form; every form is run once first
 * (so no figure pays for the compiler's warm-up), then the best of five
 * passes. Figures in microseconds per value.
 */
import { createRowValidator } from '../shared/lists/check-rows';
import { checkMobileNumber, checkMobileNumberWithLibphonenumber } from '../shared/lists/validate-number';

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
const next = random(7);
const digits = (count: number) => String(Math.floor(next() * 10 ** count)).padStart(count, '0');
const pairs = (national: string) => `0${national}`.match(/../g)!.join(' ');

const forms: Record<string, () => string> = {
  '06… (0612345678)': () => `06${digits(8)}`,
  '07… (0781234567)': () => `07${7 + Math.floor(next() * 3)}${digits(7)}`,
  '01… landline': () => `01${digits(8)}`,
  '06 12 34 56 78': () => pairs(`6${digits(8)}`),
  '+33 6 12 34 56 78': () => `+33 6 ${digits(8).match(/../g)!.join(' ')}`,
  '336…': () => `336${digits(8)}`,
  '612345678 (dropped 0)': () => `6${digits(8)}`,
  '0690… Guadeloupe': () => `0690${digits(6)}`,
  '0692… Réunion': () => `0692${digits(6)}`,
  '0694… Guyane': () => `0694${digits(6)}`,
  '0696… Martinique': () => `0696${digits(6)}`,
  '0639… Mayotte': () => `0639${digits(6)}`,
  '06 90 12 34 56 Guadeloupe, spaces': () => pairs(`690${digits(6)}`),
  '06.92.12.34.56 Réunion, dots': () => pairs(`692${digits(6)}`).replace(/ /g, '.'),
  '06-96-12-34-56 Martinique, dashes': () => pairs(`696${digits(6)}`).replace(/ /g, '-'),
  '690123456 Guadeloupe, dropped 0': () => `690${digits(6)}`,
  '639123456 Mayotte, dropped 0': () => `639${digits(6)}`,
  '+262 692 …': () => `+262 692 ${digits(6).match(/../g)!.join(' ')}`,
  '+262 639 … Mayotte': () => `+262 639 ${digits(6).match(/../g)!.join(' ')}`,
  '+590 690 …': () => `+590 690 ${digits(6).match(/../g)!.join(' ')}`,
  '+594 694 … Guyane': () => `+594 694 ${digits(6).match(/../g)!.join(' ')}`,
  '+596 696 … Martinique': () => `+596 696 ${digits(6).match(/../g)!.join(' ')}`,
  '+508 55 … Saint-Pierre': () => `+508 55 ${digits(4).match(/../g)!.join(' ')}`,
  '00262 692… Réunion': () => `00262692${digits(6)}`,
  '262692… Réunion, no +': () => `262692${digits(6)}`,
  '+32 4… Belgian': () => `+32 47${digits(1)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  '6,10085E+08 (Excel)': () => `6,${digits(5)}E+08`,
};

const perForm = 20_000;

function microsecondsPerValue(check: (raw: string, index: number) => unknown, values: readonly string[], passes = 5): number {
  let best = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    for (let i = 0; i < values.length; i++) check(values[i], i);
    best = Math.min(best, performance.now() - started);
  }
  return +((best * 1000) / values.length).toFixed(3);
}

export async function run(): Promise<Record<string, unknown>> {
  const figures: Record<string, { rule: number; checkMobileNumber: number; libphonenumber: number }> = {};
  const validator = createRowValidator(['', 'FR'], perForm);
  const validateRow = (raw: string, index: number) => validator.validate(index, raw);
  const valuesByForm = Object.entries(forms).map(([form, make]) => [form, Array.from({ length: perForm }, make)] as const);
  for (const [, values] of valuesByForm) {
    microsecondsPerValue(validateRow, values, 1);
    microsecondsPerValue(checkMobileNumber, values, 1);
  }
  console.log('validation: µs per value — lists rule per row (fast path + libphonenumber), as one NumberCheck, libphonenumber alone');
  for (const [form, values] of valuesByForm) {
    const rule = microsecondsPerValue(validateRow, values);
    const asCheck = microsecondsPerValue(checkMobileNumber, values);
    const libphonenumber = microsecondsPerValue(checkMobileNumberWithLibphonenumber, values.slice(0, 5000), 3);
    figures[form] = { rule, checkMobileNumber: asCheck, libphonenumber };
    console.log(`  ${form.padEnd(36)} ${String(rule).padStart(8)} µs   (checkMobileNumber ${asCheck} µs, libphonenumber ${libphonenumber} µs)`);
  }
  return figures;
}

if (process.argv[1]?.endsWith('validation.bench.ts')) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
