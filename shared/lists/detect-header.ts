import { quickNumberCheck } from './validate-number';

const numericCell = /^[\s\d.,+\-()/]+$/;

/**
 * The first record is a header unless it looks like data: one of its cells is
 * a valid mobile number, or every non-empty cell is numeric.
 */
export function firstRecordIsHeader(first: readonly string[]): boolean {
  const nonEmpty = first.filter((cell) => cell.trim() !== '');
  if (nonEmpty.length === 0) return true;
  if (nonEmpty.every((cell) => numericCell.test(cell))) return false;
  return !nonEmpty.some((cell) => quickNumberCheck(cell).valid);
}

/** Column names when the file has no header: Colonne 1, Colonne 2… */
export function generatedColumnName(index: number): string {
  return `Colonne ${index + 1}`;
}
