/**
 * The CLI contract for Microsoft 365: `connection add --auth microsoft-oauth2`
 * then `connection sign-in --name N --json`, the sign-in URL on stderr, the
 * redirect driven by plain HTTP GETs against a fake identity platform on
 * 127.0.0.1, the tokens encrypted with DROPDESK_SECRET_KEY.
 */
import { Readable } from 'node:stream';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/cli-io';
import { cliConnections } from '../../../src-main/cli/commands/queue-cli-context';
import { FakeMicrosoftIdentity } from './fake-microsoft-identity';

const ACCOUNT = 'marie@contoso.fr';
let fake: FakeMicrosoftIdentity | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  fake = null;
  dataDir = null;
});

function cli(args: string[], onStderr?: (all: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => {
      stderr += text;
      onStderr?.(stderr);
    },
    stdin: Readable.from(['']),
  };
  return runCli(args, io).then((code) => ({ code, stdout, stderr }));
}

/** Plays the user's browser once the URL is on stderr. */
function browserOnStderr() {
  let done = false;
  return (all: string) => {
    const url = /^(http:\/\/127\.0\.0\.1:\d+\/\S+\/authorize\?\S+)$/m.exec(all)?.[1];
    if (!url || done) return;
    done = true;
    void (async () => {
      const authorize = await fetch(url, { redirect: 'manual' });
      await (await fetch(authorize.headers.get('location')!)).text();
    })();
  };
}

describe('CLI: Microsoft 365 sign-in of a mail connection', () => {
  it('connection add --auth microsoft-oauth2, then connection sign-in --json', async () => {
    fake = await new FakeMicrosoftIdentity(ACCOUNT).start();
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-oauth-cli-'));
    vi.stubEnv('DD_TEST_KEYID', 'a296464ce012b8ab710a');
    const added = await cli([
      'connection', 'add', '--name', 'M365', '--provider', 'isendpro-mail', '--auth', 'microsoft-oauth2',
      '--oauth-client-id', fake.clientId, '--oauth-tenant', 'contoso.onmicrosoft.com', '--oauth-authority', fake.authority,
      '--smtp-host', '127.0.0.1', '--smtp-port', '2525', '--smtp-user', ACCOUNT,
      '--imap-host', '127.0.0.1', '--imap-port', '1143', '--imap-user', ACCOUNT,
      '--from', 'Boutique <shop@example.fr>', '--keyid-env', 'DD_TEST_KEYID', '--plain', '--data-dir', dataDir, '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).connection.mail).toMatchObject({ auth: 'microsoft-oauth2', oauth: { clientId: fake.clientId, tenant: 'contoso.onmicrosoft.com', status: 'signed-out', account: null } });

    // Without the key the CLI cannot keep the tokens: refused before anything is opened.
    vi.stubEnv('DROPDESK_SECRET_KEY', '');
    const refused = await cli(['connection', 'sign-in', '--name', 'M365', '--data-dir', dataDir, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('DROPDESK_SECRET_KEY');
    expect(fake.counts.authorize).toBe(0);

    vi.stubEnv('DROPDESK_SECRET_KEY', 'a key for the command line, kept by the admin');
    const signed = await cli(['connection', 'sign-in', '--name', 'M365', '--data-dir', dataDir, '--json'], browserOnStderr());
    expect(signed.code, signed.stderr).toBe(0);
    const result = JSON.parse(signed.stdout);
    expect(result.signedIn).toBe(ACCOUNT);
    expect(result.connection).toMatchObject({ name: 'M365', mail: { oauth: { status: 'signed-in', account: ACCOUNT, tokenSource: 'stored' } } });
    expect(signed.stderr).toMatch(/contoso\.onmicrosoft\.com\/oauth2\/v2\.0\/authorize\?/);
    // The tokens are on disk only encrypted, and the next command (a new process' service) can use them.
    const file = await readFile(join(dataDir, 'connections.json'), 'utf8');
    for (const token of fake.issued) expect(file).not.toContain(token);
    for (const token of fake.issued) expect(signed.stdout + signed.stderr).not.toContain(token);
    const settings = await cliConnections(dataDir).resolveMailSettings('M365');
    expect(fake.isValid(ACCOUNT, settings.smtp.accessToken!)).toBe(true);
    expect(settings.imap.user).toBe(ACCOUNT);
  });

  it('refuses --auth values it does not know, and the OAuth options without --auth microsoft-oauth2', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-oauth-cli-'));
    const base = ['connection', 'add', '--name', 'X', '--provider', 'isendpro-mail', '--smtp-host', 'smtp.office365.com', '--smtp-user', 'a@b.fr', '--imap-host', 'outlook.office365.com', '--imap-user', 'a@b.fr', '--from', 'a@b.fr', '--keyid-env', 'K', '--data-dir', dataDir];
    expect((await cli([...base, '--auth', 'kerberos'])).code).toBe(2);
    expect((await cli([...base, '--smtp-password-env', 'P', '--imap-password-env', 'P', '--oauth-tenant', 'contoso'])).code).toBe(2);
    const placeholder = await cli([...base, '--auth', 'microsoft-oauth2', '--json']);
    expect(placeholder.code, placeholder.stderr).toBe(0);
    expect(JSON.parse(placeholder.stdout).connection.mail.oauth).toMatchObject({ clientId: 'a-enregistrer-dans-microsoft-entra', tenant: 'organizations', authority: 'https://login.microsoftonline.com' });
    vi.stubEnv('DROPDESK_SECRET_KEY', 'a key for the command line, kept by the admin');
    const notRegistered = await cli(['connection', 'sign-in', '--name', 'X', '--data-dir', dataDir]);
    expect(notRegistered.code).toBe(2);
    expect(notRegistered.stderr).toContain('Microsoft Entra');
  });
});
