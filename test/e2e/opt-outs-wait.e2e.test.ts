/**
 * A queued drop that meets an unreadable opt-out list (issue 9): nothing is
 * sent, Envois says why in plain French and when the list is checked again,
 * and the repair in Rapports → Liste d'opposition sends it at once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { JobView } from '../../shared/ipc/channels/queue';
import type { ListMeta } from '../../shared/lists/list-types';
import { optOutsFilePath } from '../../src-main/opt-outs/opt-out-service';
import { closeBrowser, startApp, type RunningApp } from './harness';

const clientList = ['Prénom;Nom;Portable', 'Élodie;Dupont;06 12 34 56 78', 'Anaïs;Bonnet;07 81 23 45 67'].join('\r\n');

describe('a queued drop while the opt-out list is unreadable', () => {
  let app: RunningApp;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dropdesk-e2e-opt-outs-wait-'));
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  });

  it('waits with the reason in Envois, then goes once the list is repaired', async () => {
    const { page, dialogs } = app;
    const queue = app.services!.queue;
    // A list written once keeps its last good copy.
    expect((await app.call('opt-outs:add', { number: '06 99 99 99 99' })).ok).toBe(true);
    const file = join(workDir, 'clients.csv');
    await writeFile(file, clientList);
    await page.getByRole('navigation').getByRole('button', { name: 'Listes' }).click();
    dialogs.nextOpenFile(file);
    await page.getByRole('button', { name: 'Importer une liste…' }).click();
    await page.getByTestId('summary').waitFor();
    const listId = ((await app.call('lists:list')) as { ok: true; value: ListMeta[] }).value[0].id;
    const demo = ((await app.call('connections:list')) as { ok: true; value: ConnectionView[] }).value.find((connection) => connection.provider === 'demo-mediasflow')!;

    // Queued while the list was fine (the queue paused, so it waits for us), then the list is damaged.
    await queue.stop();
    const submitted = (await app.call('drops:submit', { listId, connectionId: demo.id, campaignName: 'Relance', templateId: '1001', type: 'notification', channel: 'sms' })) as {
      ok: true;
      value: { jobs: JobView[] };
    };
    expect(submitted.ok).toBe(true);
    const jobId = submitted.value.jobs[0].id;
    await writeFile(optOutsFilePath(app.dataDir), '{"formatVersion":1,"entries":[{"number":"3378');
    await queue.runOnce();
    const waiting = ((await app.call('queue:get', { id: jobId })) as { value: JobView }).value;
    expect(waiting).toMatchObject({ state: 'waiting', waitingFor: 'opt-outs', attempts: 0, reason: { code: 'opt-outs-unreadable' } });
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse(waiting.updatedAt)).toBe(30_000);

    await page.getByRole('navigation').getByRole('button', { name: 'Envois' }).click();
    const card = page.locator(`[data-testid="job"][data-job="${jobId}"]`);
    await expect.poll(() => card.getByTestId('job-hint').textContent()).toMatch(/^Liste d'opposition illisible : nouvelle vérification à .+, ou dès qu'elle est réparée\.$/);
    expect(await card.getByTestId('job-reason').getAttribute('data-code')).toBe('opt-outs-unreadable');
    expect(await card.getByTestId('job-reason').textContent()).toContain("La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée");
    await app.screenshot('opt-outs-wait-01-envois');

    // The repair, as the user does it; the queue runs again and the drop leaves without waiting for the next check.
    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId('reports-tab-opt-outs').click();
    await page.getByTestId('opt-outs-unreadable').getByTestId('opt-outs-restore').click();
    await expect.poll(() => page.getByTestId('opt-outs-unreadable').count()).toBe(0);
    queue.start();
    await expect.poll(async () => ((await app.call('queue:get', { id: jobId })) as { value: JobView }).value.state, { timeout: 30_000 }).toMatch(/awaiting-ack|accepted/);
  });
});
