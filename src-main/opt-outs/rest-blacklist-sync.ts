/**
 * "Synchroniser la liste noire" for a MediasFlow REST connection: the
 * account's blacklist (GET /blacklist) is added to the local opt-out list
 * through the fail-closed opt-out service (an unreadable local list refuses
 * the sync, nothing is written); on request (`push`), the local opt-outs the
 * account does not have yet are sent to it (POST /blacklist, one number per
 * request — adding a number already there changes nothing, so a lost answer
 * is harmless). Reads and adds only: never removes a number on either side.
 */
import { normaliseOptOutNumber, type OptOutEntry } from '@shared/reports/opt-outs';
import { createRestClient, type RestClientOptions, type RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import type { OptOutService } from './opt-out-service';

export interface BlacklistSyncResult {
  /** Numbers of the account's blacklist newly added to the local list. */
  pulled: number;
  /** Local opt-outs sent to the account's blacklist. */
  pushed: number;
  /** Numbers in the account's blacklist (mobile entries). */
  accountEntries: number;
}

export interface BlacklistSyncInput {
  endpoint: RestEndpoint;
  optOuts: Pick<OptOutService, 'numberSet' | 'mergeFromReport'>;
  push: boolean;
  brand?: string | null;
  clientOptions?: RestClientOptions;
  now?: () => Date;
}

/** The mobile numbers of GET /blacklist, international digits (pure). */
export function readBlacklistNumbers(answer: unknown): { number: string; date: string | null }[] {
  if (!Array.isArray(answer)) throw new Error('La liste noire renvoyée par MediasFlow est illisible.');
  const numbers: { number: string; date: string | null }[] = [];
  for (const entry of answer) {
    if (!entry || typeof entry !== 'object') continue;
    const { item, typeItem, creationDate } = entry as { item?: unknown; typeItem?: unknown; creationDate?: unknown };
    if (typeof item !== 'string' || (typeItem !== undefined && typeItem !== 'MOBILE')) continue;
    const number = normaliseOptOutNumber(item);
    const date = typeof creationDate === 'string' && !Number.isNaN(Date.parse(creationDate)) ? new Date(creationDate).toISOString() : null;
    if (number) numbers.push({ number, date });
  }
  return numbers;
}

export async function syncRestBlacklist(input: BlacklistSyncInput): Promise<BlacklistSyncResult> {
  const now = input.now ?? (() => new Date());
  // Fail closed first: an unreadable local list stops everything before any call.
  const local = await input.optOuts.numberSet();
  const client = createRestClient(input.endpoint, input.clientOptions);
  try {
    const account = readBlacklistNumbers(await client.callJson<unknown>({ method: 'GET', path: '/blacklist' }));
    const entries: OptOutEntry[] = account.map(({ number, date }) => ({ number, reason: 'blacklist', code: null, date: date ?? now().toISOString(), sourceCampaign: null }));
    const merged = await input.optOuts.mergeFromReport(entries);
    let pushed = 0;
    if (input.push) {
      const there = new Set(account.map((entry) => entry.number));
      for (const number of [...local].sort()) {
        if (there.has(number)) continue;
        const body: Record<string, unknown> = { item: `+${number}`, typeItem: 'MOBILE', createdDescription: 'Liste d’opposition Dropdesk' };
        if (input.brand) body.brand = input.brand;
        await client.call({ method: 'POST', path: '/blacklist', json: body });
        pushed++;
      }
    }
    return { pulled: merged.added, pushed, accountEntries: account.length };
  } finally {
    await client.close();
  }
}
