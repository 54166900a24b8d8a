/**
 * The final status of each recipient of a demo campaign. Rows decide what
 * they can (an invalid number is "mal formaté" (2), a repeated SMS number is
 * "doublon" (4)); the others share a demo mix by largest remainders, then
 * are shuffled with the campaign's seed. Unlike a random draw, a campaign
 * of 10 people still shows a STOP, an undelivered and a blacklisted number.
 */
import { checkMobileNumber } from '@shared/lists/validate-number';

export type DemoChannel = 'sms' | 'vms';

/** Weights per final code. No 2 or 4 here: those come from the rows themselves. */
export const demoSmsStatusMix: Readonly<Record<number, number>> = {
  21: 70, 16: 4, 17: 5, 10: 3, 24: 1, 20: 4, 25: 2, 31: 3, 29: 2, 22: 1, 14: 2, 15: 1, 18: 1, 3: 1,
};
export const demoVmsStatusMix: Readonly<Record<number, number>> = { 21: 78, 117: 14, 14: 3, 15: 2, 18: 1, 116: 2 };

/** How many rows each code gets out of `count` (largest remainders, ties to the heavier code). */
export function shareByWeight(mix: Readonly<Record<number, number>>, count: number): Map<number, number> {
  const entries = Object.entries(mix)
    .map(([code, weight]) => ({ code: Number(code), weight }))
    .filter((entry) => entry.weight > 0);
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const shares = entries.map((entry) => {
    const exact = (entry.weight / total) * count;
    return { ...entry, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = count - shares.reduce((sum, share) => sum + share.whole, 0);
  const byRest = [...shares].sort((a, b) => b.rest - a.rest || b.weight - a.weight || a.code - b.code);
  for (const share of byRest) {
    if (left <= 0) break;
    share.whole += 1;
    left -= 1;
  }
  return new Map(shares.filter((share) => share.whole > 0).map((share) => [share.code, share.whole]));
}

/** Small seeded generator (mulberry32): the same campaign always gets the same fates. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AssignStatusesInput {
  channel: DemoChannel;
  /** The mobile column's value of each row, in file order. */
  numbers: readonly string[];
  seed: number;
  mix?: Readonly<Record<number, number>>;
}

export function assignDemoStatuses(input: AssignStatusesInput): number[] {
  const codes = new Array<number>(input.numbers.length).fill(0);
  const seen = new Set<string>();
  const open: number[] = [];
  input.numbers.forEach((raw, row) => {
    const check = checkMobileNumber(raw);
    if (!check.valid) codes[row] = 2;
    else if (input.channel === 'sms' && seen.has(check.normalized)) codes[row] = 4;
    else open.push(row);
    if (check.valid) seen.add(check.normalized);
  });
  const mix = input.mix ?? (input.channel === 'sms' ? demoSmsStatusMix : demoVmsStatusMix);
  const pool: number[] = [];
  for (const [code, count] of shareByWeight(mix, open.length)) for (let i = 0; i < count; i++) pool.push(code);
  const random = seededRandom(input.seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  open.forEach((row, index) => {
    codes[row] = pool[index];
  });
  return codes;
}
