import { describe, expect, it } from 'vitest';
import { accountPeriodFigures, campaignIdOfRow, deliveryDayOfRow } from './rest-period-figures';

const row = (campaign: number | string | undefined, line: number, code: number, date: string) => ({ ...(campaign === undefined ? {} : { ID_CAMPAIGN: campaign }), ID_LINE: line, INT_MOBILE: `+3361234${String(line).padStart(4, '0')}`, STATUS_CODE: code, DELIVERYDATE: date });
const period = { from: '2026-11-02', to: '2026-11-08' };

describe('accountPeriodFigures (by-period rows → the account campaigns of the period)', () => {
  it('counts each campaign once: Dropdesk’s own campaigns are skipped, a row seen twice counts once', () => {
    const rows = [
      row(901, 1, 16, '2026-11-03T09:00:02Z'),
      row(901, 2, 31, '2026-11-03T09:00:02Z'),
      row(901, 2, 31, '2026-11-03T09:00:02Z'), // the same row again (another answer)
      row(950, 1, 16, '2026-11-04T10:00:00Z'),
      row(950, 2, 17, '2026-11-04T10:00:00Z'),
      row(950, 3, 16, '2026-11-04T10:00:00Z'),
      row(undefined, 9, 16, '2026-11-04T10:00:00Z'),
    ];
    const figures = accountPeriodFigures({ rows, ownCampaignIds: new Set(['901']), period, today: '2026-12-01' });
    expect(figures.ownCampaignsSkipped).toBe(1);
    expect(figures.unattributedRows).toBe(1);
    expect(figures.campaigns).toHaveLength(1);
    expect(figures.campaigns[0]).toMatchObject({ campaignId: '950', day: '2026-11-04' });
    expect(figures.campaigns[0].summary).toMatchObject({ recipients: 3, stop: 1 });
    expect(figures.campaigns[0].summary.categories.delivered).toBe(3);
  });

  it('places a campaign on the Paris day of its first delivery and leaves out those of the extra days fetched', () => {
    const rows = [
      row(960, 1, 16, '2026-11-01T23:30:00Z'), // 00:30 in Paris on the 2nd: inside
      row(961, 1, 16, '2026-11-01T22:30:00Z'), // 23:30 in Paris on the 1st: the day before the period
      row(962, 1, 16, '09/11/2026 08:00:00'), // MediasFlow's own format, the day after
      row(963, 1, 16, '08/11/2026 23:59:00'),
      row(963, 2, 16, '09/11/2026 00:01:00'),
    ];
    const figures = accountPeriodFigures({ rows, ownCampaignIds: new Set(), period, today: '2026-12-01' });
    expect(figures.campaigns.map((campaign) => [campaign.campaignId, campaign.day])).toEqual([['960', '2026-11-02'], ['963', '2026-11-08']]);
    expect(figures.campaigns[1].summary.recipients).toBe(2);
  });

  it('places a campaign with no delivery date yet today (it is being sent now)', () => {
    const rows = [row(970, 1, 9, ''), row(970, 2, 9, '')];
    expect(accountPeriodFigures({ rows, ownCampaignIds: new Set(), period: { from: '2026-11-25', to: '2026-12-01' }, today: '2026-12-01' }).campaigns).toMatchObject([{ campaignId: '970', day: '2026-12-01' }]);
    expect(accountPeriodFigures({ rows, ownCampaignIds: new Set(), period, today: '2026-12-01' }).campaigns).toEqual([]);
  });

  it('reads campaign numbers and dates strictly', () => {
    expect(campaignIdOfRow({ ID_CAMPAIGN: 5101 })).toBe('5101');
    expect(campaignIdOfRow({ ID_CAMPAIGN: '5101' })).toBe('5101');
    expect(campaignIdOfRow({ ID_CAMPAIGN: 0 })).toBeNull();
    expect(campaignIdOfRow({ ID_CAMPAIGN: 'abc' })).toBeNull();
    expect(campaignIdOfRow({ ID_CAMPAIGN: 1.5 })).toBeNull();
    expect(deliveryDayOfRow({ DELIVERYDATE: '25/10/2026 02:30:00' })).toBe('2026-10-25');
    expect(deliveryDayOfRow({ DELIVERYDATE: 'bientôt' })).toBeNull();
  });
});
