import { classifyFrenchNumber } from './shared/lists/fast-french-mobile';
import { checkMobileNumberWithLibphonenumber } from './shared/lists/validate-number';
import { NumberSet } from './shared/lists/number-set';
const vals: string[] = [];
for (let i = 0; i < 1_000_000; i++) { const n = String(600000000 + ((i * 7919) % 99999999)).padStart(9,'0'); vals.push(i % 5 === 0 ? `0${n}`.match(/../g)!.join(' ') : `0${n}`); }
let t = performance.now(); const slow = vals.filter((v) => classifyFrenchNumber(v) <= 0); console.log('slow count', slow.length);
t = performance.now(); for (const v of slow.slice(0, 10000)) checkMobileNumberWithLibphonenumber(v); console.log('10k slow', performance.now() - t);
const nums = vals.map((v) => classifyFrenchNumber(v)).filter((x) => x > 0);
t = performance.now(); const set = new NumberSet(1_000_000); let d = 0; for (const x of nums) if (!set.add(x)) d++; console.log('numberset', performance.now() - t, d);
t = performance.now(); const s2 = new Set<number>(); for (const x of nums) s2.add(x); console.log('Set<number>', performance.now() - t);
