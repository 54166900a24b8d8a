import { describe, expect, it } from 'vitest';
import { diffReportSummaries, reportEvolution } from './diff-report-summaries';
import { generateReport } from './generate-report';
import { parseReportText } from './parse-report';
import { summarizeReport } from './summarize-report';

const report = (rows: string[]) => summarizeReport(parseReportText(['INT_MOBILE;STATUS_CODE;REPLY;TRACK_1_COUNTER', ...rows].join('\r\n')));

describe('version comparison', () => {
  const first = report(['1;9;;', '2;9;;', '3;1;;', '4;14;;', '5;21;;']);
  const latest = report(['1;21;;2', '2;17;STOP;', '3;31;;', '4;14;;', '5;21;;1']);

  it('gives per-category and per-code deltas', () => {
    const diff = diffReportSummaries(first, latest);
    expect(diff.recipients).toEqual({ previous: 5, latest: 5, delta: 0 });
    expect(diff.categories.delivered).toEqual({ previous: 1, latest: 3, delta: 2 });
    expect(diff.categories.inProgress).toEqual({ previous: 3, latest: 0, delta: -3 });
    expect(diff.categories.undelivered).toEqual({ previous: 0, latest: 1, delta: 1 });
    expect(diff.categories.blacklisted.delta).toBe(0);
    expect(diff.codes).toEqual([
      { code: '1', label: 'En cours de traitement', category: 'inProgress', previous: 1, latest: 0, delta: -1 },
      { code: '9', label: "En cours d'envoi", category: 'inProgress', previous: 2, latest: 0, delta: -2 },
      { code: '14', label: 'Destinataire dans votre blacklist', category: 'blacklisted', previous: 1, latest: 1, delta: 0 },
      { code: '17', label: 'Délivré + STOP demandé', category: 'delivered', previous: 0, latest: 1, delta: 1 },
      { code: '21', label: 'Délivré', category: 'delivered', previous: 1, latest: 2, delta: 1 },
      { code: '31', label: 'Mobile non disponible', category: 'undelivered', previous: 0, latest: 1, delta: 1 },
    ]);
    expect(diff.stop).toEqual({ previous: 0, latest: 1, delta: 1 });
    expect(diff.clicks).toEqual({ previous: 0, latest: 3, delta: 3 });
    expect(diff.replies.delta).toBe(1);
    expect(diff.deliveredRate.delta).toBeCloseTo(0.4, 12);
    expect(diff.changed).toBe(true);
  });

  it('says when nothing changed, and treats a first version as all new', () => {
    expect(diffReportSummaries(latest, latest).changed).toBe(false);
    const fromNothing = diffReportSummaries(null, first);
    expect(fromNothing.recipients).toEqual({ previous: 0, latest: 5, delta: 5 });
    expect(fromNothing.codes.map((entry) => [entry.code, entry.delta])).toEqual([['1', 1], ['9', 2], ['14', 1], ['21', 1]]);
  });

  it('builds the evolution across versions, oldest first', () => {
    const evolution = reportEvolution([
      { generatedAt: '2024-11-17T14:00:00.000Z', fileName: 'b.csv', summary: latest },
      { generatedAt: '2024-11-16T14:10:54.000Z', fileName: 'a.csv', summary: first },
    ]);
    expect(evolution.map((point) => [point.fileName, point.delivered, point.inProgress, point.undelivered, point.stop])).toEqual([
      ['a.csv', 1, 3, 0, 0],
      ['b.csv', 3, 0, 1, 1],
    ]);
  });

  it('works on generated versions: the +72 h report has no row left in progress', () => {
    const base = { channel: 'sms' as const, dropName: 'd-e-f_20240301090000.csv', campaignId: 9, rows: 500, seed: 8, sentAt: '20240301090000' };
    const early = generateReport({ ...base, generatedAt: '20240301091500' });
    const late = generateReport({ ...base, generatedAt: '20240304090000' });
    const diff = diffReportSummaries(summarizeReport(parseReportText(early.content)), summarizeReport(parseReportText(late.content)));
    expect(diff.categories.inProgress.latest).toBe(0);
    expect(diff.categories.inProgress.delta).toBe(-diff.categories.inProgress.previous);
    expect(diff.recipients.delta).toBe(0);
    expect(Object.values(diff.categories).reduce((sum, entry) => sum + entry.delta, 0)).toBe(0);
  });
});
