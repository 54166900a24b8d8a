/**
 * Rapports → Vue d'ensemble with the MediasFlow REST demo connection (created
 * on first start): a period chosen, the sandbox account's by-period reports
 * add the campaign it "sent from the extranet"; the line under the filters
 * says what the account added, the campaign is named by its number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nextDateKey, parisWallFieldsToMs, toParisParts } from '../../shared/scheduling/paris-time';
import { closeBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;

async function value(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

beforeAll(async () => {
  app = await startApp({ demo: true });
});
afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

describe('the across-campaigns view with a MediasFlow REST account (demo sandbox)', () => {
  it('adds the account’s campaign sent elsewhere for the period chosen', async () => {
    const { page } = app;
    const today = toParisParts(Date.now()).dateKey;
    const yesterday = nextDateKey(today, -1);
    const sandbox = (await app.services!.demo.start()).rest.sandbox;
    const numbers = Array.from({ length: 24 }, (_, i) => `336${String(77770000 + i)}`);
    const campaign = sandbox.addCampaignSentElsewhere(numbers, parisWallFieldsToMs(Number(yesterday.slice(0, 4)), Number(yesterday.slice(5, 7)), Number(yesterday.slice(8, 10)), 10, 0));

    await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
    await page.getByTestId('reports-tab-overview').click();
    await page.getByTestId('report-overview').waitFor();
    expect(await value(page, 'overview-campaigns')).toBe(0);
    expect(await page.getByTestId('overview-rest-accounts').count()).toBe(0);

    await page.getByTestId('overview-from').fill(nextDateKey(today, -6));
    await page.getByTestId('overview-to').fill(today);
    const line = page.getByTestId('overview-rest-account');
    await expect.poll(() => line.getAttribute('data-campaigns')).toBe('1');
    expect(await line.textContent()).toBe('« Démo MediasFlow REST » : 1 campagne envoyée hors de Dropdesk ajoutée (rapports par période de MediasFlow, lus par tranches de 7 jours au plus).');
    await expect.poll(() => value(page, 'overview-campaigns')).toBe(1);
    expect(await value(page, 'overview-recipients')).toBe(24);
    // One number in twelve « Mobile non disponible » in the sandbox: 22 delivered out of 24.
    expect(await value(page, 'overview-delivered-rate')).toBeCloseTo(22 / 24, 5);
    expect(await page.getByTestId('chart-overview-delivery-table').textContent()).toContain(`Campagne n° ${campaign.id} (compte MediasFlow)`);
    expect(await page.getByTestId('chart-overview-connection-table').textContent()).toContain('Démo MediasFlow REST');
    await page.mouse.move(5, 5);
    await app.screenshot('rest-period-overview');
    expect(app.problems).toEqual([]);
  });
});
