/**
 * The CLI contract for iSendPro mail-to-SMS, end to end against the local
 * iSendPro box and Dovecot: connection add → drop → queue run --until-idle →
 * queue status → report, each printing one JSON document on stdout.
 */
import { Readable } from 'node:stream';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/cli-io';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();
let world: IsendproWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdin: Readable.from(['']) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe.skipIf(unavailable !== null)('CLI with an isendpro-mail connection', () => {
  it('connection add, drop of 1,200 personalised recipients, queue run, queue status, report', async () => {
    world = await startIsendproWorld();
    const w = world;
    process.env.DD_TEST_SMTP_PASSWORD = w.settings.smtp.password;
    process.env.DD_TEST_IMAP_PASSWORD = w.settings.imap.password;
    process.env.DD_TEST_KEYID = w.settings.keyid;
    const added = await cli([
      'connection', 'add', '--name', 'iSendPro', '--provider', 'isendpro-mail',
      '--smtp-host', '127.0.0.1', '--smtp-port', String(w.settings.smtp.port), '--smtp-user', w.settings.smtp.user, '--smtp-password-env', 'DD_TEST_SMTP_PASSWORD',
      '--imap-host', '127.0.0.1', '--imap-port', String(w.settings.imap.port), '--imap-user', w.settings.imap.user, '--imap-password-env', 'DD_TEST_IMAP_PASSWORD',
      '--from', 'Boutique <shop@example.fr>', '--keyid-env', 'DD_TEST_KEYID', '--plain', '--data-dir', w.dataDir, '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const connection = JSON.parse(added.stdout).connection;
    expect(connection).toMatchObject({ provider: 'isendpro-mail', mail: { to: 'sendsms@isendpro-api.com', emailAck: w.settings.imap.user, keyidEnv: 'DD_TEST_KEYID' } });
    // One store for every connection.
    expect(JSON.parse(await readFile(join(w.dataDir, 'connections.json'), 'utf8')).connections.map((c: { name: string }) => c.name)).toEqual(['iSendPro']);
    expect(added.stdout).not.toContain(w.settings.keyid);

    const lines = ['Prénom;Mobile'];
    for (let i = 0; i < 1200; i++) lines.push(`Client${i};06${String(i).padStart(8, '0')}`);
    lines.push('Belge;+32470123456');
    const listFile = join(w.dataDir, 'liste.csv');
    const messageFile = join(w.dataDir, 'message.txt');
    await writeFile(listFile, `${lines.join('\r\n')}\r\n`);
    await writeFile(messageFile, 'Bonjour ${Prénom}, -20 % ce week-end !\n');
    const dropped = await cli(['drop', '--connection', 'iSendPro', '--list', listFile, '--name', 'Soldes hiver', '--message-file', messageFile, '--type', 'notification', '--data-dir', w.dataDir, '--json']);
    expect(dropped.code, dropped.stderr).toBe(0);
    const { job, state } = JSON.parse(dropped.stdout);
    expect(state).toBe('queued');
    expect(dropped.stderr).toContain('1200 destinataires en 3 e-mails');
    expect(dropped.stderr).toContain('Laissés de côté car étrangers : 1 numéro');

    const ran = await cli(['queue', 'run', '--until-idle', '--data-dir', w.dataDir, '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(w.box.mails).toHaveLength(3);
    expect(w.box.mails.every((mail) => mail.accepted)).toBe(true);
    expect(w.box.messages.get('0600000042')).toBe('Bonjour Client42, -20 % ce week-end !');

    const status = await cli(['queue', 'status', '--data-dir', w.dataDir, '--json']);
    const line = JSON.parse(status.stdout).jobs.find((entry: { id: string }) => entry.id === job);
    expect(line).toMatchObject({ state: 'accepted', connection: 'iSendPro', reason: null });
    expect(line.batches.map((batch: { recipients: number; ack: number }) => [batch.recipients, batch.ack])).toEqual([[500, 0], [500, 0], [200, 0]]);

    const report = await cli(['report', '--job', job, '--data-dir', w.dataDir, '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ jobId: job, recipients: 1200, answered: 1200, byCode: { '0': 1200 }, categories: { sentUnconfirmed: 1200 }, stop: 0, clicks: 0 });

    // Nothing is sent twice by a second run.
    await cli(['queue', 'run', '--until-idle', '--data-dir', w.dataDir, '--json']);
    expect(w.box.mails).toHaveLength(3);
  });

  it('refuses a marketing drop outside the window (exit 2, next slot on stderr, nothing on stdout)', async () => {
    world = await startIsendproWorld();
    // Only the refusal path is checked: it does not depend on the clock when --at is a Sunday.
    const w = world;
    process.env.DD_TEST_KEYID = 'k';
    process.env.DD_TEST_SMTP_PASSWORD = 'x';
    process.env.DD_TEST_IMAP_PASSWORD = 'y';
    await cli(['connection', 'add', '--name', 'iSendPro', '--provider', 'isendpro-mail', '--smtp-host', '127.0.0.1', '--smtp-port', '2525', '--smtp-user', 'u@example.fr', '--smtp-password-env', 'DD_TEST_SMTP_PASSWORD', '--imap-host', '127.0.0.1', '--imap-user', 'a@example.fr', '--imap-password-env', 'DD_TEST_IMAP_PASSWORD', '--from', 'u@example.fr', '--keyid-env', 'DD_TEST_KEYID', '--plain', '--data-dir', w.dataDir]);
    const listFile = join(w.dataDir, 'l.csv');
    const messageFile = join(w.dataDir, 'm.txt');
    await writeFile(listFile, 'Mobile\r\n0612345678\r\n');
    await writeFile(messageFile, 'Soldes !');
    const year = new Date().getUTCFullYear() + 1;
    const day = [4, 5, 6, 7, 8, 9, 10].find((d) => new Date(Date.UTC(year, 0, d)).getUTCDay() === 0)!;
    const sunday = `${year}-01-${String(day).padStart(2, '0')} 10:00`;
    const dropped = await cli(['drop', '--connection', 'iSendPro', '--list', listFile, '--name', 'Soldes', '--message-file', messageFile, '--sender', 'Boutique', '--at', sunday, '--data-dir', w.dataDir, '--json']);
    expect(dropped.stdout).toBe('');
    expect(dropped.code).toBe(2);
    expect(dropped.stderr).toContain('Prochain créneau autorisé');
  });
});
