import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionSaveInput, MailConnectionInput } from '@shared/ipc/channels/connections';
import { connectionSaveSchema } from '@shared/ipc/schemas/connections';
import type { SecretCipher } from './connection-types';
import { createConnectionService } from './connection-service';
import { mailTestLine, type MailTestLineKey } from './mail-connection';
import frConnections from '@shared/i18n/fr/connections.json';
import enConnections from '@shared/i18n/en/connections.json';

const fakeCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from(`enc:${text}`).toString('base64'),
  decrypt: (base64) => Buffer.from(base64, 'base64').toString().replace(/^enc:/, ''),
};

const mail: MailConnectionInput = {
  smtp: { host: 'smtp.example.fr', security: 'starttls', user: 'shop@example.fr', password: 'smtp-pass' },
  imap: { host: 'imap.example.fr', security: 'tls', user: 'answers@example.fr', password: 'imap-pass' },
  from: 'Boutique <shop@example.fr>',
  keyid: 'a296464ce012b8ab710a',
};
const input: ConnectionSaveInput = { name: 'iSendPro', provider: 'isendpro-mail', mail };

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-mail-cn-'));
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

describe('isendpro-mail connections in the common store', () => {
  it('encrypts both passwords and the keyid, defaults the answer and iSendPro addresses and the ports', async () => {
    const service = createConnectionService({ dataDir, cipher: fakeCipher, env: {} });
    const { connection: view } = await service.save(input);
    expect(view).toMatchObject({
      provider: 'isendpro-mail',
      profile: 'isendpro-mail',
      host: 'smtp.example.fr',
      passwordSource: 'stored',
      mail: {
        to: 'sendsms@isendpro-api.com',
        emailAck: 'answers@example.fr',
        emailNot: 'answers@example.fr',
        smtp: { port: 587, passwordSource: 'stored' },
        imap: { port: 993, passwordSource: 'stored' },
        keyidSource: 'stored',
        nostop: false,
      },
    });
    expect(JSON.stringify(view)).not.toMatch(/smtp-pass|imap-pass|a296464ce/);
    const onDisk = await readFile(join(dataDir, 'connections.json'), 'utf8');
    expect(onDisk).not.toMatch(/smtp-pass|imap-pass|a296464ce012b8ab710a/);
    const settings = await service.resolveMailSettings('isendpro');
    expect(settings).toMatchObject({ keyid: 'a296464ce012b8ab710a', smtp: { password: 'smtp-pass' }, imap: { password: 'imap-pass' } });
    // Saved again without secrets: the stored ones are kept.
    await service.save({ ...input, id: view.id, mail: { ...mail, smtp: { ...mail.smtp, password: undefined }, imap: { ...mail.imap, password: undefined }, keyid: undefined, nostop: true } });
    expect(await service.resolveMailSettings(view.id)).toMatchObject({ keyid: 'a296464ce012b8ab710a', nostop: true, smtp: { password: 'smtp-pass' } });
    await expect(service.resolveConfig(view.id)).rejects.toMatchObject({ code: 'connection-invalid' });
  });

  it('reads secrets from the environment variables first; asks when none is available', async () => {
    const env: NodeJS.ProcessEnv = { KID: 'from-env', SP: 's', IP: 'i' };
    const service = createConnectionService({ dataDir, env });
    await service.save({ ...input, mail: { ...mail, keyid: undefined, keyidEnv: 'KID', smtp: { ...mail.smtp, password: undefined, passwordEnv: 'SP' }, imap: { ...mail.imap, password: undefined, passwordEnv: 'IP' } } });
    expect((await service.resolveMailSettings('iSendPro')).keyid).toBe('from-env');
    delete env.KID;
    await expect(service.resolveMailSettings('iSendPro')).rejects.toMatchObject({ code: 'password-required' });
  });

  it('refuses plain SMTP/IMAP except on 127.0.0.1, bad addresses, a missing keyid, a taken name', async () => {
    const service = createConnectionService({ dataDir, cipher: fakeCipher, env: {} });
    await service.save({ name: 'MediasFlow', provider: 'mediasflow-sftp', host: 'sftp.example.fr', user: 'u', passwordEnv: 'X' });
    await expect(service.save({ ...input, mail: { ...mail, smtp: { ...mail.smtp, security: 'plain' } } })).rejects.toMatchObject({ params: { field: 'smtp.security' } });
    await expect(service.save({ ...input, mail: { ...mail, imap: { ...mail.imap, security: 'plain' } } })).rejects.toMatchObject({ params: { field: 'imap.security' } });
    const local = { ...mail, smtp: { ...mail.smtp, host: '127.0.0.1', security: 'plain' as const }, imap: { ...mail.imap, host: '127.0.0.1', security: 'plain' as const } };
    await expect(service.save({ ...input, mail: local })).resolves.toMatchObject({ connection: { mail: { smtp: { port: 25 } } } });
    await expect(service.save({ ...input, name: 'x', mail: { ...mail, from: 'pas une adresse' } })).rejects.toMatchObject({ params: { field: 'from' } });
    await expect(service.save({ ...input, name: 'y', mail: { ...mail, keyid: undefined } })).rejects.toMatchObject({ params: { field: 'keyid' } });
    await expect(service.save({ ...input, name: 'mediasflow' })).rejects.toMatchObject({ code: 'connection-name-taken' });
    await expect(service.save({ name: 'z', provider: 'isendpro-mail' })).rejects.toMatchObject({ params: { field: 'mail' } });
  });

  it('without encryption on this computer, typed secrets are kept for the session only (never on disk)', async () => {
    const service = createConnectionService({ dataDir, env: {} });
    const saved = await service.save(input);
    expect(saved).toMatchObject({ password: 'session-only', connection: { passwordSource: 'session', mail: { keyidSource: 'session' } } });
    expect(await readFile(join(dataDir, 'connections.json'), 'utf8')).not.toMatch(/smtp-pass|imap-pass|a296464ce/);
    expect((await service.resolveMailSettings('iSendPro')).smtp.password).toBe('smtp-pass');
    await expect(createConnectionService({ dataDir, env: {} }).resolveMailSettings('iSendPro')).rejects.toMatchObject({ code: 'password-required' });
  });

  it('the IPC schema takes the nested mail fields and refuses unknown ones', () => {
    expect(connectionSaveSchema.safeParse(input).success).toBe(true);
    expect(connectionSaveSchema.safeParse({ ...input, mail: { ...mail, smtpHost: 'x' } }).success).toBe(false);
  });

  it('moves the previous separate store (<data-dir>/isendpro/connections.json) into the common one once, ids and secrets kept', async () => {
    await mkdir(join(dataDir, 'isendpro'), { recursive: true });
    const legacyPath = join(dataDir, 'isendpro', 'connections.json');
    const server = (host: string, env: string) => ({ host, port: 465, security: 'tls', user: 'shop@example.fr', password: { env, encrypted: null } });
    await writeFile(
      legacyPath,
      JSON.stringify({
        formatVersion: 1,
        connections: [{ id: 'cnold1', name: 'iSendPro', provider: 'isendpro-mail', smtp: server('smtp.example.fr', 'SP'), imap: server('imap.example.fr', 'IP'), from: 'shop@example.fr', replyTo: null, to: 'sendsms@isendpro-api.com', emailAck: 'shop@example.fr', emailNot: 'shop@example.fr', keyid: { env: 'KID', encrypted: null }, nostop: false, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }],
      }),
    );
    const service = createConnectionService({ dataDir, env: { SP: 's', IP: 'i', KID: 'k' } });
    const [moved] = await service.list();
    expect(moved).toMatchObject({ id: 'cnold1', provider: 'isendpro-mail', mail: { smtp: { host: 'smtp.example.fr', passwordEnv: 'SP' }, keyidEnv: 'KID' } });
    expect((await service.resolveMailSettings('cnold1')).keyid).toBe('k');
    await expect(stat(legacyPath)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await createConnectionService({ dataDir }).list()).toHaveLength(1);
  });
});

describe('« Tester la connexion » lines (mail.test.* in the connections catalogues)', () => {
  const keys: MailTestLineKey[] = ['smtpOk', 'smtpRefused', 'smtpOauthRefused', 'smtpUnreachable', 'imapOk', 'imapRefused', 'imapOauthRefused', 'imapUnreachable'];

  it('gives each line its catalogue key, its values and the French text of that key', () => {
    expect(mailTestLine(true, 'smtpOk')).toEqual({ ok: true, message: "Connexion au serveur d'envoi réussie (aucun e-mail envoyé).", messageKey: 'mail.test.smtpOk', params: {} });
    expect(mailTestLine(false, 'imapUnreachable', { detail: 'connect ECONNREFUSED 127.0.0.1:1143' })).toEqual({
      ok: false,
      message: 'Boîte de réception injoignable : connect ECONNREFUSED 127.0.0.1:1143',
      messageKey: 'mail.test.imapUnreachable',
      params: { detail: 'connect ECONNREFUSED 127.0.0.1:1143' },
    });
  });

  it('has every key in French and in English, with the same values', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);
    for (const key of keys) {
      const french = frConnections.mail.test[key];
      const english = enConnections.mail.test[key];
      expect(french, key).toBeTruthy();
      expect(english, key).toBeTruthy();
      expect(placeholders(english), key).toEqual(placeholders(french));
    }
  });
});
