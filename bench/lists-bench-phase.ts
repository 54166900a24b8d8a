/**
 * One phase of the lists bench in a fresh process, so its time and peak memory
 * (maxRSS) are its own: `node --import tsx bench/lists-bench-phase.ts <phase> <file>`.
 * Prints one JSON line: { phase, ms, rows, maxRssMb }.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { checkListFigures } from '../shared/lists/check-list-bytes';

const [phase, file] = process.argv.slice(2);

function run(): number {
  const bytes = readFileSync(file);
  if (phase === 'papaparse') {
    // The plain parse: decode the Windows-1252 bytes, papaparse with the known delimiter.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.length - 1;
  }
  // What `list check` runs.
  if (phase === 'check') return checkListFigures(bytes, { fileName: file }).summary.rows;
  throw new Error(`unknown phase ${phase}`);
}

const started = performance.now();
const rows = run();
const ms = performance.now() - started;
console.log(JSON.stringify({ phase, ms: Math.round(ms), rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
