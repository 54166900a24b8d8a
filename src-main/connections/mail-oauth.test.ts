import { describe, expect, it } from 'vitest';
import type { MailConnectionInput } from '@shared/ipc/channels/connections';
import type { StoredMailConnection, StoredMailOAuth } from './connection-types';
import { buildStoredOAuth, oauthView } from './mail-oauth';
import { keyCipher } from './key-cipher';
import { unavailableCipher } from './connection-types';

const input = (over: Partial<MailConnectionInput> = {}): MailConnectionInput => ({
  smtp: { host: 'smtp.office365.com', security: 'starttls', user: 'Marie@Contoso.fr' },
  imap: { host: 'outlook.office365.com', user: 'marie@contoso.fr' },
  from: 'marie@contoso.fr',
  keyid: 'k',
  auth: 'microsoft-oauth2',
  ...over,
});
const signedIn: StoredMailOAuth = {
  provider: 'microsoft',
  clientId: 'app-1',
  tenant: 'organizations',
  authority: 'https://login.microsoftonline.com',
  account: 'marie@contoso.fr',
  refreshToken: 'sealed-r',
  accessToken: 'sealed-a',
  accessTokenExpiresAt: '2026-12-01T11:00:00.000Z',
  signInRequired: false,
};
const previous = { oauth: signedIn } as StoredMailConnection;

describe('the stored Microsoft 365 sign-in of a mail connection', () => {
  it("defaults to Microsoft's authority, 'organizations' and the placeholder client id; passwords mode stores none", () => {
    expect(buildStoredOAuth(input(), undefined)).toMatchObject({ clientId: 'a-enregistrer-dans-microsoft-entra', tenant: 'organizations', authority: 'https://login.microsoftonline.com', account: null, refreshToken: null });
    expect(buildStoredOAuth(input({ auth: 'password' }), previous)).toBeNull();
    expect(buildStoredOAuth(input({ auth: undefined }), undefined)).toBeNull();
  });
  it('keeps the sign-in on an edit that changes nothing of it (mode kept when absent)', () => {
    expect(buildStoredOAuth(input({ auth: undefined, oauth: { clientId: 'app-1' } }), previous)).toBe(signedIn);
  });
  it('drops the tokens when the registration or the servers’ user changes (fail closed: never another account)', () => {
    expect(buildStoredOAuth(input({ oauth: { clientId: 'app-2' } }), previous)).toMatchObject({ clientId: 'app-2', account: null, refreshToken: null, accessToken: null });
    expect(buildStoredOAuth(input({ oauth: { tenant: 'contoso.onmicrosoft.com' } }), previous)).toMatchObject({ account: null });
    expect(buildStoredOAuth(input({ imap: { host: 'outlook.office365.com', user: 'paul@contoso.fr' } }), previous)).toMatchObject({ account: null });
  });
  it('refuses an authority in plain http (except 127.0.0.1) and odd client ids', () => {
    expect(() => buildStoredOAuth(input({ oauth: { authority: 'http://login.example.com' } }), undefined)).toThrow(/HTTPS/);
    expect(() => buildStoredOAuth(input({ oauth: { clientId: 'a b' } }), undefined)).toThrow(/client/);
  });
  it('says signed-in only with tokens this computer can use', () => {
    const cipher = keyCipher('a key long enough for tests');
    expect(oauthView('cn1', signedIn, cipher, new Map())).toMatchObject({ status: 'signed-in', tokenSource: 'stored', account: 'marie@contoso.fr' });
    expect(oauthView('cn1', { ...signedIn, refreshToken: null }, unavailableCipher, new Map([['cn1:oauth-refresh', 'r']]))).toMatchObject({ status: 'signed-in', tokenSource: 'session' });
    expect(oauthView('cn1', { ...signedIn, refreshToken: null }, unavailableCipher, new Map())).toMatchObject({ status: 'signed-out', tokenSource: 'none' });
    expect(oauthView('cn1', { ...signedIn, signInRequired: true, refreshToken: null }, cipher, new Map())).toMatchObject({ status: 'sign-in-required' });
  });
});
