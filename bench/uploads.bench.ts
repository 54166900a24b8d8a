/**
 * Drop uploads (issue 10): a 39.4 MB drop file, generated once into
 * .bench-data/, uploaded
 *   - over SFTP to Debian's sshd on 127.0.0.1 (the tests' throw-away config,
 *     key login): Dropdesk's exactly-once drop (temp name, size check, rename)
 *     vs OpenSSH's `sftp put` (batch mode) vs ssh2-sftp-client's `fastPut`
 *     (its defaults), on loopback and through a relay that holds every chunk
 *     15 ms each way (30 ms round trip);
 *   - over FTP to the tests' ftp-srv server: Dropdesk vs `curl -T`.
 * The relay and the FTP server run in their own processes. Each figure is the
 * median of BENCH_UPLOAD_RUNS runs (3 by default, interleaved). `transfer` is
 * the upload alone: Dropdesk's from its 'checked' step to 'temp-uploaded';
 * sftp's and curl's are the whole command minus the median of the same
 * command doing nothing but log in (`pwd`, a listing). Nothing is asserted.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SftpClient from 'ssh2-sftp-client';
import { dropFileExactlyOnce } from '../src-main/connectors/exactly-once-upload';
import { FtpFileSystem } from '../src-main/connectors/ftp-file-system';
import { SftpFileSystem } from '../src-main/connectors/sftp-file-system';
import { OpenSshTestServer, sshdUnavailableReason } from '../test/integration/servers/openssh-test-server';

const run$ = promisify(execFile);
const DROP_BYTES = 39_400_000;
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 3);
const RELAY_DELAY_MS = 15;
const benchDataDir = fileURLToPath(new URL('../.bench-data/', import.meta.url));
const childScript = fileURLToPath(new URL('./upload-bench-child.ts', import.meta.url));

/** A MediasFlow-like drop file (MOBILE;NOM;PRENOM;VILLE;MESSAGE, CRLF) of exactly DROP_BYTES bytes. */
async function ensureDropFile(): Promise<string> {
  mkdirSync(benchDataDir, { recursive: true });
  const path = join(benchDataDir, `drop-${DROP_BYTES}-v1.csv`);
  if (existsSync(path)) return path;
  const towns = ['Saint-Étienne', 'Paris', 'Lyon', 'Fort-de-France', 'Saint-Denis', 'Besançon', 'Nîmes'];
  const out = createWriteStream(`${path}.tmp`);
  let written = 0;
  let row = 0;
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
  const header = 'MOBILE;NOM;PRENOM;VILLE;MESSAGE\r\n';
  await write(header);
  written += Buffer.byteLength(header);
  while (written < DROP_BYTES) {
    let line = `336${String((row * 7919) % 100_000_000).padStart(8, '0')};Dupont${row};Élodie;${towns[row % towns.length]};Bonjour Élodie, -20 % sur tout le rayon ce week-end. STOP 36184\r\n`;
    const left = DROP_BYTES - written;
    if (Buffer.byteLength(line) > left) line = 'x'.repeat(left);
    await write(line);
    written += Buffer.byteLength(line);
    row++;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(`${path}.tmp`, path);
  return path;
}

async function startChild(args: string[]): Promise<{ child: ChildProcess; info: Record<string, string | number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<Record<string, string | number>>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)));
    });
    child.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited (${code})`)));
  });
  return { child, info };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms: number): string => `${(DROP_BYTES / 1_048_576 / (ms / 1000)).toFixed(1)} MB/s`;

async function timedCommand(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  await run$(command, args, { maxBuffer: 16 * 1024 * 1024 });
  return performance.now() - started;
}

interface SftpFigures {
  dropdeskTransferMs: number;
  dropdeskDropMs: number;
  fastPutMs: number;
  sftpPutTransferMs: number;
  sftpPutWholeMs: number;
  sftpLoginMs: number;
}

async function measureSftp(server: OpenSshTestServer, port: number, dropFile: string, data: Buffer, scratch: string): Promise<SftpFigures> {
  const remoteFolder = join(server.dropRoot, 'bench');
  await mkdir(remoteFolder, { recursive: true });
  const keyFile = join(scratch, 'client_key');
  const knownHosts = join(scratch, 'known_hosts');
  const sshArgs = (batch: string) => [
    '-q', '-b', batch, '-i', keyFile, '-P', String(port),
    '-o', 'BatchMode=yes', '-o', 'HostKeyAlias=dropdesk-bench', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes',
    `${server.username}@127.0.0.1`,
  ];
  const putBatch = join(scratch, 'put.batch');
  const loginBatch = join(scratch, 'login.batch');
  await writeFile(putBatch, `put ${dropFile} ${remoteFolder}/sftp-put.csv\n`);
  await writeFile(loginBatch, 'pwd\n');
  const config = { protocol: 'sftp' as const, host: '127.0.0.1', port, username: server.username, privateKey: server.clientPrivateKey, pinnedHostKey: server.hostKeyFingerprint, timeoutMs: 30_000 };

  const figures: Record<keyof SftpFigures, number[]> = { dropdeskTransferMs: [], dropdeskDropMs: [], fastPutMs: [], sftpPutTransferMs: [], sftpPutWholeMs: [], sftpLoginMs: [] };
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    await rm(remoteFolder, { recursive: true, force: true });
    await mkdir(remoteFolder, { recursive: true });

    // Dropdesk: the queue's exactly-once drop of the job's bytes.
    const fs = new SftpFileSystem(config, { operationTimeoutMs: 120_000 });
    await fs.connect();
    let checkedAt = 0;
    let uploadedAt = 0;
    const dropStarted = performance.now();
    await dropFileExactlyOnce({
      fs,
      folder: remoteFolder,
      finalName: `dropdesk-${runIndex}.csv`,
      tempName: `dropdesk-${runIndex}.csv.tmp`,
      data,
      searchFolders: [],
      recognise: () => false,
      onStep: (step) => {
        if (step === 'checked') checkedAt = performance.now();
        if (step === 'temp-uploaded') uploadedAt = performance.now();
      },
    });
    figures.dropdeskDropMs.push(performance.now() - dropStarted);
    figures.dropdeskTransferMs.push(uploadedAt - checkedAt);
    await fs.close();

    // ssh2-sftp-client's fastPut with its defaults (64 × 32 KiB), reading the file.
    const client = new SftpClient('bench', { error: () => undefined, end: () => undefined, close: () => undefined });
    await client.connect({ host: '127.0.0.1', port, username: server.username, privateKey: server.clientPrivateKey, readyTimeout: 30_000 });
    const fastPutStarted = performance.now();
    await client.fastPut(dropFile, `${remoteFolder}/fastput-${runIndex}.csv`);
    figures.fastPutMs.push(performance.now() - fastPutStarted);
    await client.end();

    // OpenSSH's sftp in batch mode: the whole command, and the same login doing nothing.
    figures.sftpPutWholeMs.push(await timedCommand('sftp', sshArgs(putBatch)));
    figures.sftpLoginMs.push(await timedCommand('sftp', sshArgs(loginBatch)));
  }
  const login = median(figures.sftpLoginMs);
  figures.sftpPutTransferMs = figures.sftpPutWholeMs.map((whole) => whole - login);
  const sizes = [readFileSync(join(remoteFolder, `dropdesk-${RUNS - 1}.csv`)).length, readFileSync(join(remoteFolder, 'sftp-put.csv')).length];
  if (sizes.some((size) => size !== DROP_BYTES)) throw new Error(`uploaded sizes ${sizes.join(', ')} instead of ${DROP_BYTES}`);
  await rm(remoteFolder, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, median(values)])) as unknown as SftpFigures;
}

async function measureFtp(dropFile: string, data: Buffer): Promise<{ dropdeskMs: number; curlTransferMs: number; curlWholeMs: number; curlLoginMs: number }> {
  const { child, info } = await startChild(['ftp']);
  try {
    const { port, username, password, root } = info as { port: number; username: string; password: string; root: string };
    const url = `ftp://127.0.0.1:${port}`;
    const dropdesk: number[] = [];
    const curlWhole: number[] = [];
    const curlLogin: number[] = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex++) {
      const fs = new FtpFileSystem({ protocol: 'ftp', host: '127.0.0.1', port, username, password, timeoutMs: 120_000 });
      await fs.connect();
      const started = performance.now();
      await fs.upload(`dropdesk-${runIndex}.csv`, data);
      dropdesk.push(performance.now() - started);
      await fs.close();
      curlWhole.push(await timedCommand('curl', ['-sS', '--user', `${username}:${password}`, '-T', dropFile, `${url}/curl-${runIndex}.csv`]));
      curlLogin.push(await timedCommand('curl', ['-sS', '--user', `${username}:${password}`, '--list-only', `${url}/`]));
    }
    const sizes = [(await readFile(join(root, `dropdesk-${RUNS - 1}.csv`))).length, (await readFile(join(root, `curl-${RUNS - 1}.csv`))).length];
    if (sizes.some((size) => size !== DROP_BYTES)) throw new Error(`FTP uploaded sizes ${sizes.join(', ')} instead of ${DROP_BYTES}`);
    const login = median(curlLogin);
    return { dropdeskMs: median(dropdesk), curlTransferMs: median(curlWhole.map((whole) => whole - login)), curlWholeMs: median(curlWhole), curlLoginMs: login };
  } finally {
    child.kill('SIGTERM');
  }
}

function printSftp(label: string, figures: SftpFigures): void {
  const ratio = (figures.dropdeskTransferMs / figures.sftpPutTransferMs).toFixed(2);
  console.log(`  SFTP ${label}:`);
  console.log(`    Dropdesk transfer          ${seconds(figures.dropdeskTransferMs)} (${rate(figures.dropdeskTransferMs)}), whole exactly-once drop ${seconds(figures.dropdeskDropMs)}`);
  console.log(`    ssh2-sftp-client fastPut   ${seconds(figures.fastPutMs)} (${rate(figures.fastPutMs)})`);
  console.log(`    OpenSSH sftp put           ${seconds(figures.sftpPutTransferMs)} (${rate(figures.sftpPutTransferMs)}) = ${seconds(figures.sftpPutWholeMs)} whole − ${seconds(figures.sftpLoginMs)} login`);
  console.log(`    Dropdesk / sftp put        ${ratio}× (target ≤ 1.25×)`);
}

export async function run(): Promise<unknown> {
  const dropFile = await ensureDropFile();
  const data = await readFile(dropFile);
  console.log(`uploads: ${(DROP_BYTES / 1e6).toFixed(1)} MB drop file, median of ${RUNS} runs each (shared machine: read the figures as ratios)`);
  const result: Record<string, unknown> = { bytes: DROP_BYTES, runs: RUNS };

  const unavailable = sshdUnavailableReason();
  if (unavailable) {
    console.log(`  SFTP skipped: ${unavailable}`);
  } else {
    const server = await OpenSshTestServer.start();
    const scratch = join(server.scratch, 'bench-client');
    await mkdir(scratch, { recursive: true });
    await writeFile(join(scratch, 'client_key'), `${server.clientPrivateKey.trim()}\n`, { mode: 0o600 });
    const hostPublic = (await readFile(join(server.scratch, 'host_key.pub'), 'utf8')).trim();
    await writeFile(join(scratch, 'known_hosts'), `dropdesk-bench ${hostPublic}\n`);
    try {
      const loopback = await measureSftp(server, server.port, dropFile, data, scratch);
      printSftp('loopback', loopback);
      const { child: relay, info } = await startChild(['relay', String(server.port), String(RELAY_DELAY_MS)]);
      try {
        const delayed = await measureSftp(server, Number(info.port), dropFile, data, scratch);
        printSftp(`through a ${2 * RELAY_DELAY_MS} ms round-trip relay`, delayed);
        result.sftp = { loopback, relay30ms: delayed };
      } finally {
        relay.kill('SIGTERM');
      }
    } finally {
      await server.stop();
    }
  }

  const ftp = await measureFtp(dropFile, data);
  console.log('  FTP loopback (ftp-srv):');
  console.log(`    Dropdesk upload            ${seconds(ftp.dropdeskMs)} (${rate(ftp.dropdeskMs)})`);
  console.log(`    curl -T                    ${seconds(ftp.curlTransferMs)} (${rate(ftp.curlTransferMs)}) = ${seconds(ftp.curlWholeMs)} whole − ${seconds(ftp.curlLoginMs)} login`);
  console.log(`    Dropdesk / curl            ${(ftp.dropdeskMs / ftp.curlTransferMs).toFixed(2)}×`);
  result.ftp = ftp;
  return result;
}
