import type { Delimiter } from './list-types';

const candidates: readonly Delimiter[] = [';', ',', '\t'];
const sampleRecords = 30;
const sampleChars = 64 * 1024;

/**
 * Picks the delimiter whose count per record is the most consistent over the
 * first records, ignoring delimiters inside quoted fields. French files use
 * decimal commas inside semicolon files, so a high but irregular comma count
 * must lose to a steady semicolon count. No candidate at all → ';' (a list
 * with a single column).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = countPerRecord(text);
  let best: Delimiter = ';';
  let bestScore = 0;
  for (const delimiter of candidates) {
    const perRecord = counts.map((record) => record[delimiter]);
    const score = consistencyScore(perRecord);
    // Strictly better only: on a tie the order of `candidates` (; first) wins.
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Records (not physical lines) agreeing with the header's count, weighted slightly by the count itself. */
function consistencyScore(perRecord: number[]): number {
  if (perRecord.length === 0 || perRecord[0] === 0) return 0;
  const expected = perRecord[0];
  const agreeing = perRecord.filter((count) => count === expected).length;
  return agreeing / perRecord.length + expected / 1000;
}

function countPerRecord(text: string): Record<Delimiter, number>[] {
  const records: Record<Delimiter, number>[] = [];
  let current: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let fieldStart = true;
  let recordHasContent = false;
  const end = Math.min(text.length, sampleChars);
  for (let i = 0; i < end && records.length < sampleRecords; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      recordHasContent = true;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (recordHasContent) records.push(current);
      current = { ';': 0, ',': 0, '\t': 0 };
      fieldStart = true;
      recordHasContent = false;
      continue;
    }
    recordHasContent = true;
    if (ch === ';' || ch === ',' || ch === '\t') {
      current[ch]++;
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  if (recordHasContent && records.length < sampleRecords) records.push(current);
  return records;
}
