/**
 * A semicolon CSV scanner that records where fields are instead of copying them.
 *
 * Why not papaparse for the big parse: papaparse materialises every field of every
 * row (27 columns × 1,000,000 rows = 27 million strings); the report summary needs a
 * dozen fields and reads most of them as numbers. This scanner walks the text once,
 * fills start/end positions for the wanted columns only and lets the caller read
 * numbers and dates straight from the characters. Quoting follows RFC 4180 (as
 * papaparse does): a field starting with '"' runs to the next lone '"', '""' inside is
 * a quote, separators and line breaks inside quotes are data. Records end at CRLF,
 * LF or CR. Blank lines are skipped. papaparse is the oracle in the tests.
 */

const QUOTE = 34;
const SEMICOLON = 59;
const LF = 10;
const CR = 13;

/** Positions of the wanted fields of the current record, one slot per wanted column. */
export interface FieldSpans {
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the field was quoted and contains '""' that must become '"'. */
  escaped: Uint8Array;
}

export function createFieldSpans(slots: number): FieldSpans {
  return { starts: new Int32Array(slots), ends: new Int32Array(slots), escaped: new Uint8Array(slots) };
}

/** The text of one slot of the current record. */
export function spanText(text: string, spans: FieldSpans, slot: number): string {
  const value = text.slice(spans.starts[slot], spans.ends[slot]);
  return spans.escaped[slot] ? value.replaceAll('""', '"') : value;
}

/**
 * Called once per record with the record's character range (line break excluded) and
 * its number of fields; `spans` holds the wanted fields (empty spans for missing ones).
 */
export type RecordVisitor = (recordStart: number, recordEnd: number, fieldCount: number) => void;

/**
 * Scans records from `from` to the end of `text`. `slotOfColumn[c]` is the slot that
 * receives column c, or -1 to skip it; columns past its length are skipped.
 * Returns the number of records visited.
 */
export function scanCsvRecords(
  text: string,
  from: number,
  slotOfColumn: Int32Array,
  spans: FieldSpans,
  visit: RecordVisitor,
): number {
  const n = text.length;
  const wantedColumns = slotOfColumn.length;
  const { starts, ends, escaped } = spans;
  const slots = starts.length;
  let i = from;
  let records = 0;
  while (i < n) {
    // Blank line: skip it.
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i++;
      continue;
    }
    const recordStart = i;
    for (let slot = 0; slot < slots; slot++) {
      starts[slot] = 0;
      ends[slot] = 0;
      escaped[slot] = 0;
    }
    let column = 0;
    let recordEnd = n;
    for (;;) {
      const slot = column < wantedColumns ? slotOfColumn[column] : -1;
      c = i < n ? text.charCodeAt(i) : -1;
      if (c === QUOTE) {
        const contentStart = i + 1;
        let search = contentStart;
        let contentEnd = n;
        let hasEscapes = 0;
        i = n;
        for (;;) {
          const quote = text.indexOf('"', search);
          if (quote < 0) break;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            hasEscapes = 1;
            search = quote + 2;
            continue;
          }
          contentEnd = quote;
          i = quote + 1;
          break;
        }
        // Stray characters between the closing quote and the separator are dropped.
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === SEMICOLON || c === LF || c === CR) break;
          i++;
        }
        if (slot >= 0) {
          starts[slot] = contentStart;
          ends[slot] = contentEnd;
          escaped[slot] = hasEscapes;
        }
      } else {
        const fieldStart = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === SEMICOLON || c === LF || c === CR) break;
          i++;
        }
        if (slot >= 0) {
          starts[slot] = fieldStart;
          ends[slot] = i;
        }
      }
      column++;
      if (i >= n) {
        recordEnd = n;
        break;
      }
      c = text.charCodeAt(i);
      if (c === SEMICOLON) {
        i++;
        continue;
      }
      recordEnd = i;
      i++;
      if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
      break;
    }
    records++;
    visit(recordStart, recordEnd, column);
  }
  return records;
}

/** All fields of the record that starts at `from` (the header, or one row re-read for display). */
export function readCsvRecord(text: string, from: number, to = text.length): { fields: string[]; next: number } {
  const fields: string[] = [];
  let i = from;
  const n = to;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE && i < n) {
      let search = i + 1;
      let value = '';
      let closed = false;
      while (search <= n) {
        const quote = text.indexOf('"', search);
        if (quote < 0 || quote >= n) {
          value += text.slice(search, n);
          i = n;
          break;
        }
        value += text.slice(search, quote);
        if (quote + 1 < n && text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          search = quote + 2;
          continue;
        }
        i = quote + 1;
        closed = true;
        break;
      }
      if (closed) {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === SEMICOLON || c === LF || c === CR) break;
          i++;
        }
      }
      fields.push(value);
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === SEMICOLON || c === LF || c === CR) break;
        i++;
      }
      fields.push(text.slice(start, i));
    }
    if (i >= n) return { fields, next: n };
    const c = text.charCodeAt(i);
    i++;
    if (c === SEMICOLON) continue;
    if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
    return { fields, next: i };
  }
}
