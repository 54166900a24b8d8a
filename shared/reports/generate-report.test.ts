import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateReport } from './generate-report';
import { parseAndSummarizeReport } from './parse-and-summarize-report';
import { SMS_REPORT_COLUMNS, VMS_REPORT_COLUMNS } from './report-columns';
import { encodeReportText } from './report-encoding';
import { parseReportFileName } from './report-file-name';
import { categoryOfCode, REPORT_CATEGORIES, type ReportChannel } from './status-codes';
import { emptyCategoryCounts, type ReportSummary } from './summarize-report';
import { readParisDeliveryDate } from './delivery-date';

/** Figures recomputed the slow, obvious way: papaparse objects and plain loops. */
function naiveFigures(content: string, channel: ReportChannel) {
  const rows = Papa.parse<Record<string, string>>(content, { header: true, delimiter: ';', skipEmptyLines: true }).data;
  const categories = emptyCategoryCounts();
  const byCode: Record<string, number> = {};
  const countries: Record<string, number> = {};
  let stop = 0, clicks = 0, clickers = 0, previews = 0, previewers = 0, replies = 0, allowFalse = 0, validFalse = 0;
  for (const row of rows) {
    const code = row.STATUS_CODE;
    categories[/^\d+$/.test(code) ? categoryOfCode(channel, Number(code)) : 'other']++;
    byCode[code] = (byCode[code] ?? 0) + 1;
    if (code === '17') stop++;
    const rowClicks = ['TRACK_1_COUNTER', 'TRACK_2_COUNTER', 'TRACK_3_COUNTER'].reduce((sum, name) => sum + Number(row[name] || 0), 0);
    clicks += rowClicks;
    if (rowClicks > 0) clickers++;
    previews += Number(row.PREVIEW_COUNTER || 0);
    if (Number(row.PREVIEW_COUNTER || 0) > 0) previewers++;
    if ((row.REPLY ?? '').trim() !== '') replies++;
    if (row.MF_ALLOW === 'False') allowFalse++;
    if (row.MF_VALID === 'False') validFalse++;
    countries[row.MF_COUNTRY] = (countries[row.MF_COUNTRY] ?? 0) + 1;
  }
  return { recipients: rows.length, categories, byCode, countries, stop, clicks, clickers, previews, previewers, replies, allowFalse, validFalse, rows };
}

function expectSummaryToMatchNaive(summary: ReportSummary, content: string, channel: ReportChannel): void {
  const naive = naiveFigures(content, channel);
  expect(summary.recipients).toBe(naive.recipients);
  expect(summary.categories).toEqual(naive.categories);
  expect(summary.byCode).toEqual(naive.byCode);
  expect(summary.countries).toEqual(naive.countries);
  expect([summary.stop, summary.clicks, summary.uniqueClickers, summary.previews, summary.uniquePreviewers, summary.replies]).toEqual([
    naive.stop, naive.clicks, naive.clickers, naive.previews, naive.previewers, naive.replies,
  ]);
  expect([summary.mfAllowFalse, summary.mfValidFalse]).toEqual([naive.allowFalse, naive.validFalse]);
}

const smsDrop = '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000.csv';

describe('generated SMS report', () => {
  const report = generateReport({ channel: 'sms', dropName: smsDrop, campaignId: 483443, generatedAt: '20241116151054', rows: 3000, seed: 11 });

  it('is named and laid out to the spec: report columns, then the list columns', () => {
    expect(report.fileName).toBe('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151054.csv');
    expect(report.generatedAt).toBe('2024-11-16T14:10:54.000Z');
    const header = report.content.slice(0, report.content.indexOf('\r\n')).split(';');
    expect(header).toEqual([...SMS_REPORT_COLUMNS, 'MOBILE', 'CIVILITE', 'PRENOM', 'NOM', 'VILLE', 'MONTANT', 'COMMENTAIRE']);
    const rows = naiveFigures(report.content, 'sms').rows;
    expect(rows[0].REF_LIST).toBe(smsDrop);
    expect(rows.map((row) => row.ID_LINE).slice(0, 3)).toEqual(['1', '2', '3']);
    for (const row of rows) {
      if (row.DELIVERYDATE) expect(readParisDeliveryDate(row.DELIVERYDATE, 0, row.DELIVERYDATE.length)).toBeLessThanOrEqual(Date.parse(report.generatedAt));
    }
  });

  it('has a realistic mix: mostly delivered, some of every other final category, never in progress', () => {
    const { summary } = parseAndSummarizeReport(new TextEncoder().encode(report.content), report.fileName);
    expect(summary.deliveredRate).toBeGreaterThan(0.8);
    for (const category of ['undelivered', 'notSent', 'blacklisted', 'sentUnconfirmed'] as const) expect(summary.categories[category]).toBeGreaterThan(0);
    expect(summary.categories.inProgress).toBe(0);
    expect(summary.stop).toBeGreaterThan(0);
    expect(summary.clicks).toBeGreaterThan(0);
  });

  it('summarises exactly what a naive papaparse recount finds (UTF-8)', () => {
    const { summary, file, parsed } = parseAndSummarizeReport(new TextEncoder().encode(report.content), report.fileName);
    expect(file?.campaignId).toBe('483443');
    expect(parsed.rowCount).toBe(3000);
    expectSummaryToMatchNaive(summary, report.content, 'sms');
  });

  it('reads the same figures and text once encoded in Windows-1252 under an upper-case .CSV name', () => {
    const upperName = report.fileName.replace(/\.csv$/, '.CSV');
    const utf8 = parseAndSummarizeReport(new TextEncoder().encode(report.content), report.fileName);
    const legacy = parseAndSummarizeReport(encodeReportText(report.content, 'windows-1252'), upperName);
    expect(legacy.parsed.encoding).toBe('windows-1252');
    expect(legacy.file?.campaignId).toBe('483443');
    expect(legacy.parsed.text).toBe(utf8.parsed.text);
    expect(legacy.summary).toEqual(utf8.summary);
  });

  it('is deterministic for a seed and changes with it', () => {
    const again = generateReport({ channel: 'sms', dropName: smsDrop, campaignId: 483443, generatedAt: '20241116151054', rows: 3000, seed: 11 });
    const other = generateReport({ channel: 'sms', dropName: smsDrop, campaignId: 483443, generatedAt: '20241116151054', rows: 3000, seed: 12 });
    expect(again.content).toBe(report.content);
    expect(other.content).not.toBe(report.content);
  });

  it('takes exact codes, the caller\'s own rows and columns, and LF line ends', () => {
    const exact = generateReport({
      channel: 'sms',
      dropName: 'a-b-c_20240101090000.csv',
      campaignId: 7,
      generatedAt: new Date('2024-01-01T09:30:00Z'),
      originalColumns: ['Nom', 'GSM', 'Montant'],
      rows: [['Zoé', '06 11 22 33 44', '5 €'], ['Loïc; fils', '+32470123456', '1 €'], ['Noël', '07 00 00 00 01', '']],
      codes: [21, 999, 14],
      lineEnding: '\n',
      engagement: false,
    });
    expect(exact.fileName).toBe('a-b-c_20240101090000_7_20240101103000.csv');
    const lines = exact.content.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const rows = naiveFigures(exact.content, 'sms').rows;
    expect(rows.map((row) => [row.INT_MOBILE, row.STATUS_CODE, row.STATUS_TEXT, row.MF_COUNTRY, row.Nom])).toEqual([
      ['33611223344', '21', 'Délivré', 'FR', 'Zoé'],
      ['32470123456', '999', 'Statut inconnu', 'BE', 'Loïc; fils'],
      ['33700000001', '14', 'Destinataire dans votre blacklist', 'FR', 'Noël'],
    ]);
    expect(rows[0].DELIVERYDATE).not.toBe('');
    expect(rows[2].DELIVERYDATE).toBe('');
  });
});

describe('generated VMS report', () => {
  it('has only the §7 columns and VMS codes, and the naive recount matches', () => {
    const report = generateReport({ channel: 'vms', dropName: '813-Philippe-Relance_20241126110000.csv', campaignId: 636956, generatedAt: '20241126113037', rows: 2000, seed: 5 });
    const header = report.content.slice(0, report.content.indexOf('\r\n')).split(';');
    expect(header.slice(0, VMS_REPORT_COLUMNS.length)).toEqual([...VMS_REPORT_COLUMNS]);
    const { summary, parsed } = parseAndSummarizeReport(encodeReportText(report.content, 'windows-1252'), report.fileName);
    expect(parsed.channel).toBe('vms');
    expect(Object.keys(summary.byCode).every((code) => ['2', '8', '14', '15', '18', '21', '116', '117'].includes(code))).toBe(true);
    expect(summary.categories.other).toBe(0);
    expectSummaryToMatchNaive(summary, report.content, 'vms');
  });
});

describe('generated report versions (end of send, +24 h, +72 h)', () => {
  // MediasFlow's default versions: end of send (+15 min here), +24 h, +72 h.
  const versions = ['20241116151500', '20241117150000', '20241119150000'].map((generatedAt) =>
    generateReport({ channel: 'sms', dropName: smsDrop, campaignId: 483443, sentAt: '20241116150000', generatedAt, rows: 2000, seed: 3 }),
  );
  const summaries = versions.map((version) => parseAndSummarizeReport(new TextEncoder().encode(version.content), version.fileName));

  it('are three files of the same campaign, in time order', () => {
    expect(versions.map((version) => version.fileName)).toEqual([
      '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151500.csv',
      '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241117150000.csv',
      '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241119150000.csv',
    ]);
    expect(versions.map((version) => parseReportFileName(version.fileName)?.campaignId)).toEqual(['483443', '483443', '483443']);
  });

  it('progress from in progress to final, STOP and clicks only growing', () => {
    const [first, second, third] = summaries.map((result) => result.summary);
    expect(first.categories.inProgress).toBeGreaterThan(0);
    expect(second.categories.inProgress).toBe(0);
    expect(third.categories.inProgress).toBe(0);
    expect(first.categories.delivered).toBeLessThan(second.categories.delivered);
    expect(second.categories.delivered).toBeLessThanOrEqual(third.categories.delivered);
    expect(first.stop).toBeLessThanOrEqual(second.stop);
    expect(second.stop).toBeLessThanOrEqual(third.stop);
    expect(first.clicks).toBeLessThanOrEqual(second.clicks);
    expect(second.clicks).toBeLessThan(third.clicks);
    // Not-sent and blacklisted rows are final from the first version.
    expect(first.categories.notSent).toBe(third.categories.notSent);
    expect(first.categories.blacklisted).toBe(third.categories.blacklisted);
    for (const summary of [first, second, third]) expect(REPORT_CATEGORIES.reduce((sum, category) => sum + summary.categories[category], 0)).toBe(2000);
  });

  it('the last version equals the same report generated without progression', () => {
    const final = generateReport({ channel: 'sms', dropName: smsDrop, campaignId: 483443, generatedAt: '20241119150000', rows: 2000, seed: 3 });
    const finalSummary = parseAndSummarizeReport(new TextEncoder().encode(final.content), final.fileName).summary;
    expect(summaries[2].summary.byCode).toEqual(finalSummary.byCode);
    expectSummaryToMatchNaive(summaries[2].summary, versions[2].content, 'sms');
  });
});
