/**
 * The list engine's expected failures, worded for the user (French first; the
 * renderer may translate by code through the `errors` catalogue). Both the
 * list service and the CLI surface these messages as they are.
 */
import { UserFacingError } from '../ipc/ipc-result';

export const acceptedMobileColumnNames = ['SMS', 'PORTABLE', 'MOBILE', 'GSM'] as const;

export function emptyListError(): UserFacingError {
  return new UserFacingError(
    'list-empty',
    'Le fichier ne contient aucun destinataire. Vérifiez que vous avez choisi le bon fichier, puis importez-le à nouveau.',
  );
}

export function binaryFileError(): UserFacingError {
  return new UserFacingError(
    'list-not-text',
    "Ce fichier n'est pas un fichier texte (CSV ou TXT). Dans Excel, utilisez « Enregistrer sous » puis « CSV (séparateur : point-virgule) ».",
  );
}

export function listTooBigError(maxMegabytes: number): UserFacingError {
  return new UserFacingError(
    'list-too-big',
    `Ce fichier dépasse ${maxMegabytes} Mo. Découpez la liste en plusieurs fichiers puis importez-les un par un.`,
    { maxMegabytes },
  );
}

export function unknownColumnError(name: string, columns: readonly string[]): UserFacingError {
  return new UserFacingError(
    'column-not-found',
    `La colonne « ${name} » n'existe pas dans la liste. Colonnes disponibles : ${columns.join(', ')}.`,
    { column: name },
  );
}

export function rowOutOfRangeError(row: number, rows: number): UserFacingError {
  return new UserFacingError(
    'row-out-of-range',
    `La ligne ${row + 1} n'existe pas (la liste compte ${rows} lignes). Rechargez la liste puis recommencez.`,
    { row, rows },
  );
}

export function columnOutOfRangeError(column: number, columns: number): UserFacingError {
  return new UserFacingError(
    'column-out-of-range',
    `La colonne ${column + 1} n'existe pas (la liste compte ${columns} colonnes). Rechargez la liste puis recommencez.`,
    { column, columns },
  );
}

export function lastColumnError(): UserFacingError {
  return new UserFacingError(
    'last-column',
    'Une liste doit garder au moins une colonne : ajoutez-en une autre avant de supprimer celle-ci.',
  );
}

export function unclosedQuoteError(record: number): UserFacingError {
  return new UserFacingError(
    'list-unclosed-quote',
    `Un guillemet (") ouvert vers l'enregistrement ${record} du fichier n'est jamais refermé : tout ce qui suit serait lu comme une seule valeur. Corrigez cette ligne dans Excel ou un éditeur de texte, puis importez à nouveau.`,
    { record },
  );
}
