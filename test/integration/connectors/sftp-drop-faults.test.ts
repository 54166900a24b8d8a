/**
 * Fault tests of the exactly-once drop against a real SFTP server on
 * 127.0.0.1: whatever happens, exactly one campaign file lands in the end and
 * no temporary file is left.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SftpFileSystem } from '../../../src-main/connectors/sftp-file-system';
import { dropFileExactlyOnce, type DropRequest, type DropStep } from '../../../src-main/connectors/exactly-once-upload';
import { ConnectorError } from '../../../src-main/connectors/connector-error';
import { childScriptArgs } from '../bundled-child';
import { SftpTestServer } from '../servers/sftp-test-server';
import { makeCampaignFile, recogniseAllMySms, recogniseByIdDelivery } from './campaign-file';
import type { DropChildArguments } from './drop-child-process';

const childScript = fileURLToPath(new URL('./drop-child-process.ts', import.meta.url));
const smsFolder = '/Campagnes/SMS';
const ackFolders = ['/Campagnes/SMS/TRAITEMENT OK', '/Campagnes/SMS/TRAITEMENT KO'];
const bytes = 300_000;

let server: SftpTestServer;
let scratch: string;
let drop = 0;

function nextDrop() {
  drop += 1;
  const idDelivery = `DD${String(drop).padStart(6, '0')}X`;
  const finalName = `4242-${idDelivery}-Rentrée_20250901093000.csv`;
  return { idDelivery, finalName, tempName: `${finalName}.tmp`, data: makeCampaignFile(bytes, drop), seed: drop };
}

async function connected(): Promise<SftpFileSystem> {
  const fs = new SftpFileSystem({
    protocol: 'sftp',
    host: server.host,
    port: server.port,
    username: server.username,
    password: server.password,
    pinnedHostKey: server.hostKeyFingerprint,
    timeoutMs: 5_000,
  });
  await fs.connect();
  return fs;
}

async function retryDrop(request: Omit<DropRequest, 'fs'>) {
  const steps: DropStep[] = [];
  const fs = await connected();
  try {
    const result = await dropFileExactlyOnce({ ...request, fs, onStep: (step) => void steps.push(step) });
    return { result, steps };
  } finally {
    await fs.close();
  }
}

/** The invariant every fault test ends with. */
async function expectExactlyOneCampaign(folder: string, finalName: string, data: Buffer) {
  const names = await server.names(folder);
  expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(names.filter((name) => name === finalName)).toEqual([finalName]);
  expect(await readFile(server.realPath(`${folder}/${finalName}`))).toEqual(data);
}

async function startChild(args: DropChildArguments) {
  const child = spawn(process.execPath, [...(await childScriptArgs(childScript)), JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, output: () => output };
}

beforeAll(async () => {
  server = await SftpTestServer.start();
  scratch = await mkdtemp(join(tmpdir(), 'dropdesk-faults-'));
});
afterAll(async () => {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(server.realPath('/Campagnes'), { recursive: true, force: true });
  await server.mkdirs(smsFolder, '/SEND_SMS', '/PROCESSING', '/ARCHIVES', '/INVALIDS');
});
afterEach(() => {
  for (const key of Object.keys(server.faults)) delete (server.faults as Record<string, unknown>)[key];
});

describe('exactly-once drop over SFTP, with faults', () => {
  it('(a) the process is killed mid-upload: the retry removes the partial temp file and lands one file', async () => {
    const { idDelivery, finalName, tempName, data, seed } = nextDrop();
    server.faults.stallWritesAfterBytes = 100_000;
    const stalled = once(server, 'write-stalled');
    const stateFile = join(scratch, `state-a-${seed}.json`);
    const { child, exited, output } = await startChild({
      port: server.port,
      username: server.username,
      password: server.password,
      pinnedHostKey: server.hostKeyFingerprint,
      folder: smsFolder,
      finalName,
      tempName,
      idDelivery,
      searchFolders: ackFolders,
      bytes,
      seed,
      stateFile,
      mode: 'normal',
    });
    await stalled;
    const partial = await stat(server.realPath(`${smsFolder}/${tempName}`));
    expect(partial.size).toBeGreaterThan(0);
    expect(partial.size).toBeLessThan(data.length);
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal, output()).toBe('SIGKILL');
    expect(existsSync(stateFile)).toBe(false);
    delete server.faults.stallWritesAfterBytes;

    const { result, steps } = await retryDrop({ folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) });
    expect(result.outcome).toBe('uploaded');
    expect(steps).toContain('stale-temp-removed');
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('(b) the process is killed right after the rename: the retry finds it already landed and uploads nothing', async () => {
    const { idDelivery, finalName, tempName, data, seed } = nextDrop();
    const stateFile = join(scratch, `state-b-${seed}.json`);
    const { exited, output } = await startChild({
      port: server.port,
      username: server.username,
      password: server.password,
      pinnedHostKey: server.hostKeyFingerprint,
      folder: smsFolder,
      finalName,
      tempName,
      idDelivery,
      searchFolders: ackFolders,
      bytes,
      seed,
      stateFile,
      mode: 'crash-after-rename',
    });
    const [, signal] = await exited;
    expect(signal, output()).toBe('SIGKILL');
    expect(output()).toContain('step renamed');
    expect(existsSync(stateFile)).toBe(false);

    const { result, steps } = await retryDrop({ folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) });
    expect(result).toEqual({ outcome: 'already-landed', folder: smsFolder, name: finalName });
    expect(steps).toEqual([]);
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('(b) killed after the rename while MediasFlow already moved the file to TRAITEMENT OK: found there by IDDELIVERY', async () => {
    const { idDelivery, finalName, tempName, data, seed } = nextDrop();
    server.faults.afterRename = async (target) => {
      await server.mkdirs(ackFolders[0]);
      const name = target.split('/').pop()!;
      await rename(server.realPath(target), server.realPath(`${ackFolders[0]}/${name}`));
      await writeFile(server.realPath(`${ackFolders[0]}/${name}.ar`), '987654\n');
    };
    const stateFile = join(scratch, `state-b2-${seed}.json`);
    const { exited, output } = await startChild({
      port: server.port,
      username: server.username,
      password: server.password,
      pinnedHostKey: server.hostKeyFingerprint,
      folder: smsFolder,
      finalName,
      tempName,
      idDelivery,
      searchFolders: ackFolders,
      bytes,
      seed,
      stateFile,
      mode: 'crash-after-rename',
    });
    const [, signal] = await exited;
    expect(signal, output()).toBe('SIGKILL');

    const { result } = await retryDrop({ folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) });
    expect(result.outcome).toBe('already-landed');
    expect(result.folder).toBe(ackFolders[0]);
    expect(await server.names(smsFolder)).toEqual(['TRAITEMENT OK']);
    expect(await server.names(ackFolders[0])).toEqual([finalName, `${finalName}.ar`]);
  });

  it('(c) the connection is cut mid-transfer: a network error, then the retry lands one file', async () => {
    const { idDelivery, finalName, tempName, data } = nextDrop();
    server.faults.cutConnectionAfterBytes = 120_000;
    const request = { folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) };
    const error = await retryDrop(request).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('network');
    expect((error as ConnectorError).transient).toBe(true);
    expect(await server.names(smsFolder)).toEqual([tempName]);
    delete server.faults.cutConnectionAfterBytes;

    const { result, steps } = await retryDrop(request);
    expect(result.outcome).toBe('uploaded');
    expect(steps).toContain('stale-temp-removed');
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('(c) the connection is cut after the server renamed but before it answered: the retry finds it landed', async () => {
    const { idDelivery, finalName, tempName, data } = nextDrop();
    server.faults.afterRename = () => server.cutConnections();
    const request = { folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) };
    await expect(retryDrop(request)).rejects.toMatchObject({ kind: 'network' });
    delete server.faults.afterRename;

    const { result } = await retryDrop(request);
    expect(result.outcome).toBe('already-landed');
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('(d) a refused rename fails as name-refused, cleans the temp file, and the retry lands one file once allowed', async () => {
    const { idDelivery, finalName, tempName, data } = nextDrop();
    server.faults.refuseRename = true;
    const request = { folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) };
    const error = (await retryDrop(request).catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('name-refused');
    expect(error.transient).toBe(false);
    expect(error.message).toContain(finalName);
    expect(await server.names(smsFolder)).toEqual([]);
    server.faults.refuseRename = false;

    const { result } = await retryDrop(request);
    expect(result.outcome).toBe('uploaded');
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('(e) a full disk fails as server-full (retried later), leaves no temp file, and the retry lands one file once space is freed', async () => {
    const { idDelivery, finalName, tempName, data } = nextDrop();
    server.faults.diskFullAfterBytes = 50_000;
    const request = { folder: smsFolder, finalName, tempName, data, searchFolders: ackFolders, recognise: recogniseByIdDelivery(idDelivery) };
    const error = (await retryDrop(request).catch((failure: unknown) => failure)) as ConnectorError;
    expect(error.kind).toBe('server-full');
    expect(error.transient).toBe(true);
    expect(error.message).toMatch(/plus de place/);
    expect(await server.names(smsFolder)).toEqual([]);
    delete server.faults.diskFullAfterBytes;

    const { result } = await retryDrop(request);
    expect(result.outcome).toBe('uploaded');
    await expectExactlyOneCampaign(smsFolder, finalName, data);
  });

  it('AllMySMS over SFTP: a file already processed into ARCHIVES as TreatedByMSI_… is recognised and not sent again', async () => {
    const data = makeCampaignFile(10_000, 99);
    const finalName = 'Soldes2025_20250901093000_HQ.csv';
    server.faults.afterRename = async (target) => {
      const name = target.split('/').pop()!;
      await rename(server.realPath(target), server.realPath(`/ARCHIVES/TreatedByMSI_${name}`));
    };
    const request = {
      folder: '/SEND_SMS',
      finalName,
      tempName: finalName.replace(/\.csv$/, '.tmp'),
      data,
      searchFolders: ['/PROCESSING', '/ARCHIVES', '/INVALIDS'],
      recognise: recogniseAllMySms(finalName),
    };
    expect((await retryDrop(request)).result.outcome).toBe('uploaded');
    delete server.faults.afterRename;
    expect((await retryDrop(request)).result).toEqual({ outcome: 'already-landed', folder: '/ARCHIVES', name: `TreatedByMSI_${finalName}` });
    expect(await server.names('/SEND_SMS')).toEqual([]);
    expect(await server.names('/ARCHIVES')).toEqual([`TreatedByMSI_${finalName}`]);
  });
});
