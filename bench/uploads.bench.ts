/**
 * Drop uploads (issue 10): a 39.4 MB drop file, generated once into
 * .bench-data/, uploaded
 *   - over SFTP to Debian's sshd on 127.0.0.1 (the tests' throw-away config,
 *     key login): Dropdesk's exactly-once drop (temp name, size check, rename,
 *     progress as the queue reports it) vs OpenSSH's `sftp put` (batch mode)
 *     vs ssh2-sftp-client's `fastPut` (its defaults), on loopback and through
 *     a relay that holds every chunk 15 ms each way (30 ms round trip);
 *   - over FTP to the tests' ftp-srv server: Dropdesk vs `curl -T`.
 * The relay and the FTP server run in their own processes, the SFTP uploads
 * land in /dev/shm when there is one. The clients take turns within each run,
 * each run starting with the next client; each figure is the median of
 * BENCH_UPLOAD_RUNS runs (5 by default). `transfer` is the upload step alone, log-in and process
 * start-up left out on both sides: Dropdesk's is its fs.upload call within the
 * exactly-once drop (open, writes, close); sftp's from the moment it echoes the
 * `put` of its batch to the echo of the next command (its stdout is line
 * buffered); curl's is its own time_total − time_pretransfer, Dropdesk's FTP
 * upload is timed from the first byte basic-ftp pulls. `client CPU` is
 * the CPU the client spent on the transfer (sftp: the sftp and ssh processes,
 * minus a session that only logs in), a figure the machine's load changes
 * far less than the elapsed time. Nothing is asserted.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import SftpClient from 'ssh2-sftp-client';
import { dropFileExactlyOnce } from '../src-main/connectors/exactly-once-upload';
import { FtpFileSystem } from '../src-main/connectors/ftp-file-system';
import { SftpFileSystem } from '../src-main/connectors/sftp-file-system';
import { OpenSshTestServer, sshdUnavailableReason } from '../test/integration/servers/openssh-test-server';

const run$ = promisify(execFile);
const DROP_BYTES = 39_400_000;
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 5);
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

/** CPU time (ms) of this process's waited-for children (Linux /proc; NaN elsewhere): sftp and the ssh it runs. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of proc(5), in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Runs OpenSSH's sftp on a batch `pwd`, COMMAND, `pwd` and times COMMAND from
 * the echo of its line to the echo of the next one (sftp echoes each batch
 * line before running it and its stdout is line buffered): log-in and exit
 * are left out. Also returns the whole command's time and its client CPU.
 */
function timedSftpBatch(args: string[], command: string): Promise<{ stepMs: number; wholeMs: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn('sftp', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let stepStarted = 0;
    let stepEnded = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      output += text;
      const echoed = output.indexOf(`sftp> ${command}`);
      if (echoed < 0) return;
      stepStarted ||= performance.now();
      if (!stepEnded && output.indexOf('sftp> pwd', echoed) >= 0) stepEnded = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      const wholeMs = performance.now() - started;
      if (code !== 0 || !stepStarted || !stepEnded) reject(new Error(`sftp ${command}: exit ${code}, ${errors.trim() || output.trim()}`));
      else resolve({ stepMs: stepEnded - stepStarted, wholeMs, cpuMs: childrenCpuMs() - cpuBefore });
    });
    child.stdin.end(`pwd\n${command}\npwd\n`);
  });
}

interface SftpFigures {
  dropdeskTransferMs: number;
  dropdeskDropMs: number;
  dropdeskClientCpuMs: number;
  fastPutMs: number;
  sftpPutTransferMs: number;
  sftpPutWholeMs: number;
  sftpPutClientCpuMs: number;
}

async function measureSftp(server: OpenSshTestServer, port: number, dropFile: string, data: Buffer, scratch: string): Promise<SftpFigures> {
  // In memory when the machine has /dev/shm: the disk's write-back is the same for every client but adds noise between runs.
  const remoteFolder = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/dropdesk-bench-') : join(server.dropRoot, 'bench');
  await mkdir(remoteFolder, { recursive: true });
  const keyFile = join(scratch, 'client_key');
  const knownHosts = join(scratch, 'known_hosts');
  // The batch comes on stdin (-b -): sftp echoes each line, which times the put alone.
  const sftpArgs = [
    '-b', '-', '-i', keyFile, '-P', String(port),
    '-o', 'BatchMode=yes', '-o', 'HostKeyAlias=dropdesk-bench', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes',
    `${server.username}@127.0.0.1`,
  ];
  const putCommand = `put ${dropFile} ${remoteFolder}/sftp-put.csv`;
  const config = { protocol: 'sftp' as const, host: '127.0.0.1', port, username: server.username, privateKey: server.clientPrivateKey, pinnedHostKey: server.hostKeyFingerprint, timeoutMs: 30_000 };

  const runs: Record<keyof SftpFigures | 'sftpLoginCpuMs', number[]> = {
    dropdeskTransferMs: [], dropdeskDropMs: [], dropdeskClientCpuMs: [], fastPutMs: [], sftpPutTransferMs: [], sftpPutWholeMs: [], sftpPutClientCpuMs: [], sftpLoginCpuMs: [],
  };
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    await rm(remoteFolder, { recursive: true, force: true });
    await mkdir(remoteFolder, { recursive: true });

    // The three clients take turns, each run starting with the next one: none always comes first or last.
    const clients = [
      async () => {
        // Dropdesk: the queue's exactly-once drop of the job's bytes, progress throttled as the file-drop driver does;
        // the transfer is its fs.upload call alone (open, writes, close), not the scan or the stale-temp removal before it.
        const fs = new SftpFileSystem(config, { operationTimeoutMs: 120_000 });
        await fs.connect();
        let uploadMs = 0;
        let uploadCpu = { user: 0, system: 0 };
        const upload = fs.upload.bind(fs);
        fs.upload = async (...args: Parameters<SftpFileSystem['upload']>) => {
          const cpuBefore = process.cpuUsage();
          const started = performance.now();
          await upload(...args);
          uploadMs = performance.now() - started;
          uploadCpu = process.cpuUsage(cpuBefore);
        };
        let lastProgressAt = 0;
        let progressed = 0;
        const dropStarted = performance.now();
        await dropFileExactlyOnce({
          fs,
          folder: remoteFolder,
          finalName: `dropdesk-${runIndex}.csv`,
          tempName: `dropdesk-${runIndex}.csv.tmp`,
          data,
          searchFolders: [],
          recognise: () => false,
          onProgress: (bytes, total) => {
            const at = Date.now();
            if (at - lastProgressAt < 200 && bytes < total) return;
            lastProgressAt = at;
            progressed = bytes;
          },
        });
        if (progressed !== DROP_BYTES) throw new Error(`progress ended at ${progressed} bytes instead of ${DROP_BYTES}`);
        runs.dropdeskDropMs.push(performance.now() - dropStarted);
        runs.dropdeskTransferMs.push(uploadMs);
        runs.dropdeskClientCpuMs.push((uploadCpu.user + uploadCpu.system) / 1000);
        await fs.close();
      },
      async () => {
        // ssh2-sftp-client's fastPut with its defaults (64 × 32 KiB), reading the file.
        const client = new SftpClient('bench', { error: () => undefined, end: () => undefined, close: () => undefined });
        await client.connect({ host: '127.0.0.1', port, username: server.username, privateKey: server.clientPrivateKey, readyTimeout: 30_000 });
        const fastPutStarted = performance.now();
        await client.fastPut(dropFile, `${remoteFolder}/fastput-${runIndex}.csv`);
        runs.fastPutMs.push(performance.now() - fastPutStarted);
        await client.end();
      },
      async () => {
        // OpenSSH's sftp in batch mode: the put alone, and a session that only logs in (for its CPU).
        const put = await timedSftpBatch(sftpArgs, putCommand);
        runs.sftpPutTransferMs.push(put.stepMs);
        runs.sftpPutWholeMs.push(put.wholeMs);
        runs.sftpPutClientCpuMs.push(put.cpuMs);
        runs.sftpLoginCpuMs.push((await timedSftpBatch(sftpArgs, 'pwd')).cpuMs);
      },
    ];
    for (let turn = 0; turn < clients.length; turn++) await clients[(runIndex + turn) % clients.length]();
  }
  const sizes = [readFileSync(join(remoteFolder, `dropdesk-${RUNS - 1}.csv`)).length, readFileSync(join(remoteFolder, 'sftp-put.csv')).length];
  if (sizes.some((size) => size !== DROP_BYTES)) throw new Error(`uploaded sizes ${sizes.join(', ')} instead of ${DROP_BYTES}`);
  await rm(remoteFolder, { recursive: true, force: true });
  const { sftpLoginCpuMs, ...figures } = Object.fromEntries(Object.entries(runs).map(([key, values]) => [key, median(values)])) as Record<keyof typeof runs, number>;
  return { ...figures, sftpPutClientCpuMs: figures.sftpPutClientCpuMs - sftpLoginCpuMs };
}

/** Runs `curl -T` and returns its own timings: the transfer (time_total − time_pretransfer: log-in, EPSV/PASV and STOR before it) and the whole. */
async function timedCurlUpload(args: string[]): Promise<{ transferMs: number; wholeMs: number }> {
  const { stdout } = await run$('curl', [...args, '-w', '%{time_pretransfer} %{time_total}'], { maxBuffer: 1024 * 1024 });
  const [pretransfer, total] = stdout.trim().split(/\s+/).map((value) => Number(value) * 1000);
  if (!(total >= pretransfer)) throw new Error(`curl printed no timings: ${stdout}`);
  return { transferMs: total - pretransfer, wholeMs: total };
}

async function measureFtp(dropFile: string, data: Buffer): Promise<{ dropdeskMs: number; curlTransferMs: number; curlWholeMs: number }> {
  const { child, info } = await startChild(['ftp']);
  try {
    const { port, username, password, root } = info as { port: number; username: string; password: string; root: string };
    const url = `ftp://127.0.0.1:${port}`;
    const dropdesk: number[] = [];
    const curlTransfer: number[] = [];
    const curlWhole: number[] = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex++) {
      const dropdeskUpload = async () => {
        const fs = new FtpFileSystem({ protocol: 'ftp', host: '127.0.0.1', port, username, password, timeoutMs: 120_000 });
        await fs.connect();
        // The bytes and the 226, as curl's figure: timed from the moment basic-ftp pulls the first byte (after
        // EPSV/PASV, STOR and the 150, the steps curl's time_pretransfer covers). One chunk, as upload() makes of a Buffer.
        let firstRead = 0;
        const source = new Readable({
          read() {
            firstRead ||= performance.now();
            this.push(data);
            this.push(null);
          },
        });
        await fs.upload(`dropdesk-${runIndex}.csv`, source);
        dropdesk.push(performance.now() - firstRead);
        await fs.close();
      };
      const curlUpload = async () => {
        const curl = await timedCurlUpload(['-sS', '--user', `${username}:${password}`, '-T', dropFile, `${url}/curl-${runIndex}.csv`]);
        curlTransfer.push(curl.transferMs);
        curlWhole.push(curl.wholeMs);
      };
      // Turns swap each run: neither client always goes first.
      for (const upload of runIndex % 2 ? [curlUpload, dropdeskUpload] : [dropdeskUpload, curlUpload]) await upload();
    }
    const sizes = [(await readFile(join(root, `dropdesk-${RUNS - 1}.csv`))).length, (await readFile(join(root, `curl-${RUNS - 1}.csv`))).length];
    if (sizes.some((size) => size !== DROP_BYTES)) throw new Error(`FTP uploaded sizes ${sizes.join(', ')} instead of ${DROP_BYTES}`);
    return { dropdeskMs: median(dropdesk), curlTransferMs: median(curlTransfer), curlWholeMs: median(curlWhole) };
  } finally {
    child.kill('SIGTERM');
  }
}

function printSftp(label: string, figures: SftpFigures): void {
  const ratio = (figures.dropdeskTransferMs / figures.sftpPutTransferMs).toFixed(2);
  console.log(`  SFTP ${label}:`);
  console.log(`    Dropdesk transfer          ${seconds(figures.dropdeskTransferMs)} (${rate(figures.dropdeskTransferMs)}), whole exactly-once drop ${seconds(figures.dropdeskDropMs)}`);
  console.log(`    ssh2-sftp-client fastPut   ${seconds(figures.fastPutMs)} (${rate(figures.fastPutMs)})`);
  console.log(`    OpenSSH sftp put           ${seconds(figures.sftpPutTransferMs)} (${rate(figures.sftpPutTransferMs)}), whole command with log-in ${seconds(figures.sftpPutWholeMs)}`);
  console.log(`    Dropdesk / sftp put        ${ratio}× (target ≤ 1.25×)`);
  console.log(`    client CPU, transfer       Dropdesk ${Math.round(figures.dropdeskClientCpuMs)} ms, sftp + ssh ${Math.round(figures.sftpPutClientCpuMs)} ms`);
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
  console.log(`    curl -T                    ${seconds(ftp.curlTransferMs)} (${rate(ftp.curlTransferMs)}), whole command with log-in ${seconds(ftp.curlWholeMs)}`);
  console.log(`    Dropdesk / curl            ${(ftp.dropdeskMs / ftp.curlTransferMs).toFixed(2)}× (target ≤ 1.25×)`);
  result.ftp = ftp;
  return result;
}
