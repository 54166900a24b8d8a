/**
 * Microsoft 365 sign-in end to end, everything on 127.0.0.1: a fake identity
 * platform (authorize + token + introspection), the local iSendPro box
 * accepting XOAUTH2 only (smtp-server, bearer checked with the fake) and
 * Debian's Dovecot with an oauth2 passdb introspecting at the fake. The
 * "browser" is two plain HTTP GETs: the authorize URL, then the loopback
 * redirect. Then a send and a mailbox read with the token, an expired token
 * refreshed, and a refused refresh (invalid_grant) that stops the campaign
 * with « Reconnectez-vous à Microsoft 365 » and sends nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { generateDeliveryId } from '@shared/providers/delivery-id';
import { createConnectionService, type ConnectionService } from '../../../src-main/connections/connection-service';
import { keyCipher } from '../../../src-main/connections/key-cipher';
import { IsendproBox } from '../../../src-main/demo/isendpro-box';
import { verifyImap } from '../../../src-main/isendpro-mail/mailbox-scan';
import { createQueue, type Queue } from '../../../src-main/queue/queue-runtime';
import { DovecotTestServer, dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { frenchTable, KEYID } from '../isendpro/isendpro-world';
import { FakeMicrosoftIdentity } from './fake-microsoft-identity';

const unavailable = dovecotUnavailableReason();
const ACCOUNT = 'answers@dropdesk.test';

interface World {
  fake: FakeMicrosoftIdentity;
  dovecot: DovecotTestServer;
  box: IsendproBox;
  dataDir: string;
  service: ConnectionService;
  queue: Queue;
  connectionId: string;
  browserPages: string[];
  /** The connection service's clock runs this far ahead of the real one. */
  clock: { aheadMs: number };
}

let world: World | null = null;
afterEach(async () => {
  if (!world) return;
  await world.box.stop().catch(() => undefined);
  await world.dovecot.stop();
  await world.fake.stop();
  await rm(world.dataDir, { recursive: true, force: true });
  world = null;
});

/** The system browser, as a script: follow the authorize step's redirect to the loopback listener. */
function scriptedBrowser(pages: string[]) {
  return async (url: string) => {
    const authorize = await fetch(url, { redirect: 'manual' });
    if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}: ${await authorize.text()}`);
    const landing = await fetch(authorize.headers.get('location')!);
    pages.push(await landing.text());
  };
}

async function startWorld(): Promise<World> {
  const fake = await new FakeMicrosoftIdentity(ACCOUNT).start();
  const dovecot = await DovecotTestServer.start({ oauth2IntrospectionUrl: fake.introspectionUrl });
  const append = async (mail: Buffer | string) => {
    // iSendPro's answers arrive by the test's own (password) login: only Dropdesk uses XOAUTH2.
    const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.append('INBOX', mail);
    } finally {
      await client.logout();
    }
  };
  const box = new IsendproBox({ user: ACCOUNT, password: 'no-password-login', keyid: KEYID, allowedFrom: ['shop@example.fr'], deliver: append, acceptsBearer: (user, token) => fake.isValid(user, token) });
  await box.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-oauth-'));
  const clock = { aheadMs: 0 };
  const service = createConnectionService({ dataDir, cipher: keyCipher('the test computer keychain'), env: {}, timeoutMs: 10_000, now: () => new Date(Date.now() + clock.aheadMs) });
  const { connection } = await service.save({
    name: 'Microsoft 365',
    provider: 'isendpro-mail',
    mail: {
      smtp: { host: '127.0.0.1', port: box.port, security: 'plain', user: ACCOUNT },
      imap: { host: '127.0.0.1', port: dovecot.port, security: 'plain', user: ACCOUNT },
      from: 'Boutique <shop@example.fr>',
      keyid: KEYID,
      auth: 'microsoft-oauth2',
      oauth: { clientId: fake.clientId, authority: fake.authority },
    },
  });
  const queue = createQueue({ dataDir, connections: service, clock: { now: () => new Date() } });
  return { fake, dovecot, box, dataDir, service, queue, connectionId: connection.id, browserPages: [], clock };
}

async function enqueue(w: World, count: number, name: string) {
  const plan = planIsendproBatches(frenchTable(count), { template: 'Votre RDV ${PRENOM}', sender: 'Boutique', nostop: false });
  return w.queue.enqueue({
    connection: { id: w.connectionId, name: 'Microsoft 365' },
    job: { providerId: 'isendpro-mail', channel: 'sms', sendType: 'notification', campaignName: name, templateId: null, idDelivery: generateDeliveryId(new Date()), programmedAt: null },
    remoteFolder: 'sendsms@isendpro-api.com',
    file: { name: 'campaign.json', data: Buffer.from('{}'), recipients: plan.recipients },
    mail: { sender: 'Boutique', drafts: plan.batches.map((batch) => ({ recipients: batch.recipients, sharedMessage: batch.sharedMessage, smslong: batch.smslong })), leftOutForeign: 0, recipients: plan.recipients },
  });
}

describe.skipIf(unavailable !== null)('Microsoft 365 OAuth2 for an iSendPro mail connection', () => {
  it('signs in through the loopback redirect, sends and reads with XOAUTH2, refreshes an expired token, holds on invalid_grant', async () => {
    world = await startWorld();
    const w = world;
    const before = await w.service.get(w.connectionId);
    expect(before.mail?.auth).toBe('microsoft-oauth2');
    expect(before.mail?.oauth).toMatchObject({ status: 'signed-out', account: null, tenant: 'organizations', clientId: w.fake.clientId });
    await expect(w.service.resolveMailSettings(w.connectionId)).rejects.toMatchObject({ code: 'oauth-sign-in-required' });

    // Sign-in: authorize (PKCE, state) → loopback redirect → code exchanged → listener closed.
    const signedIn = await w.service.signInMicrosoft(w.connectionId, { openBrowser: scriptedBrowser(w.browserPages) });
    expect(signedIn.mail?.oauth).toMatchObject({ status: 'signed-in', account: ACCOUNT, tokenSource: 'stored' });
    expect(w.browserPages).toHaveLength(1);
    expect(w.browserPages[0]).toContain('Connexion réussie, vous pouvez fermer cette fenêtre');
    expect(w.fake.counts).toMatchObject({ authorize: 1, codeExchanges: 1, refused: 0 });
    // No token in clear in the connections file.
    const file = await readFile(join(w.dataDir, 'connections.json'), 'utf8');
    for (const token of w.fake.issued) expect(file).not.toContain(token);

    // « Tester la connexion »: both logins with XOAUTH2, nothing sent.
    const tested = await w.service.test(w.connectionId);
    expect(tested.connected).toBe(true);
    expect(w.box.mails).toHaveLength(0);

    // A campaign: sent with the bearer, its answers read from Dovecot with the bearer.
    const first = await enqueue(w, 3, 'Rappel un');
    await w.queue.runOnce();
    await w.box.idle();
    expect(w.box.mails.map((mail) => mail.accepted)).toEqual([true]);
    await w.queue.runOnce({ pollAllAcks: true });
    expect((await w.queue.get(first.id)).state).toBe('accepted');
    expect(w.fake.counts.refreshes).toBe(0);

    // Microsoft ends the token early: the servers refuse it, Dropdesk refreshes once and goes on.
    w.fake.expireAccessTokens();
    const second = await enqueue(w, 2, 'Rappel deux');
    await w.queue.runOnce();
    await w.box.idle();
    expect(w.box.mails.map((mail) => mail.accepted)).toEqual([true, true]);
    expect(w.fake.counts.refreshes).toBe(1);
    await w.queue.runOnce({ pollAllAcks: true });
    expect((await w.queue.get(second.id)).state).toBe('accepted');
    // The same on IMAP: a token Dovecot refuses is refreshed once and the mailbox opens.
    const stale = await w.service.resolveMailSettings(w.connectionId);
    w.fake.expireAccessTokens();
    await expect(verifyImap(stale)).resolves.toEqual({ messages: expect.any(Number) });
    expect(w.fake.counts.refreshes).toBe(2);
    // And before the expiry Dropdesk knows of: 5 minutes ahead, the token is renewed without a refusal.
    const refusedBefore = w.fake.counts.refused;
    await w.service.resolveMailSettings(w.connectionId);
    expect(w.fake.counts.refreshes).toBe(2);
    w.clock.aheadMs = 56 * 60_000;
    const renewed = await w.service.resolveMailSettings(w.connectionId);
    expect(w.fake.counts.refreshes).toBe(3);
    expect(w.fake.isValid(ACCOUNT, renewed.smtp.accessToken!)).toBe(true);
    expect(w.fake.counts.refused).toBe(refusedBefore);
    w.clock.aheadMs = 0;
    for (let i = 0; i < 3; i++) expect(w.box.countFor(`0${String(6_0000_0000 + i)}`)).toBe(i < 2 ? 2 : 1);
    const after = await readFile(join(w.dataDir, 'connections.json'), 'utf8');
    for (const token of w.fake.issued) expect(after).not.toContain(token);

    // The sign-in is revoked: the refresh gets invalid_grant → nothing sent, « Reconnectez-vous à Microsoft 365 ».
    w.fake.revokeRefreshTokens();
    w.fake.expireAccessTokens();
    const third = await enqueue(w, 2, 'Rappel trois');
    await w.queue.runOnce();
    await w.box.idle();
    expect(w.box.mails).toHaveLength(2);
    const held = await w.queue.get(third.id);
    expect(held.state).toBe('failed');
    expect(held.reason).toMatchObject({ code: 'oauth-sign-in-required' });
    expect(held.reason?.message).toContain('Reconnectez-vous à Microsoft 365');
    expect((await w.service.get(w.connectionId)).mail?.oauth).toMatchObject({ status: 'sign-in-required', account: ACCOUNT, tokenSource: 'none' });
    await expect(w.service.resolveMailSettings(w.connectionId)).rejects.toThrow(/Reconnectez-vous à Microsoft 365/);
    // Nothing more is even attempted: the next pass does not call Microsoft again.
    const refusedSoFar = w.fake.counts.refused;
    await w.queue.runOnce();
    expect(w.fake.counts.refused).toBe(refusedSoFar);
    expect(w.box.mails).toHaveLength(2);

    // Signing in again with another account is refused (no mail would leave with a wrong account)…
    w.fake.account = 'someone-else@dropdesk.test';
    await expect(w.service.signInMicrosoft(w.connectionId, { openBrowser: scriptedBrowser(w.browserPages) })).rejects.toMatchObject({ code: 'oauth-wrong-account' });
    expect((await w.service.get(w.connectionId)).mail?.oauth?.status).toBe('sign-in-required');
    // …the right one works again; « Se déconnecter » forgets the tokens.
    w.fake.account = ACCOUNT;
    expect((await w.service.signInMicrosoft(w.connectionId, { openBrowser: scriptedBrowser(w.browserPages) })).mail?.oauth?.status).toBe('signed-in');
    // « Relancer »: the stopped campaign's e-mail leaves now (once), with the new sign-in.
    await w.queue.retry(third.id);
    await w.queue.runOnce();
    await w.box.idle();
    expect(w.box.mails.map((mail) => mail.accepted)).toEqual([true, true, true]);
    await w.queue.runOnce({ pollAllAcks: true });
    expect((await w.queue.get(third.id)).state).toBe('accepted');
    expect(w.box.countFor('0600000000')).toBe(3);
    const out = await w.service.signOutMicrosoft(w.connectionId);
    expect(out.mail?.oauth).toMatchObject({ status: 'signed-out', account: null, tokenSource: 'none' });
  });
});
