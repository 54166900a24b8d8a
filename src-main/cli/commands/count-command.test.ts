import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../main';
import { templateText } from './count-command';
import type { CliIo } from '../cli-io';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'test/fixtures/composer';

async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: Readable.from([stdin]),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('count --jsonl', () => {
  it('writes one JSON line per message, in order', async () => {
    const input = ['"Bonjour"', '"Prix : 15€"', JSON.stringify('Merci Anaïs 😀'), JSON.stringify('a'.repeat(161))].join('\n') + '\n';
    const { code, stdout, stderr } = await run(['count', '--jsonl'], input);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { encoding: 'GSM-7', units: 7, segments: 1 },
      { encoding: 'GSM-7', units: 11, segments: 1 },
      { encoding: 'UCS-2', units: 14, segments: 1 },
      { encoding: 'GSM-7', units: 161, segments: 2 },
    ]);
  });

  it('reports bad lines with their number on stderr, skips them, and exits 2', async () => {
    const { code, stdout, stderr } = await run(['count', '--jsonl'], '"ok"\n{not json\n12\n\n"encore"\r\n');
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(stderr).toContain('ligne 2');
    expect(stderr).toContain('ligne 3');
    expect(stderr).not.toContain('ligne 4');
  });

  it('refuses a missing mode', async () => {
    const { code, stderr } = await run(['count']);
    expect(code).toBe(2);
    expect(stderr).toContain('--jsonl');
  });
});

describe('count --list', () => {
  it('renders the template for every sendable row and prints the figures', async () => {
    const { code, stdout, stderr } = await run([
      'count',
      '--list',
      `${repoRoot}${fixtures}/clients.csv`,
      '--template-file',
      `${repoRoot}${fixtures}/template-four-fields.txt`,
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    // 7 rows: one duplicate, one landline, one malformed → 4 sendable.
    expect(result).toMatchObject({
      recipients: 4,
      segments: { min: 1, max: 2, total: 5 },
      encodings: { 'GSM-7': 2, 'UCS-2': 2 },
      unknownFields: [],
      switchedToUcs2: 2,
    });
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a template naming a field the list lacks, naming the field and the columns', async () => {
    const { code, stdout, stderr } = await run([
      'count',
      '--list',
      `${repoRoot}${fixtures}/clients.csv`,
      '--template-file',
      `${repoRoot}${fixtures}/template-unknown-field.txt`,
      '--json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('${CODE_PROMO}');
    expect(stderr).toContain('MOBILE, Prénom, NOM, Ville, CODE');
    expect(stderr).toContain('voulez-vous dire « Prénom »');
  });

  it('accepts a missing field when --default gives its value, and reports it', async () => {
    const { code, stdout } = await run([
      'count',
      '--list',
      `${repoRoot}${fixtures}/clients.csv`,
      '--template-file',
      `${repoRoot}${fixtures}/template-unknown-field.txt`,
      '--json',
      '--default',
      'PRENOM=client',
      '--default',
      'CODE_PROMO=BIENVENUE',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ recipients: 4, unknownFields: ['PRENOM', 'CODE_PROMO'], encodings: { 'GSM-7': 4, 'UCS-2': 0 } });
  });

  it('says which file it cannot read', async () => {
    const { code, stderr } = await run(['count', '--list', 'nope.csv', '--template-file', 'nope.txt', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('nope.csv');
  });
});

describe('template file', () => {
  it('is read as the composer holds it: no BOM, LF line breaks, no final line break', () => {
    expect(templateText(Buffer.from('\uFEFFBonjour ${NOM}\r\nÀ bientôt\r\n', 'utf8'))).toBe('Bonjour ${NOM}\nÀ bientôt');
    expect(templateText(Buffer.from('Ligne 1\n\n', 'utf8'))).toBe('Ligne 1\n');
  });
});

describe('count as a real subprocess', () => {
  it('writes pure JSON lines on stdout', () => {
    const result = spawnSync('npx', ['tsx', 'src-main/cli/main.ts', 'count', '--jsonl'], {
      cwd: repoRoot,
      input: '"Bonjour à tous"\n"L’été"\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual([
      { encoding: 'GSM-7', units: 14, segments: 1 },
      { encoding: 'UCS-2', units: 5, segments: 1 },
    ]);
  });
});
