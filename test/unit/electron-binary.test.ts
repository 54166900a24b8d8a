import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { electronBinary } from '../../scripts/electron-binary.mjs';

describe('npm start: is Electron’s binary there?', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dropdesk-electron-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('no: the download never happened (no path.txt) → browser mode', async () => {
    expect(electronBinary(dir)).toBeNull();
  });

  it('no: path.txt names a binary that is not in dist/', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir)).toBeNull();
  });

  it('yes: the binary path.txt names is in dist/ → the desktop app', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(electronBinary(dir)).toBe(join(dir, 'dist', 'electron'));
  });
});
