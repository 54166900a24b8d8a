import { readFileSync, readdirSync } from 'node:fs';
import { checkListBytes } from './shared/lists/check-list-bytes';
for (const f of readdirSync('test/fixtures/lists').filter(f=>!f.endsWith('.ts'))) {
  try {
    const r = checkListBytes(readFileSync('test/fixtures/lists/'+f), { fileName: f });
    console.log(f, r.encoding, JSON.stringify(r.delimiter), r.hasHeader, r.columns, r.mobileColumn, r.mobileColumnCandidates, JSON.stringify(r.summary), JSON.stringify(r.table.rows.slice(0,3)));
    if (f.startsWith('mixed')) for (let i=0;i<r.table.rows.length;i++) console.log(i+1, r.table.rows[i][1], r.checks.status[i], r.checks.reason[i], r.checks.normalized[i], r.checks.country[i]);
  } catch (e) { console.log(f, 'ERR', (e as Error).message); }
}
