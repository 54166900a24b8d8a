import { describe, expect, it } from 'vitest';
import { campaignStatusOf, isCampaignLocked, previousSendOfList, type CampaignJob } from './campaign-status';

const now = new Date('2026-12-01T10:00:00Z');
const job = (over: Partial<CampaignJob>): CampaignJob => ({
  draftId: 'c1',
  listId: 'l1',
  campaignName: 'Rappel rendez-vous',
  state: 'accepted',
  programmedAt: null,
  onServerAt: '2026-11-30T09:00:00Z',
  createdAt: '2026-11-30T08:59:00Z',
  updatedAt: '2026-11-30T09:01:00Z',
  recipients: 9,
  ...over,
});

describe('campaign status (issue 11 §5)', () => {
  it('is a draft until a drop is live, then sending, programmed, sent', () => {
    expect(campaignStatusOf('c1', [], now)).toEqual({ kind: 'draft' });
    expect(campaignStatusOf('c1', [job({ state: 'rejected' }), job({ state: 'cancelled' })], now)).toEqual({ kind: 'draft' });
    expect(campaignStatusOf('c1', [job({ state: 'awaiting-ack' })], now)).toEqual({ kind: 'sending', recipients: 9 });
    expect(campaignStatusOf('c1', [job({ programmedAt: '2026-12-02T07:55:00Z' })], now)).toEqual({ kind: 'programmed', at: '2026-12-02T07:55:00Z', recipients: 9 });
    expect(campaignStatusOf('c1', [job({})], now)).toEqual({ kind: 'sent', at: '2026-11-30T09:00:00Z', recipients: 9 });
    expect(campaignStatusOf('c2', [job({})], now)).toEqual({ kind: 'draft' });
    expect(isCampaignLocked({ kind: 'draft' })).toBe(false);
    expect(isCampaignLocked({ kind: 'sent', at: '', recipients: 1 })).toBe(true);
  });

  it('finds the same list sent in the last days, not a refused drop nor an old one', () => {
    expect(previousSendOfList('l1', [job({})], now)).toEqual({ campaignName: 'Rappel rendez-vous', at: '2026-11-30T09:00:00Z', recipients: 9 });
    expect(previousSendOfList('l1', [job({ state: 'rejected' })], now)).toBeNull();
    expect(previousSendOfList('l1', [job({ createdAt: '2026-11-01T08:00:00Z' })], now)).toBeNull();
    expect(previousSendOfList('l2', [job({})], now)).toBeNull();
  });

  it('never counts a test to the user’s own phone as the campaign’s send (issue 11 §4)', () => {
    const test = job({ test: true, recipients: 1, campaignName: 'Rappel rendez-vous — test' });
    expect(campaignStatusOf('c1', [test], now)).toEqual({ kind: 'draft' });
    expect(campaignStatusOf('c1', [test, job({})], now)).toEqual({ kind: 'sent', at: '2026-11-30T09:00:00Z', recipients: 9 });
    expect(previousSendOfList('l1', [test], now)).toBeNull();
  });
});
