import { classifyFrenchNumber } from './shared/lists/fast-french-mobile';
import { checkRows } from './shared/lists/check-rows';
const vals: string[] = [];
for (let i = 0; i < 1_000_000; i++) { const n = String(600000000 + ((i * 7919) % 99999999)).padStart(9,'0'); vals.push(i % 5 === 0 ? `0${n}`.match(/../g)!.join(' ') : `0${n}`); }
const rows = vals.map((v) => ['a', v]);
for (let k = 0; k < 4; k++) {
  let t = performance.now(); let s = 0; for (const v of vals) s += classifyFrenchNumber(v) > 0 ? 1 : 0; console.log('classify', (performance.now() - t).toFixed(0), s);
  t = performance.now(); checkRows(rows, 1); console.log('checkRows', (performance.now() - t).toFixed(0));
}
