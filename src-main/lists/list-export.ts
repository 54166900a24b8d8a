import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ExportEncoding } from '@shared/lists/list-types';
import { encodeWindows1252, findWindows1252Unencodable } from '@shared/lists/windows-1252';
import { frenchCount } from '@shared/i18n/french-count';

/**
 * Bytes of an exported list. UTF-8 is written without BOM: the providers read
 * the first header as is, and a BOM would glue itself to it. Windows-1252 is
 * refused, with what to do, when a value holds a character it cannot
 * represent: writing "?" instead would change the user's data silently.
 */
export function encodeExport(text: string, encoding: ExportEncoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const unencodable = findWindows1252Unencodable(text);
  if (unencodable) {
    const examples = unencodable.examples.map((character) => `« ${character} »`).join(', ');
    throw new UserFacingError(
      'export-unencodable',
      `${frenchCount(unencodable.count, 'caractère ne peut pas être écrit', 'caractères ne peuvent pas être écrits')} en Windows-1252 (${examples}, première occurrence ligne ${unencodable.firstLine}). ` +
        'Exportez en UTF-8, ou corrigez ces valeurs dans la liste puis exportez à nouveau.',
      { count: unencodable.count, examples: unencodable.examples.join(' '), line: unencodable.firstLine },
    );
  }
  return encodeWindows1252(text);
}
