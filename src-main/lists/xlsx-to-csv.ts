/**
 * Excel workbooks (.xlsx) at the edge of the list engine: the first sheet is
 * turned into UTF-8 CSV text that `checkListBytes` already reads, so an .xlsx
 * gets the same checks, summary and errors as a CSV. Cells are written as
 * Excel shows them (a number formatted "0000000000" keeps its leading zero,
 * text cells are kept as typed); every field is quoted so commas or
 * semicolons inside cells never mislead the delimiter detection.
 */
import ExcelJS from 'exceljs';
import { UserFacingError } from '@shared/ipc/ipc-result';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip archive (what an .xlsx is) and the name says .xlsx. */
export function isXlsxFile(fileName: string, bytes: Uint8Array): boolean {
  return /\.xlsx$/i.test(fileName) && zipMagic.every((byte, i) => bytes[i] === byte);
}

export function unreadableWorkbookError(fileName: string): UserFacingError {
  return new UserFacingError(
    'list-xlsx-unreadable',
    `Le classeur « ${fileName} » n'a pas pu être lu. Ouvrez-le dans Excel, vérifiez qu'il n'est pas protégé par un mot de passe, puis enregistrez-le à nouveau au format « Classeur Excel (.xlsx) ».`,
    { file: fileName },
  );
}

/** The first worksheet as rows of displayed text; rows with no value at all are dropped. */
export async function readFirstSheetRows(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw unreadableWorkbookError(fileName);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const width = sheet.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(displayedText(row.getCell(c)));
    if (values.some((value) => value !== '')) rows.push(values);
  }
  return rows;
}

/** UTF-8 CSV bytes (semicolon, every field quoted) of the first sheet. */
export async function xlsxToCsvBytes(fileName: string, bytes: Uint8Array): Promise<Uint8Array> {
  const rows = await readFirstSheetRows(fileName, bytes);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const text = rows.map((row) => row.map(quote).join(';')).join('\r\n');
  return new TextEncoder().encode(rows.length === 0 ? '' : `${text}\r\n`);
}

/** The text Excel shows in a cell (French Excel: decimal comma, VRAI/FAUX, dd/mm/yyyy). */
export function displayedText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return valueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : '';
  return '';
}

/** Integers in full (no exponent), "0000000000"-style formats padded, "0.00"-style fixed decimals, decimal comma. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const format = (numFmt ?? '').trim();
  const zeros = /^0+$/.exec(format);
  if (zeros && Number.isInteger(value) && value >= 0) return integerText(value).padStart(format.length, '0');
  const fixed = /^0+\.(0+)$/.exec(format);
  if (fixed) return value.toFixed(fixed[1].length).replace('.', ',');
  if (Number.isInteger(value)) return integerText(value);
  return String(value).replace('.', ',');
}

function integerText(value: number): string {
  return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

function formatDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  // exceljs gives Excel's serial dates as UTC instants.
  const day = `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0;
  return hasTime ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}
