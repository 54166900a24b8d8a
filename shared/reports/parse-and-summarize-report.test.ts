import { describe, expect, it } from 'vitest';
import { generateReport } from './generate-report';
import { handleReportWorkerRequest, parseAndSummarizeReport, reportTransferables } from './parse-and-summarize-report';

describe('worker entry', () => {
  const report = generateReport({ channel: 'sms', dropName: 'x-y-z_20240301090000.csv', campaignId: 3, generatedAt: '20240301100000', rows: 200, seed: 2 });
  const bytes = new TextEncoder().encode(report.content);

  it('returns the summary, the file name and compact columns', () => {
    const result = parseAndSummarizeReport(bytes, `/Campagnes/Report/archive/${report.fileName}`);
    expect(result.file).toMatchObject({ campaignId: '3', archived: true });
    expect(result.parsed.codes).toBeInstanceOf(Int32Array);
    expect(result.parsed.codes).toHaveLength(200);
    expect(result.summary.recipients).toBe(200);
    expect(reportTransferables(result)).toHaveLength(9);
  });

  it('answers with data a worker can post, errors included', () => {
    const ok = handleReportWorkerRequest({ id: 1, bytes, fileName: report.fileName });
    expect(ok.response).toMatchObject({ id: 1, ok: true });
    // The response survives structured cloning (what postMessage does), typed arrays included.
    const cloned = structuredClone(ok.response);
    expect(cloned.ok && cloned.result.parsed.categories).toBeInstanceOf(Uint8Array);
    const bad = handleReportWorkerRequest({ id: 2, bytes: new TextEncoder().encode('MOBILE;NOM\n1;a\n'), fileName: 'liste.csv' });
    expect(bad).toEqual({
      response: {
        id: 2,
        ok: false,
        error: expect.objectContaining({ code: 'missing-columns', messageKey: 'errors.missingColumns', details: { columns: ['INT_MOBILE', 'STATUS_CODE'] } }),
      },
      transfer: [],
    });
    expect(bad.response.ok === false && bad.response.error.message).toMatch(/pas un rapport MediasFlow/);
  });
});
