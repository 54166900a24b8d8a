import { checkRows } from './shared/lists/check-rows';
const vals: string[] = [];
for (let i = 0; i < 1_000_000; i++) { const n = String(610000000 + ((i * 7919) % 9999999)).padStart(9,'0'); vals.push(i % 5 === 0 ? `0${n}`.match(/../g)!.join(' ') : `0${n}`); }
const rows = vals.map((v) => ['a', v]);
for (let k = 0; k < 3; k++) { const t = performance.now(); const c = checkRows(rows, 1); console.log('checkRows valid-only', (performance.now() - t).toFixed(0), c.status.filter(x=>x===2).length); }
