import { describe, expect, it } from 'vitest';
import { readReportFixture, SMS_UTF8_FIXTURE, VMS_CP1252_FIXTURE } from '../../test/fixtures/reports/load-report-fixture';
import { generateReport } from './generate-report';
import {
  applyOptOuts,
  emptyOptOutList,
  exportOptOutsCsv,
  extractOptOuts,
  importOptOutsCsv,
  mergeOptOuts,
  normaliseOptOutNumber,
  optOutNumberSet,
  removeOptOuts,
  upsertOptOut,
  type OptOutEntry,
} from './opt-outs';
import { parseReportBytes, parseReportText } from './parse-report';

describe('opt-out extraction', () => {
  it('takes STOP (17) and blacklist codes from an SMS report', () => {
    const parsed = parseReportBytes(readReportFixture(SMS_UTF8_FIXTURE));
    expect(extractOptOuts(parsed, { campaignId: '483443', reportDate: '2022-10-16T09:00:00.000Z' })).toEqual([
      { number: '33612345604', reason: 'stop', code: 17, date: '2022-10-16T09:00:00.000Z', sourceCampaign: '483443' },
      { number: '33612345612', reason: 'blacklist', code: 14, date: '2022-10-16T09:00:00.000Z', sourceCampaign: '483443' },
      { number: '33612345613', reason: 'blacklist', code: 15, date: '2022-10-16T09:00:00.000Z', sourceCampaign: '483443' },
      { number: '33612345614', reason: 'blacklist', code: 18, date: '2022-10-16T09:00:00.000Z', sourceCampaign: '483443' },
    ]);
  });

  it('takes 14, 15, 18 and 116 from a VMS report', () => {
    const parsed = parseReportBytes(readReportFixture(VMS_CP1252_FIXTURE));
    const entries = extractOptOuts(parsed, { campaignId: '636956', reportDate: new Date('2024-11-26T10:30:37Z') });
    expect(entries.map((entry) => [entry.number, entry.code, entry.reason])).toEqual([
      ['33612340008', 14, 'blacklist'],
      ['33612340009', 15, 'blacklist'],
      ['33612340010', 18, 'blacklist'],
      ['33612340011', 116, 'blacklist'],
    ]);
  });

  it('keeps one entry per number and normalises +/00 forms', () => {
    const parsed = parseReportText('INT_MOBILE;STATUS_CODE\n+33612345678;17\n0033612345678;14\nabc;14\n33699999999;21\n', { channel: 'sms' });
    expect(extractOptOuts(parsed, { campaignId: '1', reportDate: '2024-01-01T00:00:00Z' }).map((entry) => [entry.number, entry.reason])).toEqual([
      ['33612345678', 'stop'],
    ]);
  });

  it('collects the STOPs that appear in later versions', () => {
    const versions = ['20240301091500', '20240302090000', '20240304090000'].map((generatedAt) =>
      generateReport({ channel: 'sms', dropName: 'a-b-c_20240301090000.csv', campaignId: 42, sentAt: '20240301090000', generatedAt, rows: 3000, seed: 4 }),
    );
    let list = emptyOptOutList();
    const added: number[] = [];
    for (const version of versions) {
      const entries = extractOptOuts(parseReportText(version.content), { campaignId: '42', reportDate: version.generatedAt });
      const merged = mergeOptOuts(list, entries);
      list = merged.list;
      added.push(merged.added);
      expect(merged.updated).toBe(0);
    }
    expect(added[0]).toBeGreaterThan(0);
    expect(added[1] + added[2]).toBeGreaterThan(0);
    // Blacklisted numbers were learned from the first version and keep its date.
    const firstDate = versions[0].generatedAt;
    expect(list.entries.filter((entry) => entry.reason === 'blacklist').every((entry) => entry.date === firstDate)).toBe(true);
  });
});

const entry = (number: string, date: string, extra: Partial<OptOutEntry> = {}): OptOutEntry => ({
  number, reason: 'stop', code: 17, date, sourceCampaign: 'A', ...extra,
});

describe('opt-out list', () => {
  it('merges keeping the earliest date per number', () => {
    const list = mergeOptOuts(emptyOptOutList(), [entry('33600000002', '2024-02-01T00:00:00Z'), entry('33600000001', '2024-03-01T00:00:00Z')]).list;
    const merged = mergeOptOuts(list, [
      entry('33600000001', '2024-01-15T00:00:00Z', { reason: 'blacklist', code: 14, sourceCampaign: 'B' }),
      entry('33600000002', '2024-05-01T00:00:00Z', { sourceCampaign: 'C' }),
      entry('33600000003', '2024-05-01T00:00:00Z'),
    ]);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(1);
    expect(merged.list.entries.map((e) => [e.number, e.date.slice(0, 10), e.sourceCampaign, e.reason])).toEqual([
      ['33600000001', '2024-01-15', 'B', 'blacklist'],
      ['33600000002', '2024-02-01', 'A', 'stop'],
      ['33600000003', '2024-05-01', 'A', 'stop'],
    ]);
  });

  it('edits: upsert replaces, remove deletes', () => {
    let list = mergeOptOuts(emptyOptOutList(), [entry('33600000001', '2024-01-01T00:00:00Z')]).list;
    list = upsertOptOut(list, entry('33600000001', '2024-06-01T00:00:00Z', { reason: 'manual', code: null, sourceCampaign: null }));
    expect(list.entries).toEqual([entry('33600000001', '2024-06-01T00:00:00Z', { reason: 'manual', code: null, sourceCampaign: null })]);
    expect(removeOptOuts(list, ['33600000001']).entries).toEqual([]);
  });

  it('exports to CSV and imports it back unchanged', () => {
    const list = mergeOptOuts(emptyOptOutList(), [
      entry('33612345604', '2022-10-16T09:00:00.000Z', { sourceCampaign: '483443' }),
      entry('33600000001', '2024-06-01T00:00:00.000Z', { reason: 'manual', code: null, sourceCampaign: null }),
    ]).list;
    const csv = exportOptOutsCsv(list);
    expect(csv).toBe(
      '\uFEFFNUMERO;MOTIF;CODE;DATE;CAMPAGNE\r\n33600000001;manual;;2024-06-01T00:00:00.000Z;\r\n33612345604;stop;17;2022-10-16T09:00:00.000Z;483443\r\n',
    );
    const imported = importOptOutsCsv(csv, { defaultDate: '2030-01-01T00:00:00Z' });
    expect(imported.rejected).toEqual([]);
    expect(mergeOptOuts(emptyOptOutList(), imported.entries).list).toEqual(list);
  });

  it('imports a plain column of numbers (no header, commas) and a user file with French dates, reporting bad lines', () => {
    const plain = importOptOutsCsv('06 12 34 56 78\n+32 470 12 34 56\nbonjour\n\n0033699999999\n', { defaultDate: '2024-03-01T10:00:00Z' });
    expect(plain.entries.map((e) => [e.number, e.reason, e.date])).toEqual([
      ['33612345678', 'manual', '2024-03-01T10:00:00.000Z'],
      ['32470123456', 'manual', '2024-03-01T10:00:00.000Z'],
      ['33699999999', 'manual', '2024-03-01T10:00:00.000Z'],
    ]);
    expect(plain.rejected).toEqual([{ line: 3, value: 'bonjour' }]);
    const user = importOptOutsCsv('Nom,Téléphone,Date\nDupont,0612345678,15/07/2024 10:30\nDurand,12,\n', { defaultDate: '2024-03-01T10:00:00Z' });
    expect(user.entries).toEqual([{ number: '33612345678', reason: 'manual', code: null, date: '2024-07-15T08:30:00.000Z', sourceCampaign: null }]);
    expect(user.rejected).toEqual([{ line: 3, value: '12' }]);
  });

  it('applies to a list\'s normalised numbers', () => {
    const set = optOutNumberSet(mergeOptOuts(emptyOptOutList(), [entry('33612345678', '2024-01-01T00:00:00Z'), entry('32470123456', '2024-01-01T00:00:00Z')]).list);
    expect(applyOptOuts(['33612345678', null, '33600000000', '+32470123456', undefined, '33612345678'], set)).toEqual({ excluded: [0, 3, 5], count: 3 });
  });

  it('normalises numbers', () => {
    expect(normaliseOptOutNumber('06.12.34.56.78')).toBe('33612345678');
    expect(normaliseOptOutNumber("'+33612345678")).toBe('33612345678');
    expect(normaliseOptOutNumber('(0)6 12')).toBeNull();
    expect(normaliseOptOutNumber('')).toBeNull();
  });
});
