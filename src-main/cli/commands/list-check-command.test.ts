import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { runCli } from '../main';
import type { CliIo } from '../cli-io';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(repoRoot, 'test/fixtures/lists', name);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin: Readable.from([]) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('list check', () => {
  it('prints the figures of an Excel Windows-1252 list as one JSON object', async () => {
    const { code, stdout, stderr } = await run('list', 'check', fixture('excel-windows-1252.csv'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(JSON.parse(stdout)).toEqual({
      file: fixture('excel-windows-1252.csv'),
      encoding: 'windows-1252',
      delimiter: ';',
      columns: ['Civilité', 'Prénom', 'Nom', 'Adresse', 'CP', 'Ville', 'Prix', 'SMS'],
      mobileColumn: 'SMS',
      rows: 11,
      valid: 10,
      invalid: 1,
      duplicates: 1,
      sendable: 9,
      invalidLines: [10],
      duplicateLines: [11],
      countries: { FR: 8, BE: 1 },
    });
  });

  it('reads Excel « Texte Unicode » (UTF-16) and .xlsx workbooks like the app', async () => {
    const unicode = await run('list', 'check', fixture('excel-texte-unicode.txt'), '--json');
    expect(unicode.code).toBe(0);
    expect(JSON.parse(unicode.stdout)).toMatchObject({ encoding: 'utf-16', delimiter: '\t', rows: 3, sendable: 3, countries: { FR: 2, GP: 1 } });
    const workbook = await run('list', 'check', fixture('excel-accents.xlsx'), '--json');
    expect(workbook.code).toBe(0);
    expect(JSON.parse(workbook.stdout)).toMatchObject({
      encoding: 'xlsx',
      columns: ['Prénom', 'Nom', 'SMS', 'Portable bureau', 'Montant', 'Inscrit le'],
      rows: 3,
      sendable: 3,
    });
    const human = await run('list', 'check', fixture('excel-accents.xlsx'));
    expect(human.stdout).toContain('Encodage : classeur Excel (.xlsx), première feuille');
  });

  it('reports tabs, BOM and every kind of number', async () => {
    expect(JSON.parse((await run('list', 'check', fixture('tab-delimited.txt'), '--json')).stdout)).toMatchObject({
      encoding: 'utf-8',
      delimiter: '\t',
      mobileColumn: 'GSM',
      rows: 3,
    });
    expect(JSON.parse((await run('list', 'check', fixture('utf8-bom.csv'), '--json')).stdout)).toMatchObject({
      encoding: 'utf-8',
      columns: ['Nom', 'Prénom', 'Portable'],
      countries: { FR: 2, PL: 1 },
    });
    expect(JSON.parse((await run('list', 'check', fixture('mixed-numbers.csv'), '--json')).stdout)).toMatchObject({
      rows: 14,
      valid: 9,
      invalid: 5,
      duplicates: 4,
      sendable: 5,
      invalidLines: [2, 3, 4, 7, 12],
      duplicateLines: [5, 6, 10, 14],
      countries: { FR: 2, BE: 1, GB: 1, RE: 1 },
    });
  });

  it('refuses a list without mobile column: exit 2, accepted names on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await run('list', 'check', fixture('no-mobile-column.csv'), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const name of ['SMS', 'PORTABLE', 'MOBILE', 'GSM']) expect(stderr).toContain(name);
    expect(stderr).toContain('--mobile-column');
  });

  it('refuses two candidate columns unless --mobile-column chooses', async () => {
    const refused = await run('list', 'check', fixture('two-candidates.csv'), '--json');
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain('SMS, Mobile');
    const chosen = await run('list', 'check', fixture('two-candidates.csv'), '--json', '--mobile-column', 'Mobile');
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ mobileColumn: 'Mobile', sendable: 2 });
    const noHeader = await run('list', 'check', fixture('no-header.csv'), '--json', '--mobile-column=Colonne 2');
    expect(JSON.parse(noHeader.stdout)).toMatchObject({ columns: ['Colonne 1', 'Colonne 2', 'Colonne 3'], sendable: 3 });
    const unknown = await run('list', 'check', fixture('two-candidates.csv'), '--json', '--mobile-column', 'Fax');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('« Fax »');
  });

  it('refuses missing, directory, binary and empty files with a clear message', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dropdesk-cli-'));
    try {
      await writeFile(join(folder, 'vide.csv'), '');
      await writeFile(join(folder, 'classeur.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
      await writeFile(join(folder, 'archive.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
      const cases: [string, string][] = [
        [join(folder, 'absent.csv'), 'introuvable'],
        [folder, 'dossier'],
        // A damaged workbook is read as one and refused as such; zip bytes under another name are not text.
        [join(folder, 'classeur.xlsx'), "n'a pas pu être lu"],
        [join(folder, 'archive.csv'), "n'est pas un fichier texte"],
        [join(folder, 'vide.csv'), 'aucun destinataire'],
        [fixture('header-only.csv'), 'aucun destinataire'],
      ];
      for (const [path, message] of cases) {
        const result = await run('list', 'check', path, '--json');
        expect(result, path).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toContain(message);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('prints a short French summary without --json', async () => {
    const { code, stdout } = await run('list', 'check', fixture('excel-windows-1252.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('Encodage : Windows-1252 · séparateur : point-virgule');
    expect(stdout).toContain('Lignes : 11 · valides : 10 · invalides : 1 · doublons : 1 · envoyables : 9');
    expect(stdout).toContain('Lignes invalides : 10');
  });

  it('refuses bad usage', async () => {
    expect((await run('list', 'check')).code).toBe(2);
    expect((await run('list', 'check', 'a.csv', '--fast')).stderr).toContain('Option inconnue');
  });

  it('as a real process (tsx, like npm run cli), stdout is pure JSON', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['src-main/cli/main.ts', 'list', 'check', 'test/fixtures/lists/quoted-multiline.csv', '--json'],
      { cwd: repoRoot },
    );
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ rows: 3, sendable: 3, mobileColumn: 'Mobile' });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('through the README invocation (npm run -s cli -- …), stdout is the JSON document alone', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await promisify(execFile)(npm, ['run', '-s', 'cli', '--', 'list', 'check', 'test/fixtures/lists/excel-windows-1252.csv', '--json'], {
      cwd: repoRoot,
      shell: process.platform === 'win32',
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ encoding: 'windows-1252', rows: 11, sendable: 9 });
  });

  it('as a real process, exit 2 and empty stdout without mobile column', async () => {
    const failure = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'list', 'check', fixture('no-mobile-column.csv'), '--json'],
      { cwd: repoRoot },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect((failure as { stderr: string }).stderr).toContain('SMS, PORTABLE, MOBILE, GSM');
  });
});
