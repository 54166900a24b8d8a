import { readFileSync } from 'node:fs';
import { decodeListBytes } from './shared/lists/detect-encoding';
import { parseCsvRecords } from './shared/lists/parse-csv';
import { checkRows } from './shared/lists/check-rows';
import { fastFrenchMobile } from './shared/lists/fast-french-mobile';
const bytes = readFileSync('.bench-data/list-1000000-v2-windows-1252.csv');
const text = decodeListBytes(bytes).text;
const rows = parseCsvRecords(text, ';').slice(1);
for (let k = 0; k < 3; k++) {
let t = performance.now(); let n = 0; for (const r of rows) { if (fastFrenchMobile(r[6])) n++; } console.log('fast only', performance.now() - t);
t = performance.now(); const set = new Set<string>(); for (const r of rows) { const c = fastFrenchMobile(r[6]); if (c && c.valid) set.add(c.normalized); } console.log('fast+set', performance.now() - t);
t = performance.now(); checkRows(rows, 6); console.log('checkRows', performance.now() - t);
}
