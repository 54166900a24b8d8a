/**
 * The sending settings saved by the app (Paramètres → Envoi, electron-store's
 * <dataDir>/settings.json) are the ones the CLI uses on that workspace: the
 * marketing window, the MediasFlow BOM, the AllMySMS split size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src-main/cli/main';
import { formatParisDateTime, toParisParts } from '@shared/scheduling/paris-time';
import { defaultWorkspaceSettings, type WorkspaceSettings } from '@shared/settings/workspace-settings';
import { listCsv } from '../queue/queue-harness';

let dataDir: string;
let listFile: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

/** What electron-store writes for the app's settings. */
async function saveAppSettings(workspace: Partial<WorkspaceSettings>): Promise<void> {
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ settings: { language: 'fr', lastFolders: {}, windowState: { width: 1280, height: 820, maximized: false }, workspace: { ...defaultWorkspaceSettings, ...workspace } } }));
}

function nextSundayText(): string {
  let at = Date.now() + 86_400_000;
  while (toParisParts(at).isoWeekday !== 7) at += 86_400_000;
  return `${formatParisDateTime(at).slice(0, 10)} 10:00`;
}

const fingerprint = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-settings-cli-'));
  listFile = join(dataDir, 'clients.csv');
  await writeFile(listFile, listCsv(5));
  for (const [name, provider] of [['MF', 'mediasflow-sftp'], ['AM', 'allmysms-sftp']]) {
    const added = await cli('connection', 'add', '--name', name, '--provider', provider, '--host', '127.0.0.1', '--port', '2222', '--user', 'u', '--password-env', 'DD_UNUSED', '--host-key', fingerprint, '--data-dir', dataDir, '--json');
    expect(added.code, added.stderr).toBe(0);
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function preparedFile(jobId: string): Promise<Buffer> {
  const [name] = await readdir(join(dataDir, 'queue', jobId));
  return readFile(join(dataDir, 'queue', jobId, name));
}

describe('CLI drop with the workspace settings', () => {
  it('refuses a Sunday marketing drop by default, accepts it once Sunday is an allowed day', async () => {
    const drop = () => cli('drop', '--connection', 'MF', '--list', listFile, '--name', 'Dimanche', '--template', '2725', '--at', nextSundayText(), '--data-dir', dataDir, '--json');
    const refused = await drop();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('lundi–samedi 8 h–20 h');
    await saveAppSettings({ marketingWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '19:00', alsaceMoselle: false } });
    const accepted = await drop();
    expect(accepted.code, accepted.stderr).toBe(0);
  });

  it('writes the MediasFlow BOM only when the setting asks for it', async () => {
    const drop = async () => JSON.parse((await cli('drop', '--connection', 'MF', '--list', listFile, '--name', 'Bom', '--template', '2725', '--type', 'notification', '--data-dir', dataDir, '--json')).stdout).job as string;
    await saveAppSettings({});
    expect([...(await preparedFile(await drop())).subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    await saveAppSettings({ mediasflowBom: true });
    expect([...(await preparedFile(await drop())).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('splits AllMySMS files at the configured size', async () => {
    const big = join(dataDir, 'big.csv');
    await writeFile(big, listCsv(12_000));
    const message = join(dataDir, 'message.txt');
    await writeFile(message, `Bonjour, ${'voici une longue offre '.repeat(6)}STOP au 36180`);
    const drop = () => cli('drop', '--connection', 'AM', '--list', big, '--name', 'Grosse', '--message-file', message, '--type', 'notification', '--data-dir', dataDir, '--json');
    await saveAppSettings({});
    expect(JSON.parse((await drop()).stdout).jobs).toBeUndefined();
    await saveAppSettings({ allmysmsSplitMebibytes: 0.5 });
    const split = await drop();
    expect(split.stderr).toMatch(/Le fichier dépasse 0,5 Mo : il sera déposé en \d+ fichiers/);
    const jobs = JSON.parse(split.stdout).jobs as { id: string }[];
    expect(jobs.length).toBeGreaterThan(1);
    for (const job of jobs) expect((await preparedFile(job.id)).length).toBeLessThanOrEqual(512 * 1024);
  });
});
