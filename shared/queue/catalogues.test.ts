import { describe, expect, it } from 'vitest';
import enCampaigns from '../i18n/en/campaigns.json';
import enQueue from '../i18n/en/queue.json';
import frCampaigns from '../i18n/fr/campaigns.json';
import frQueue from '../i18n/fr/queue.json';
import { jobStates } from './job-types';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

describe('queue and campaigns catalogues', () => {
  it.each([
    ['queue', frQueue, enQueue],
    ['campaigns', frCampaigns, enCampaigns],
  ])('%s: English has the same keys and placeholders as French', (_, fr, en) => {
    const frKeys = keyPaths(fr).sort();
    expect(keyPaths(en).sort()).toEqual(frKeys);
    const get = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const path of frKeys) {
      expect(placeholders(String(get(en, path))), path).toEqual(placeholders(String(get(fr, path))));
    }
  });

  it('names every job state', () => {
    for (const state of jobStates) {
      expect(frQueue.states[state]).toBeTruthy();
      expect(frQueue.stateHints[state]).toBeTruthy();
    }
  });
});
