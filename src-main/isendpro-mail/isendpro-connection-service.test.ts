import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretCipher } from '../connections/connection-types';
import { createIsendproConnectionService, type IsendproConnectionInput } from './isendpro-connection-service';

const fakeCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from(`enc:${text}`).toString('base64'),
  decrypt: (base64) => Buffer.from(base64, 'base64').toString().replace(/^enc:/, ''),
};

const input: IsendproConnectionInput = {
  name: 'iSendPro',
  smtp: { host: 'smtp.example.fr', security: 'starttls', user: 'shop@example.fr', password: 'smtp-pass' },
  imap: { host: 'imap.example.fr', security: 'tls', user: 'answers@example.fr', password: 'imap-pass' },
  from: 'Boutique <shop@example.fr>',
  keyid: 'a296464ce012b8ab710a',
};

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-isendpro-cn-'));
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

describe('isendpro-mail connections', () => {
  it('encrypts both passwords and the keyid, defaults the answer and iSendPro addresses and the ports', async () => {
    const service = createIsendproConnectionService({ dataDir, cipher: fakeCipher, env: {} });
    const view = await service.save(input);
    expect(view).toMatchObject({
      to: 'sendsms@isendpro-api.com',
      emailAck: 'answers@example.fr',
      emailNot: 'answers@example.fr',
      smtp: { port: 587, passwordSource: 'stored' },
      imap: { port: 993, passwordSource: 'stored' },
      keyidSource: 'stored',
      nostop: false,
    });
    expect(JSON.stringify(view)).not.toMatch(/smtp-pass|imap-pass|a296464ce/);
    const onDisk = await readFile(join(dataDir, 'isendpro', 'connections.json'), 'utf8');
    expect(onDisk).not.toMatch(/smtp-pass|imap-pass|a296464ce012b8ab710a/);
    const settings = await service.resolveSettings('isendpro');
    expect(settings).toMatchObject({ keyid: 'a296464ce012b8ab710a', smtp: { password: 'smtp-pass' }, imap: { password: 'imap-pass' } });
  });

  it('reads secrets from the environment variables first; asks when none is available', async () => {
    const env: NodeJS.ProcessEnv = { KID: 'from-env', SP: 's', IP: 'i' };
    const service = createIsendproConnectionService({ dataDir, env });
    await service.save({ ...input, keyid: undefined, keyidEnv: 'KID', smtp: { ...input.smtp, password: undefined, passwordEnv: 'SP' }, imap: { ...input.imap, password: undefined, passwordEnv: 'IP' } });
    expect((await service.resolveSettings('iSendPro')).keyid).toBe('from-env');
    delete env.KID;
    await expect(service.resolveSettings('iSendPro')).rejects.toMatchObject({ code: 'password-required' });
  });

  it('refuses plain SMTP/IMAP except on 127.0.0.1, bad addresses, a missing keyid, a taken name', async () => {
    const service = createIsendproConnectionService({ dataDir, cipher: fakeCipher, env: {}, otherNames: async () => ['MediasFlow'] });
    await expect(service.save({ ...input, smtp: { ...input.smtp, security: 'plain' } })).rejects.toMatchObject({ params: { field: 'smtp.security' } });
    await expect(service.save({ ...input, imap: { ...input.imap, security: 'plain' } })).rejects.toMatchObject({ params: { field: 'imap.security' } });
    await expect(service.save({ ...input, smtp: { ...input.smtp, host: '127.0.0.1', security: 'plain' }, imap: { ...input.imap, host: '127.0.0.1', security: 'plain' } })).resolves.toMatchObject({ smtp: { port: 25 } });
    await expect(service.save({ ...input, name: 'x', from: 'pas une adresse' })).rejects.toMatchObject({ params: { field: 'from' } });
    await expect(service.save({ ...input, name: 'y', keyid: undefined })).rejects.toMatchObject({ params: { field: 'keyid' } });
    await expect(service.save({ ...input, name: 'mediasflow' })).rejects.toMatchObject({ code: 'connection-name-taken' });
  });
});
