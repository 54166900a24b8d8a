/**
 * The risky screens, end to end in Chromium with the demo drop boxes: the
 * decision on a held job (a MediasFlow stamp gone stale; a programmed time
 * already passed), cancel before an upload and during one (another process
 * holds the job), and the session password prompt when the system keychain
 * is unavailable (the harness gives main no cipher). Held and in-flight jobs
 * are written to the queue folder as the queue itself writes them (shared
 * createJob + transition), then handled by the real queue and handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { Job, JobEvent } from '../../shared/queue/job-types';
import { createJob } from '../../shared/queue/job-schedule';
import { transition } from '../../shared/queue/transition';
import { generateDeliveryId } from '../../shared/providers/delivery-id';
import { mediasflowProfile } from '../../shared/providers/mediasflow/mediasflow-profile';
import { buildMediasflowFile } from '../../shared/providers/mediasflow/mediasflow-file';
import { createJobStore, newJobId } from '../../src-main/queue/job-store';
import { acquireJobLock, newLockOwner } from '../../src-main/queue/job-lock';
import type { JobRecord } from '../../src-main/queue/job-record';
import { closeBrowser, startApp, type RunningApp } from './harness';

const table = {
  columns: ['Prénom', 'MOBILE'],
  rows: [
    ['Élodie', '06 12 34 56 78'],
    ['Loïc', '06 98 76 54 32'],
  ],
  mobileColumn: 1,
  checks: [
    { status: 'valid' as const, normalized: '33612345678' },
    { status: 'valid' as const, normalized: '33698765432' },
  ],
};

/** A job as the queue would have left it after `events`, written to <dataDir>/queue. */
async function writeJob(app: RunningApp, connection: ConnectionView, campaignName: string, options: { programmedAt?: string; events: (job: Job) => { event: JobEvent; at: Date }[] }): Promise<string> {
  const store = createJobStore(app.dataDir);
  const created = new Date(Date.now() - 3 * 3_600_000);
  const id = newJobId(created);
  const data = Buffer.from(buildMediasflowFile(table).text, 'utf8');
  const file = await store.saveFile(id, 'drop.csv', data, 2);
  let job = createJob(
    { id, connectionId: connection.id, providerId: 'mediasflow-sftp', channel: 'sms', sendType: 'notification', campaignName, templateId: '1001', idDelivery: generateDeliveryId(created), programmedAt: options.programmedAt ?? null },
    created,
  );
  for (const { event, at } of options.events(job)) {
    const moved = transition(job, event, at, {});
    if (!moved.ok) throw new Error(`${event.type}: ${moved.error.message}`);
    job = moved.job;
  }
  const record: JobRecord = { formatVersion: 1, job, connectionName: connection.name, remoteFolder: '/Campagnes/SMS', file, renewName: false, optOuts: 'left-out' };
  await store.write(record);
  return id;
}

const jobCard = (page: Page, id: string) => page.locator(`[data-testid="job"][data-job="${id}"]`);

describe('Risky screens in the app', () => {
  let app: RunningApp;
  let demo: ConnectionView;

  beforeAll(async () => {
    app = await startApp({ demo: true });
    // The sandbox connections are created at start.
    for (let tries = 0; !demo && tries < 100; tries++) {
      demo = ((await app.call('connections:list')) as { value: ConnectionView[] }).value.find((connection) => connection.provider === 'demo-mediasflow')!;
      if (!demo) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('held: a stale MediasFlow stamp is explained, and "Redéposer" drops again with a fresh stamp after checking the server', async () => {
    const { page } = app;
    const stampAt = new Date(Date.now() - 3 * 3_600_000);
    const id = await writeJob(app, demo, 'Horodatage perime', {
      events: (job) => {
        const name = mediasflowProfile.buildName({ templateId: '1001', idDelivery: job.idDelivery, campaignName: job.campaignName, stampAt, programmedAt: null });
        if (!name.ok) throw new Error(name.problems.join());
        return [
          { event: { type: 'start-upload', remoteName: name.name, temporaryName: mediasflowProfile.temporaryName(name.name), totalBytes: 60, stampAt: stampAt.toISOString() }, at: stampAt },
          { event: { type: 'network-error', error: { code: 'network', message: 'Connexion coupée.' } }, at: stampAt },
          { event: { type: 'stamp-expired' }, at: new Date() },
        ];
      },
    });
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    const card = jobCard(page, id);
    await expect.poll(() => card.getAttribute('data-state')).toBe('held');
    expect(await card.textContent()).toContain("Le fichier n'a pas pu être déposé dans les 2 heures suivant son horodatage");
    await app.screenshot('risky-01-held-stale-stamp');
    const oldName = ((await app.call('queue:get', { id })) as { value: JobView }).value.remoteName!;
    await card.getByTestId('held-choices').getByRole('button', { name: 'Redéposer' }).click();
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toMatch(/awaiting-ack|accepted/);
    const redone = ((await app.call('queue:get', { id })) as { value: JobView }).value;
    expect(redone.remoteName).not.toBe(oldName);
    expect(new Date(redone.stampAt!).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it('held: a programmed time already passed, and "Envoyer maintenant" sends it', async () => {
    const { page } = app;
    const programmedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const id = await writeJob(app, demo, 'Programme passe', { programmedAt, events: () => [{ event: { type: 'programmed-time-passed' }, at: new Date() }] });
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    const card = jobCard(page, id);
    await expect.poll(() => card.getAttribute('data-state')).toBe('held');
    expect(await card.textContent()).toContain("L'heure d'envoi programmée est passée avant que le fichier soit déposé.");
    await app.screenshot('risky-02-held-programmed-passed');
    await card.getByTestId('held-choices').getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toMatch(/awaiting-ack|accepted/);
    expect(((await app.call('queue:get', { id })) as { value: JobView }).value.programmedAt).toBeNull();
  });

  it('cancels a programmed drop before its upload at once', async () => {
    const { page } = app;
    const programmedAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const id = await writeJob(app, demo, 'Plus tard', { programmedAt, events: () => [] });
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    const card = jobCard(page, id);
    await expect.poll(() => card.getAttribute('data-state')).toMatch(/queued|waiting/);
    await card.getByTestId('job-cancel').click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('cancelled');
    await app.screenshot('risky-03-cancelled-before-upload');
  });

  it('cancels during an upload another process is doing: requested at once, applied before the rename', async () => {
    const { page } = app;
    const started = new Date();
    const id = await writeJob(app, demo, 'En cours', {
      events: (job) => {
        const name = mediasflowProfile.buildName({ templateId: '1001', idDelivery: job.idDelivery, campaignName: job.campaignName, stampAt: started, programmedAt: null });
        if (!name.ok) throw new Error(name.problems.join());
        return [{ event: { type: 'start-upload', remoteName: name.name, temporaryName: mediasflowProfile.temporaryName(name.name), totalBytes: 60, stampAt: started.toISOString() }, at: started }];
      },
    });
    // "Another process" (the CLI) holds the job while it uploads.
    const held = (await acquireJobLock(createJobStore(app.dataDir).queueDir, id, newLockOwner()))!;
    expect(held).not.toBeNull();
    try {
      await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
      await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
      const card = jobCard(page, id);
      await expect.poll(() => card.getAttribute('data-state')).toBe('uploading');
      await card.getByTestId('job-cancel').click();
      await expect.poll(() => page.getByText('Annulation demandée', { exact: false }).count()).toBeGreaterThan(0);
      await app.screenshot('risky-04-cancel-during-upload');
    } finally {
      await held.release();
    }
    // The worker is gone; the app's queue picks the job up and applies the cancel before any rename.
    await app.call('queue:refresh', {});
    await expect.poll(async () => ((await app.call('queue:get', { id })) as { value: JobView }).value.state, { timeout: 30_000 }).toBe('cancelled');
    const job = ((await app.call('queue:get', { id })) as { value: JobView }).value;
    const onServer = (await app.services!.demo.start()).boxes.mediasflow.campaigns().map((campaign) => campaign.dropName);
    expect(onServer).not.toContain(job.remoteName);
  });

  it('asks for the password for this session when the keychain is unavailable', async () => {
    const { page } = app;
    const box = (await app.services!.demo.start()).mediasflow;
    const saved = (await app.call('connections:save', { name: 'MediasFlow agence', provider: 'mediasflow-sftp', host: box.host, port: box.port, user: box.username, hostKey: box.hostKeyFingerprint })) as {
      ok: true;
      value: { connection: ConnectionView };
    };
    expect(saved.ok).toBe(true);
    expect(saved.value.connection.passwordSource).toBe('ask');
    await page.getByRole('navigation').getByRole('button', { name: 'Connexions' }).click();
    const card = page.getByTestId('connection').and(page.locator('[data-connection="MediasFlow agence"]'));
    await card.getByTestId('test-connection').click();
    const prompt = card.getByTestId('connection-check');
    await expect.poll(() => prompt.getAttribute('data-status')).toBe('password-required');
    await app.screenshot('risky-05-session-password');
    await prompt.getByTestId('session-password').fill(box.password);
    await prompt.getByRole('button').click();
    await expect.poll(() => card.getByTestId('connection-check').getAttribute('data-status'), { timeout: 20_000 }).toBe('ok');
    expect(await card.getByTestId('password-source').textContent()).toBeTruthy();
    await app.screenshot('risky-06-session-password-ok');
  });
});
