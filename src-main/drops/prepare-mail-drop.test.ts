/**
 * drops:prepare / drops:submit with an iSendPro mail-to-SMS connection, at
 * the handler level: the summary the user confirms (batches, foreign
 * numbers, window, typed text) and ONE queued job whose batches are exactly
 * those the CLI `drop` makes for the same list and message.
 */
import { Readable } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DropRequestInput } from '@shared/ipc/channels/queue';
import { runCli } from '../cli/main';
import type { CliIo } from '../cli/cli-io';
import { createConnectionService } from '../connections/connection-service';
import { createQueue } from '../queue/queue-runtime';
import { createQueueHandlers } from '../queue/queue-handlers';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import type { MainDeps } from '../main-deps';
import { loadList } from './prepare-drop';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-mail-drop-'));
  process.env.DD_MAILDROP_SMTP = 'smtp-secret';
  process.env.DD_MAILDROP_IMAP = 'imap-secret';
  process.env.DD_MAILDROP_KEYID = 'a296464ce012b8ab710a';
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: Readable.from(['']) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

async function setUp() {
  const added = await cli([
    'connection', 'add', '--name', 'iSendPro', '--provider', 'isendpro-mail',
    '--smtp-host', '127.0.0.1', '--smtp-port', '2525', '--smtp-user', 'shop@example.fr', '--smtp-password-env', 'DD_MAILDROP_SMTP',
    '--imap-host', '127.0.0.1', '--imap-port', '1143', '--imap-user', 'answers@example.fr', '--imap-password-env', 'DD_MAILDROP_IMAP',
    '--from', 'Boutique <shop@example.fr>', '--keyid-env', 'DD_MAILDROP_KEYID', '--plain', '--data-dir', dataDir, '--json',
  ]);
  expect(added.code, added.stderr).toBe(0);
  const connectionId: string = JSON.parse(added.stdout).connection.id;
  const lines = ['Prénom;Mobile'];
  for (let i = 0; i < 1200; i++) lines.push(`Client${i};06${String(i).padStart(8, '0')}`);
  lines.push('Belge;+32470123456');
  lines.push('Doublon;0600000007');
  const listFile = join(dataDir, 'liste.csv');
  await writeFile(listFile, `${lines.join('\r\n')}\r\n`);
  const messageFile = join(dataDir, 'message.txt');
  const message = 'Bonjour ${Prénom}, -20 % ce week-end !';
  await writeFile(messageFile, `${message}\n`);
  const connections = createConnectionService({ dataDir, env: process.env });
  const queue = createQueue({ dataDir, connections, log: () => undefined });
  const deps: MainDeps = { dataDir, appVersion: 'test', settings: createMemorySettingsStore(), log: () => undefined, emit: () => undefined, dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null } };
  // The saved list "liste" is the same file the CLI drops.
  const handlers = createQueueHandlers(deps, { queue, connections, lists: { load: async () => loadList({ file: listFile }, { dataDir }) } });
  return { connectionId, listFile, messageFile, message, queue, handlers };
}

describe('drops:prepare / drops:submit on an iSendPro mail-to-SMS connection', () => {
  it('summarises the batches, foreign numbers and typed text, and queues ONE job with the batches the CLI makes', async () => {
    const { connectionId, listFile, messageFile, message, queue, handlers } = await setUp();
    const input: DropRequestInput = { listId: 'liste', connectionId, campaignName: 'Soldes hiver', message: { text: message }, type: 'notification', channel: 'sms' };
    const summary = await handlers['drops:prepare']!(input);
    expect(summary.blocking).toEqual([]);
    expect(summary.provider).toBe('isendpro-mail');
    expect(summary.messageSource).toBe('typed');
    expect(summary.recipients).toBe(1200);
    expect(summary.mail).toEqual({ mails: 3, perMail: 500, leftOutForeign: 1, leftOutForeignLines: [1201] });
    expect(summary.excluded.duplicates).toBe(1);
    expect(summary.preview?.text).toBe('Bonjour Client0, -20 % ce week-end !');
    expect(summary.window).toEqual({ ok: true, exempt: true });
    expect(summary.remoteFolder).toBe('sendsms@isendpro-api.com');
    expect(summary.files.map((file) => file.recipients)).toEqual([500, 500, 200]);
    const words = summary.warnings.map((warning) => warning.message);
    expect(words).toContain('3 e-mails de 500 destinataires au plus, envoyés à sendsms@isendpro-api.com.');
    expect(words).toContain('1 numéro étranger laissé de côté : iSendPro ne prend que des numéros français sur 10 chiffres (lignes 1201).');
    expect(summary.credits).toBe(1200);

    const submitted = await handlers['drops:submit']!(input);
    expect(submitted.jobs).toHaveLength(1);
    const appJob = await queue.get(submitted.jobs[0].id);

    const dropped = await cli(['drop', '--connection', 'iSendPro', '--list', listFile, '--name', 'Soldes hiver', '--message-file', messageFile, '--type', 'notification', '--data-dir', dataDir, '--json']);
    expect(dropped.code, dropped.stderr).toBe(0);
    const cliJob = await queue.get(JSON.parse(dropped.stdout).job);

    const shape = (job: typeof appJob) => job.mail!.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong, state: batch.state }));
    expect(appJob.providerId).toBe('isendpro-mail');
    expect(shape(appJob)).toEqual(shape(cliJob));
    expect(appJob.mail!.batches.map((batch) => batch.recipients.length)).toEqual([500, 500, 200]);
    expect(appJob.mail!.batches[0].recipients[42]).toEqual({ number: '0600000042', message: 'Bonjour Client42, -20 % ce week-end !' });
    expect({ recipients: appJob.mail!.recipients, leftOutForeign: appJob.mail!.leftOutForeign }).toEqual({ recipients: cliJob.mail!.recipients, leftOutForeign: cliJob.mail!.leftOutForeign });
    // Every batch has its own emailId, allocated once for the install.
    const ids = [...appJob.mail!.batches, ...cliJob.mail!.batches].map((batch) => batch.emailId);
    expect(new Set(ids).size).toBe(6);
    expect(appJob.state).toBe(cliJob.state);
    expect(appJob.listId).toBe('liste');
  });

  it('a marketing campaign outside the window: the summary gives the next slot and submit refuses unless the user chose to hold it', async () => {
    const { connectionId, message, queue, handlers } = await setUp();
    const year = new Date().getUTCFullYear() + 1;
    const day = [4, 5, 6, 7, 8, 9, 10].find((d) => new Date(Date.UTC(year, 0, d)).getUTCDay() === 0)!;
    const sunday = new Date(Date.UTC(year, 0, day, 9, 0)).toISOString();
    const input: DropRequestInput = { listId: 'liste', connectionId, campaignName: 'Soldes', message: { text: message, sender: 'Boutique' }, type: 'marketing', channel: 'sms', programmedAt: sunday };
    const summary = await handlers['drops:prepare']!(input);
    expect(summary.window.ok).toBe(false);
    if (summary.window.ok) return;
    expect(new Date(summary.window.nextAllowedSlot!).getTime()).toBeGreaterThan(new Date(sunday).getTime());
    expect(summary.warnings.map((warning) => warning.code)).toContain('outside-send-window');
    await expect(handlers['drops:submit']!(input)).rejects.toMatchObject({ code: 'outside-send-window' });
    expect(await queue.list()).toHaveLength(0);
    const held = await handlers['drops:submit']!({ ...input, allowOutsideWindow: true });
    const job = await queue.get(held.jobs[0].id);
    // Queued in Dropdesk's own queue, not sent before the programmed time; the mail driver then holds a
    // first send outside the window until the next allowed slot (mail-send.ts, isendproSendableAt).
    expect(job.providerId).toBe('isendpro-mail');
    expect(job.state).toBe('waiting');
    expect(job.mail!.batches.every((batch) => batch.notBefore === sunday && batch.sendAttempts === 0)).toBe(true);
  });
});
