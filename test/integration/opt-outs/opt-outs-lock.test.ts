import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optOutsFilePath } from '../../../src-main/opt-outs/opt-out-service';

const childScript = fileURLToPath(new URL('./add-opt-outs-child.ts', import.meta.url));

function addInChild(dataDir: string, numbers: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify({ dataDir, numbers })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('opt-out list written by two processes at once', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-opt-outs-lock-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no number: each read-modify-write holds <dataDir>/opt-outs.lock', async () => {
    const first = Array.from({ length: 30 }, (_, i) => `3361000${String(i).padStart(4, '0')}`);
    const second = Array.from({ length: 30 }, (_, i) => `3362000${String(i).padStart(4, '0')}`);
    const outputs = await Promise.all([addInChild(dataDir, first), addInChild(dataDir, second)]);
    expect(outputs).toEqual(['done\n', 'done\n']);
    const saved = JSON.parse(await readFile(optOutsFilePath(dataDir), 'utf8')) as { entries: { number: string }[] };
    expect(saved.entries.map((entry) => entry.number).sort()).toEqual([...first, ...second].sort());
    // The lock is released (no stray lock file left behind).
    await expect(readFile(join(dataDir, 'opt-outs.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
