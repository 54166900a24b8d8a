/**
 * Leaves recipients out of a drop file that is already built (pure): the
 * queue re-checks a programmed drop against the opt-out list just before its
 * first upload, and a number that answered STOP since the drop was queued
 * must not be sent. Every kept record is copied byte for byte (header,
 * quoting, line endings, BOM), so the file is what the drop would have built
 * without those numbers.
 *
 * MediasFlow: semicolon CSV with a header; the numbers are in the one column
 * named SMS, PORTABLE, MOBILE or GSM (the file builder renames any other).
 * AllMySMS: no header; the number is the first field, between quotes.
 */
import { isMediasflowMobileHeader } from './mediasflow/mediasflow-file';

export type DropFileFamily = 'mediasflow' | 'allmysms';

export interface FilteredDropFile {
  text: string;
  /** Recipients left out. */
  removed: number;
  /** Recipients still in the file. */
  kept: number;
}

/** Records of a CSV text, each with its line ending; a line break between quotes stays inside its record. */
export function splitCsvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (!quoted && code === 10) {
      records.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** The fields of one record (line ending removed, quotes undone). */
export function splitCsvFields(record: string): string[] {
  const line = record.replace(/\r?\n$/, '');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const character = line[i];
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ';') {
      fields.push(field);
      field = '';
    } else field += character;
  }
  fields.push(field);
  return fields;
}

export function removeOptedOutRecipients(family: DropFileFamily, text: string, optOuts: ReadonlySet<string>): FilteredDropFile {
  const records = splitCsvRecords(text);
  let numberField = 0;
  let first = 0;
  if (family === 'mediasflow') {
    const header = splitCsvFields((records[0] ?? '').replace(/^\uFEFF/, ''));
    numberField = header.findIndex((name) => isMediasflowMobileHeader(name));
    if (numberField < 0) throw new Error('drop file without a mobile column');
    first = 1;
  }
  const kept: string[] = records.slice(0, first);
  let removed = 0;
  for (let i = first; i < records.length; i++) {
    const number = splitCsvFields(records[i])[numberField]?.trim() ?? '';
    if (optOuts.has(number)) removed++;
    else kept.push(records[i]);
  }
  const recipients = kept.length - first;
  if (removed === 0) return { text, removed, kept: recipients };
  return { text: kept.join(''), removed, kept: recipients };
}

