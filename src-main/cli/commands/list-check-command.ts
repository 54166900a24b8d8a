/**
 * `list check FILE [--json] [--mobile-column NAME]`: the same check as an
 * import in the app. With --json, stdout holds exactly one JSON object:
 * {"file","encoding" (utf-8 | windows-1252 | utf-16 | xlsx),"delimiter","columns","mobileColumn","rows","valid","invalid",
 *  "duplicates","sendable","invalidLines","duplicateLines","countries"}.
 * Exit 0 when the list is usable (a mobile column and at least one sendable
 * row); exit 2 with a message on stderr and nothing on stdout when the file
 * cannot be read, is empty, has no (or an ambiguous) mobile column or names an
 * unknown --mobile-column; exit 2 with the figures still printed when no row
 * is sendable.
 */
import { promises as fs } from 'node:fs';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { checkListFigures, type ListCheckFigures } from '@shared/lists/check-list-bytes';
import { acceptedMobileColumnNames } from '@shared/lists/list-errors';
import { CliError, exitCodes, printJson, type CliCommand, type CliIo } from '../cli-io';
import { isXlsxFile, xlsxToCsvBytes } from '../../lists/xlsx-to-csv';

const encodingNames: Record<ListCheckFigures['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16': 'UTF-16 (Texte Unicode)',
  xlsx: 'classeur Excel (.xlsx), première feuille',
};

const usage = 'Usage : npm run -s cli -- list check FICHIER [--json] [--mobile-column NOM]';

interface ListCheckArgs {
  file: string;
  json: boolean;
  mobileColumn?: string;
}

function parseArgs(args: string[]): ListCheckArgs {
  let file: string | undefined;
  let json = false;
  let mobileColumn: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--mobile-column') {
      mobileColumn = args[++i];
      if (mobileColumn === undefined) throw new CliError(`--mobile-column attend un nom de colonne.\n${usage}`);
    } else if (arg.startsWith('--mobile-column=')) mobileColumn = arg.slice('--mobile-column='.length);
    else if (arg.startsWith('--')) throw new CliError(`Option inconnue : ${arg}\n${usage}`);
    else if (file === undefined) file = arg;
    else throw new CliError(`Un seul fichier à la fois (reçu aussi : ${arg}).\n${usage}`);
  }
  if (file === undefined) throw new CliError(`Indiquez le fichier à vérifier.\n${usage}`);
  return { file, json, mobileColumn };
}

async function readListFile(file: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Fichier introuvable : ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} est un dossier, pas un fichier de liste.`);
    throw new CliError(`Impossible de lire ${file} : ${(error as Error).message}`);
  }
}

const acceptedNames = acceptedMobileColumnNames.join(', ');

function refuseMobileColumn(result: ListCheckFigures): never {
  const columns = result.columns.map((name) => `« ${name} »`).join(', ');
  if (result.mobileColumnCandidates.length > 1) {
    throw new CliError(
      `Plusieurs colonnes peuvent contenir les mobiles (${result.mobileColumnCandidates.join(', ')}). ` +
        `Choisissez-en une avec --mobile-column NOM.`,
    );
  }
  throw new CliError(
    `Aucune colonne de numéros mobiles trouvée${result.hasHeader ? '' : " (le fichier n'a pas de ligne d'en-tête)"}. ` +
      `Nommez la colonne ${acceptedNames} (majuscules, accents et espaces ignorés), ` +
      `ou choisissez-la avec --mobile-column NOM. Colonnes du fichier : ${columns}.`,
  );
}

export function listCheckJson(result: ListCheckFigures) {
  const { summary } = result;
  return {
    file: result.fileName,
    encoding: result.encoding,
    delimiter: result.delimiter,
    columns: result.columns,
    mobileColumn: result.mobileColumn,
    rows: summary.rows,
    valid: summary.valid,
    invalid: summary.invalid,
    duplicates: summary.duplicates,
    sendable: summary.sendable,
    invalidLines: summary.invalidLines,
    duplicateLines: summary.duplicateLines,
    countries: summary.countries,
  };
}

const delimiterNames: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' };
const shownLines = 20;

function lineList(lines: number[]): string {
  const shown = lines.slice(0, shownLines).join(', ');
  return lines.length > shownLines ? `${shown}… (${lines.length} en tout)` : shown;
}

function printHumanSummary(io: CliIo, result: ListCheckFigures): void {
  const { summary } = result;
  const countries = Object.entries(summary.countries)
    .sort((a, b) => b[1] - a[1])
    .map(([iso, count]) => `${iso} ${count}`)
    .join(', ');
  const lines = [
    `Fichier : ${result.fileName}`,
    `Encodage : ${encodingNames[result.encoding]} · séparateur : ${delimiterNames[result.delimiter]}`,
    `Colonnes : ${result.columns.join(', ')}`,
    `Colonne des mobiles : « ${result.mobileColumn} »`,
    `Lignes : ${summary.rows} · valides : ${summary.valid} · invalides : ${summary.invalid} · doublons : ${summary.duplicates} · envoyables : ${summary.sendable}`,
    `Envoyables par pays : ${countries || 'aucun'}`,
  ];
  if (summary.invalidLines.length > 0) lines.push(`Lignes invalides : ${lineList(summary.invalidLines)}`);
  if (summary.duplicateLines.length > 0) lines.push(`Doublons : ${lineList(summary.duplicateLines)}`);
  if (summary.emptyColumns.length > 0) lines.push(`Colonnes avec des valeurs vides : ${summary.emptyColumns.join(', ')}`);
  io.stdout(`${lines.join('\n')}\n`);
}

export const listCheckCommand: CliCommand = async (args, io) => {
  const options = parseArgs(args);
  const fileBytes = await readListFile(options.file);
  let result: ListCheckFigures;
  try {
    // Same edge as the app's import: a workbook's first sheet becomes CSV text first.
    const workbook = isXlsxFile(options.file, fileBytes);
    const bytes = workbook ? await xlsxToCsvBytes(options.file, fileBytes) : fileBytes;
    result = checkListFigures(bytes, { fileName: options.file, mobileColumn: options.mobileColumn });
    if (workbook) result = { ...result, encoding: 'xlsx' };
  } catch (error) {
    if (error instanceof UserFacingError) throw new CliError(`${options.file} : ${error.message}`);
    throw error;
  }
  if (result.mobileColumn === null) refuseMobileColumn(result);

  if (options.json) printJson(io, listCheckJson(result));
  else printHumanSummary(io, result);

  if (result.summary.sendable === 0) {
    io.stderr(`Aucun numéro envoyable dans la colonne « ${result.mobileColumn} » : la liste n'est pas utilisable.\n`);
    return exitCodes.refused;
  }
  return exitCodes.ok;
};
