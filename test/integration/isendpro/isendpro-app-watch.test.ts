/**
 * The app's iSendPro mailbox watcher, wired as the app runs it
 * (createMainServices + startAppServices over a real data folder, a saved
 * isendpro-mail connection), against Debian's Dovecot and the local iSendPro
 * box. The box's answers are held by the test and put in the mailbox when
 * the test says, so each one arrives at a known moment: while the watcher
 * sits in IDLE, while its connection is down, after a restart, after the
 * mailbox got a new UIDVALIDITY. The periodic catch-up read is set to 10
 * minutes and the queue's own read to 3: an answer read within the test's
 * poll timeout was read because the server announced it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView, MailboxWatchView } from '@shared/ipc/channels/queue';
import { planIsendproBatches } from '@shared/providers/isendpro/isendpro-batches';
import { collectOutcomes, summarizeOutcomes } from '@shared/providers/isendpro/isendpro-report';
import { createMainServices, type MainServices } from '../../../src-main/main-services';
import type { MainDeps } from '../../../src-main/main-deps';
import { createMemorySettingsStore } from '../../../src-main/settings/memory-settings-store';
import { createDemoRuntime, startAppServices, type AppServices } from '../../../src-main/demo-setup';
import { CuttingProxy } from '../servers/cutting-proxy';
import { dovecotUnavailableReason } from '../servers/dovecot-test-server';
import { enqueueCampaign, frenchTable, KEYID, startIsendproWorld, type IsendproWorld } from './isendpro-world';

const unavailable = dovecotUnavailableReason();

interface RunningApp {
  services: MainServices;
  app: AppServices;
  /** queue:job-updated events pushed to the window. */
  events: JobView[];
  /** queue:mailbox-watch-changed events (Envois: « Boîte de réception surveillée »). */
  watchEvents: MailboxWatchView[][];
  /** The queue's human lines (what the CLI prints on stderr). */
  lines: string[];
}

let world: IsendproWorld | null = null;
let proxy: CuttingProxy | null = null;
const apps: RunningApp[] = [];
let scratch: string | null = null;
afterEach(async () => {
  for (const running of apps.splice(0)) await running.app.stop();
  await proxy?.stop();
  await world?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  world = null;
  proxy = null;
  scratch = null;
});

/** The app over the world's data folder (as after a start or a restart). */
async function startApp(w: IsendproWorld): Promise<RunningApp> {
  const events: JobView[] = [];
  const watchEvents: MailboxWatchView[][] = [];
  const lines: string[] = [];
  scratch ??= await mkdtemp(join(tmpdir(), 'dropdesk-app-watch-'));
  const deps: MainDeps = {
    dataDir: w.dataDir,
    appVersion: '0.0.0-test',
    dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
    settings: createMemorySettingsStore(),
    emit: (channel, payload) => {
      if (channel === 'queue:job-updated') events.push(payload as JobView);
      if (channel === 'queue:mailbox-watch-changed') watchEvents.push(payload as MailboxWatchView[]);
    },
    log: () => undefined,
  };
  const services = createMainServices(deps, {
    queue: { progress: (line) => void lines.push(line) },
    // Ten minutes: within a test only the server's announcement (IDLE) or a reconnection reads.
    mailboxWatch: { periodicMs: 10 * 60_000, reconnectBackoff: { baseMs: 300, factor: 1, maxMs: 300 }, busyRetryMs: 300 },
  });
  const app = await startAppServices(deps, services, createDemoRuntime({ dataDir: join(scratch, 'demo'), log: () => undefined }));
  const running = { services, app, events, watchEvents, lines };
  apps.push(running);
  return running;
}

/** The world's box answers into `held`; the test appends them to Dovecot when it chooses. */
async function startWorld() {
  const held: Buffer[] = [];
  world = await startIsendproWorld({ deliver: async (mail) => void held.push(mail) });
  proxy = await CuttingProxy.start(world.dovecot.port);
  process.env.DD_APP_WATCH_SMTP = world.settings.smtp.password;
  process.env.DD_APP_WATCH_IMAP = world.settings.imap.password;
  process.env.DD_APP_WATCH_KEYID = KEYID;
  return { w: world, proxy, held };
}

async function saveConnection(running: RunningApp, w: IsendproWorld, imapPort: number) {
  const saved = await running.services.connections.save({
    name: 'iSendPro boutique',
    provider: 'isendpro-mail',
    mail: {
      smtp: { host: '127.0.0.1', port: w.box.port, security: 'plain', user: w.settings.smtp.user, passwordEnv: 'DD_APP_WATCH_SMTP' },
      imap: { host: '127.0.0.1', port: imapPort, security: 'plain', user: w.settings.imap.user, passwordEnv: 'DD_APP_WATCH_IMAP' },
      from: w.settings.from,
      keyidEnv: 'DD_APP_WATCH_KEYID',
    },
  });
  return saved.connection;
}

/** A 600-recipient notification campaign (2 e-mails; notifications go at any hour, so the real clock is fine). */
async function queueCampaign(running: RunningApp, connection: { id: string; name: string }) {
  const plan = planIsendproBatches(frenchTable(600), { template: 'Bonjour ${PRENOM}, votre commande est prête', sender: 'Boutique', nostop: false });
  return enqueueCampaign(running.services.queue, plan, { campaignName: 'Retraits', sendType: 'notification', sender: 'Boutique', now: new Date(), connection });
}

const isAck = (mail: Buffer) => mail.toString('latin1').includes('Subject: iSendPro Ack');
const unrelatedMail = 'From: ami@example.fr\r\nTo: answers@dropdesk.test\r\nSubject: Déjeuner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOn déjeune demain ?\r\n';

/** Answers read, summed over the queue's lines (« 2 réponses d'iSendPro lues »). */
function answersRead(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Number(/(\d+) réponses? d'iSendPro lues?/.exec(line)?.[1] ?? 0), 0);
}

async function job(running: RunningApp, id: string) {
  return running.services.queue.get(id);
}

describe.skipIf(unavailable !== null)('the app reads iSendPro answers with IMAP IDLE (one connection per mail connection)', () => {
  it('answers that arrive during IDLE are read at once and pushed to the window; a mail the user read first is read, an unrelated one left alone; one IMAP connection; the watcher stops when nothing waits', async () => {
    const { w, proxy, held } = await startWorld();
    const running = await startApp(w);
    const connection = await saveConnection(running, w, proxy.port);
    expect(running.services.mailboxWatch.status()).toEqual([]); // nothing awaits an answer: no IMAP connection at all
    const queued = await queueCampaign(running, connection);

    // Both e-mails leave; the first one that left started the connection's watcher, which sits in IDLE.
    await expect.poll(async () => (await job(running, queued.id)).state).toBe('awaiting-ack');
    expect(w.box.mails.map((mail) => [mail.accepted, mail.problems])).toEqual([[true, []], [true, []]]);
    await expect.poll(() => running.services.mailboxWatch.status().map((s) => [s.connectionId, s.connected, s.scans > 0])).toEqual([[connection.id, true, true]]);
    expect(held).toHaveLength(4);

    // The user's own client read the first acknowledgement before Dropdesk (\Seen); an unrelated mail in between.
    const [ack1, ack2] = held.filter(isAck);
    await w.append(ack1, ['\\Seen']);
    await w.append(unrelatedMail);
    await w.append(ack2);
    await expect.poll(() => running.events.some((view) => view.id === queued.id && view.state === 'accepted')).toBe(true);
    expect((await job(running, queued.id)).mail!.batches.map((batch) => batch.ack?.code)).toEqual([0, 0]);
    expect(running.services.mailboxWatch.status()).toHaveLength(1); // the notifications are still awaited

    for (const notification of held.filter((mail) => !isAck(mail))) await w.append(notification);
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.notified)).toEqual([1, 1]);
    await expect.poll(() => running.services.mailboxWatch.status()).toEqual([]); // nothing awaits any more: logged out
    const done = await job(running, queued.id);
    expect(summarizeOutcomes(collectOutcomes(done.mail!.notifications).values(), done.mail!.recipients)).toMatchObject({ recipients: 600, answered: 600, byCode: { '0': 600 } });
    expect(running.events.filter((view) => view.id === queued.id).at(-1)!.mail!.batches.map((batch) => batch.notified)).toEqual([1, 1]);

    // Envois was told: watched and connected with a last read time, then no mailbox watched.
    expect(running.watchEvents.some((views) => views.length === 1 && views[0].connectionId === connection.id && views[0].connected && views[0].lastScanAt !== null)).toBe(true);
    expect(running.watchEvents.at(-1)).toEqual([]);
    expect(running.services.mailboxWatch.views()).toEqual([]);
    expect(answersRead(running.lines)).toBe(4); // each answer read once
    expect(proxy.accepted).toBe(1); // one IMAP connection for the whole watch: no poll opened a second one
    const flags = [...(await w.flags()).values()];
    expect(flags).toHaveLength(5); // nothing deleted or moved
    expect(flags.filter((list) => list.includes('\\Seen'))).toHaveLength(1); // only the one the user opened; Dropdesk peeks
    for (let i = 0; i < 600; i++) expect(w.box.countFor(`06${String(i).padStart(8, '0')}`)).toBe(1);
  });

  it('a connection lost during IDLE: the watcher reconnects, catches up, and the answer that arrived meanwhile is read once; after an app restart jobs still waiting are watched again', async () => {
    const { w, proxy, held } = await startWorld();
    let running = await startApp(w);
    const connection = await saveConnection(running, w, proxy.port);
    const queued = await queueCampaign(running, connection);
    await expect.poll(async () => (await job(running, queued.id)).state).toBe('awaiting-ack');
    await expect.poll(() => running.services.mailboxWatch.status().map((s) => s.connected && s.scans > 0)).toEqual([true]);
    const acks = held.filter(isAck);
    const notifications = held.filter((mail) => !isAck(mail));

    // Dovecot closes the session (doveadm kick) and the mailbox stays unreachable while the first acknowledgement arrives.
    proxy.refuse = true;
    await w.dovecot.kick();
    await expect.poll(() => running.services.mailboxWatch.status()[0]?.connected).toBe(false);
    await w.append(acks[0]);
    proxy.refuse = false;
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.ack?.code ?? null)).toEqual([0, null]);
    expect(running.services.mailboxWatch.status()[0].connections).toBeGreaterThanOrEqual(2);

    // The app is closed with answers still awaited; the rest arrives while it is closed.
    await running.app.stop();
    apps.splice(apps.indexOf(running), 1);
    expect(answersRead(running.lines)).toBe(1); // the acknowledgement that arrived during the cut, read once
    await w.append(acks[1]);
    await w.append(notifications[0]);
    running = await startApp(w);
    expect(running.services.mailboxWatch.status().map((s) => s.connectionId)).toEqual([connection.id]);
    await expect.poll(async () => (await job(running, queued.id)).state).toBe('accepted');
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.notified)).toEqual([1, 0]);
    await w.append(notifications[1]); // in IDLE again
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.notified)).toEqual([1, 1]);
    await expect.poll(() => running.services.mailboxWatch.status()).toEqual([]);
    expect(answersRead(running.lines)).toBe(3); // the restarted app read each remaining answer once
    const done = await job(running, queued.id);
    expect(summarizeOutcomes(collectOutcomes(done.mail!.notifications).values(), done.mail!.recipients)).toMatchObject({ recipients: 600, answered: 600 });
  });

  it('a mailbox given a new UIDVALIDITY is read again from the start, and nothing is counted twice', async () => {
    const { w, proxy, held } = await startWorld();
    const running = await startApp(w);
    const connection = await saveConnection(running, w, proxy.port);
    const queued = await queueCampaign(running, connection);
    await expect.poll(async () => (await job(running, queued.id)).state).toBe('awaiting-ack');
    await expect.poll(() => running.services.mailboxWatch.status().map((s) => s.connected && s.scans > 0)).toEqual([true]);
    const acks = held.filter(isAck);
    const notifications = held.filter((mail) => !isAck(mail));
    await w.append(acks[0]);
    await w.append(acks[1]);
    await w.append(notifications[0]);
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.notified)).toEqual([1, 0]);
    // The line comes after the answers are saved: wait for it.
    await expect.poll(() => answersRead(running.lines)).toBe(3);
    const before = (await job(running, queued.id)).mail!.mailbox!;

    // The server rebuilt the mailbox: new UIDVALIDITY, sessions closed.
    await w.dovecot.setUidValidity(Number(before.uidValidity) + 1000);
    // Dovecot may already have closed the session itself (its next NOOP sees the change): then nobody is left to kick.
    await w.dovecot.kick().catch(() => undefined);
    await expect.poll(() => answersRead(running.lines)).toBe(6); // everything read again from UID 1
    await w.append(notifications[1]);
    await expect.poll(async () => (await job(running, queued.id)).mail!.batches.map((batch) => batch.notified)).toEqual([1, 1]);
    const done = await job(running, queued.id);
    expect(done.mail!.mailbox!.uidValidity).toBe(String(Number(before.uidValidity) + 1000));
    expect(done.state).toBe('accepted');
    expect(done.mail!.notifications).toHaveLength(2);
    expect(summarizeOutcomes(collectOutcomes(done.mail!.notifications).values(), done.mail!.recipients)).toMatchObject({ recipients: 600, answered: 600, byCode: { '0': 600 } });
    expect(w.box.mails).toHaveLength(2); // nothing sent again
  });
});
