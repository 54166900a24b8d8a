/**
 * MediasFlow's BASIC renderer: `${FIELD}` names a column of the list. A
 * template is compiled once against the list's columns into literal parts and
 * column indices, so rendering a million rows is string concatenation only.
 *
 * Field → column: exact header match first, else case-insensitive (accents
 * kept: "PRÉNOM" matches "Prénom", not "Prenom"). An empty cell takes the
 * default given for the column (the provider's defaultForHeader). A field the
 * list does not have is reported in `unknownFields`, never rendered blank: it
 * renders its default when one is given, else stays as written (`${VILLE}`)
 * so the preview shows the problem.
 */
import { countSms, type SmsEncoding } from './sms-count';

export type FieldMatch = 'exact' | 'case-insensitive' | 'unknown';

export interface TemplateField {
  /** The name as written between `${` and `}` (trimmed). */
  name: string;
  /** The list column it reads, or null when the list has none. */
  column: string | null;
  columnIndex: number;
  match: FieldMatch;
  /** Value used when the cell is empty (or for an unknown field); null when none. */
  defaultValue: string | null;
  /** How many times the template uses it. */
  occurrences: number;
}

export interface CompiledTemplate {
  source: string;
  /** Text around the placeholders: `literals.length === slotFields.length + 1`. */
  literals: string[];
  /** For each placeholder in order, the index of its field in `fields`. */
  slotFields: number[];
  /** Distinct fields in order of first use. */
  fields: TemplateField[];
  /** Fields the list does not have (distinct, as written). */
  unknownFields: string[];
  /** Encoding of the template's own text, without the values: GSM-7 unless the template itself forces UCS-2. */
  templateEncoding: SmsEncoding;
  // Per placeholder, flattened for the render loop.
  slotColumns: Int32Array;
  /** What an empty (or missing) value renders as: the default, '' or the placeholder as written. */
  slotFallbacks: string[];
}

export interface TemplatePlaceholder {
  name: string;
  /** UTF-16 index of `$` and just after `}` in the template. */
  start: number;
  end: number;
}

/**
 * Every `${…}` placeholder in order. A name may not be empty or hold `{`, `}`
 * or a line break; anything else (an unclosed `${`) is plain text.
 */
export function findPlaceholders(template: string): TemplatePlaceholder[] {
  const placeholders: TemplatePlaceholder[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf('${', from);
    if (open < 0) break;
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    const raw = template.slice(open + 2, close);
    const name = raw.trim();
    if (name === '' || /[{\n\r]/.test(raw)) {
      from = open + 2;
      continue;
    }
    placeholders.push({ name, start: open, end: close + 1 });
    from = close + 1;
  }
  return placeholders;
}

/** The text the field menu inserts for a column. */
export function fieldPlaceholder(column: string): string {
  return '${' + column + '}';
}

function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Exact match first, then case-insensitive; -1 when none. */
export function resolveFieldColumn(name: string, columns: readonly string[]): { index: number; match: FieldMatch } {
  const exact = columns.indexOf(name);
  if (exact >= 0) return { index: exact, match: 'exact' };
  const folded = foldCase(name);
  const loose = columns.findIndex((column) => foldCase(column.trim()) === folded);
  return loose >= 0 ? { index: loose, match: 'case-insensitive' } : { index: -1, match: 'unknown' };
}

function defaultFor(keys: readonly string[], defaultForHeader: Readonly<Record<string, string>>): string | null {
  const entries = Object.entries(defaultForHeader).filter(([, value]) => value !== '');
  for (const key of keys) {
    const exact = entries.find(([k]) => k === key);
    if (exact) return exact[1];
  }
  for (const key of keys) {
    const loose = entries.find(([k]) => foldCase(k.trim()) === foldCase(key));
    if (loose) return loose[1];
  }
  return null;
}

export interface CompileTemplateOptions {
  /** Column (or field) name → value for empty cells; an empty string means "no default". */
  defaultForHeader?: Readonly<Record<string, string>>;
}

export function compileTemplate(template: string, columns: readonly string[], options: CompileTemplateOptions = {}): CompiledTemplate {
  const defaults = options.defaultForHeader ?? {};
  const placeholders = findPlaceholders(template);
  const literals: string[] = [];
  const slotFields: number[] = [];
  const fields: TemplateField[] = [];
  const fieldIndexByName = new Map<string, number>();
  let from = 0;
  for (const placeholder of placeholders) {
    literals.push(template.slice(from, placeholder.start));
    from = placeholder.end;
    let fieldIndex = fieldIndexByName.get(placeholder.name);
    if (fieldIndex === undefined) {
      const { index, match } = resolveFieldColumn(placeholder.name, columns);
      const column = index >= 0 ? columns[index] : null;
      fieldIndex = fields.length;
      fields.push({
        name: placeholder.name,
        column,
        columnIndex: index,
        match,
        defaultValue: defaultFor(column === null ? [placeholder.name] : [column, placeholder.name], defaults),
        occurrences: 0,
      });
      fieldIndexByName.set(placeholder.name, fieldIndex);
    }
    fields[fieldIndex].occurrences++;
    slotFields.push(fieldIndex);
  }
  literals.push(template.slice(from));

  const slotColumns = Int32Array.from(slotFields, (f) => fields[f].columnIndex);
  const slotFallbacks = slotFields.map((f, slot) => {
    const field = fields[f];
    if (field.defaultValue !== null) return field.defaultValue;
    return field.columnIndex >= 0 ? '' : template.slice(placeholders[slot].start, placeholders[slot].end);
  });
  return {
    source: template,
    literals,
    slotFields,
    fields,
    unknownFields: fields.filter((f) => f.columnIndex < 0).map((f) => f.name),
    templateEncoding: countSms(literals.join('')).encoding,
    slotColumns,
    slotFallbacks,
  };
}

/** True for '' and cells holding only spaces: the provider treats them as empty. */
function isBlank(value: string): boolean {
  return value.length === 0 || (value.charCodeAt(0) <= 0x20 && value.trim().length === 0);
}

/** The message one recipient receives. `row` holds the list's values in column order. */
export function renderTemplate(compiled: CompiledTemplate, row: readonly string[]): string {
  const { literals, slotColumns, slotFallbacks } = compiled;
  let text = literals[0];
  for (let slot = 0; slot < slotColumns.length; slot++) {
    const column = slotColumns[slot];
    const value = column >= 0 ? row[column] : undefined;
    text += value === undefined || isBlank(value) ? slotFallbacks[slot] : value;
    text += literals[slot + 1];
  }
  return text;
}

export interface RenderedPreview {
  text: string;
  /** Known fields whose cell was empty and had no default: they render blank. */
  blankFields: string[];
  /** Fields that took their default value for this row. */
  defaultedFields: string[];
  unknownFields: string[];
}

/** Rendering with explanations, for the per-recipient preview (not for the million-row loop). */
export function renderTemplatePreview(compiled: CompiledTemplate, row: readonly string[]): RenderedPreview {
  const blank = new Set<string>();
  const defaulted = new Set<string>();
  for (const field of compiled.fields) {
    if (field.columnIndex < 0) {
      if (field.defaultValue !== null) defaulted.add(field.name);
      continue;
    }
    const value = row[field.columnIndex];
    if (value !== undefined && !isBlank(value)) continue;
    if (field.defaultValue !== null) defaulted.add(field.name);
    else blank.add(field.name);
  }
  return {
    text: renderTemplate(compiled, row),
    blankFields: [...blank],
    defaultedFields: [...defaulted],
    unknownFields: compiled.unknownFields,
  };
}
