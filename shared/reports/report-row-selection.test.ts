import { describe, expect, it } from 'vitest';
import { parseAndSummarizeReport } from './parse-and-summarize-report';
import { generateReport } from './generate-report';
import { encodeReportText } from './report-encoding';
import { listRowsOfNumbers, reportLines, retargetVerdict, selectRetargetNumbers, type ReportLine } from './report-row-selection';
import { SMS_STATUS_CODES, VMS_STATUS_CODES } from './status-codes';
import { ISENDPRO_NOTIFICATION_CODES } from '../providers/isendpro/isendpro-codes';

describe('retargetVerdict (the guide codes)', () => {
  it('re-targets SMS lines the operator did not deliver or MediasFlow did not send for an account or message reason', () => {
    const retargeted = SMS_STATUS_CODES.filter((info) => retargetVerdict('sms', info.code) === 'retarget').map((info) => info.code).sort((a, b) => a - b);
    expect(retargeted).toEqual([3, 5, 6, 7, 8, 12, 13, 19, 20, 22, 23, 25, 26, 27, 31, 32]);
  });

  it('re-targets VMS 117 (non délivré) and 8 (crédit insuffisant) only', () => {
    const retargeted = VMS_STATUS_CODES.filter((info) => retargetVerdict('vms', info.code) === 'retarget').map((info) => info.code).sort((a, b) => a - b);
    expect(retargeted).toEqual([8, 117]);
  });

  it('never re-targets STOP, blacklists, deliveries, lines still on their way, wrong numbers, duplicates or unknown codes', () => {
    expect(retargetVerdict('sms', 17)).toBe('opted-out');
    for (const code of [14, 15, 18]) expect(retargetVerdict('sms', code)).toBe('opted-out');
    for (const code of [14, 15, 18, 116]) expect(retargetVerdict('vms', code)).toBe('opted-out');
    for (const code of [16, 21]) expect(retargetVerdict('sms', code)).toBe('delivered');
    for (const code of [1, 9, 10, 24, 28]) expect(retargetVerdict('sms', code)).toBe('pending');
    for (const code of [2, 29, 30]) expect(retargetVerdict('sms', code)).toBe('wrong-number');
    expect(retargetVerdict('sms', 4)).toBe('duplicate');
    expect(retargetVerdict('sms', 999)).toBe('unknown');
    expect(retargetVerdict('sms', null)).toBe('unknown');
    expect(retargetVerdict('vms', 20)).toBe('unknown');
  });
});

describe('retargetVerdict (iSendPro annex codes)', () => {
  it('re-targets only the codes where iSendPro sent nothing because of the account or the message', () => {
    const retargeted = ISENDPRO_NOTIFICATION_CODES.filter((info) => retargetVerdict('sms', info.code, 'isendpro') === 'retarget').map((info) => info.code);
    expect(retargeted).toEqual([1, 2, 3, 12, 14, 16, 23, 30, 33, 34]);
  });

  it('never re-targets a sent message (0, may still arrive), the blacklist (11), a wrong number, a batch the queue sends again, or an unknown code', () => {
    expect(retargetVerdict('sms', 0, 'isendpro')).toBe('pending');
    expect(retargetVerdict('sms', 11, 'isendpro')).toBe('opted-out');
    for (const code of [6, 7, 21, 22, 27]) expect(retargetVerdict('sms', code, 'isendpro')).toBe('wrong-number');
    for (const code of [24, 29, 999]) expect(retargetVerdict('sms', code, 'isendpro')).toBe('pending');
    expect(retargetVerdict('sms', 5, 'isendpro')).toBe('unknown');
    expect(retargetVerdict('sms', null, 'isendpro')).toBe('unknown');
  });

  it('selects with them: 20 is MediasFlow « non délivré » but no iSendPro code; iSendPro 12 sent nothing', () => {
    const lines: ReportLine[] = [{ number: '33611111111', raw: '', code: 12 }, { number: '33622222222', raw: '', code: 20 }];
    expect(selectRetargetNumbers('sms', lines, () => false, 'isendpro')).toEqual({ numbers: ['33611111111'], optedOut: 0 });
    expect(selectRetargetNumbers('sms', lines, () => false).numbers).toEqual(['33611111111', '33622222222']);
  });
});

describe('selectRetargetNumbers', () => {
  const line = (number: string | null, code: number | null): ReportLine => ({ number, raw: '', code });

  it('keeps each not-delivered number once, in report order', () => {
    const lines = [line('33611111111', 20), line('33622222222', 21), line('33633333333', 31), line('33611111111', 22)];
    expect(selectRetargetNumbers('sms', lines, () => false)).toEqual({ numbers: ['33611111111', '33633333333'], optedOut: 0 });
  });

  it('leaves out a number delivered, STOPped, blacklisted or pending on another line', () => {
    const lines = [line('33611111111', 20), line('33611111111', 21), line('33622222222', 20), line('33622222222', 17), line('33633333333', 8), line('33633333333', 14), line('33644444444', 20), line('33644444444', 10)];
    expect(selectRetargetNumbers('sms', lines, () => false).numbers).toEqual([]);
  });

  it('never re-targets a number of the opt-out list, and counts it', () => {
    const lines = [line('33611111111', 20), line('33622222222', 25)];
    expect(selectRetargetNumbers('sms', lines, (number) => number === '33622222222')).toEqual({ numbers: ['33611111111'], optedOut: 1 });
  });

  it('skips lines without a readable number', () => {
    expect(selectRetargetNumbers('sms', [line(null, 20)], () => false).numbers).toEqual([]);
  });
});

describe('reportLines', () => {
  it("reads each line's international number, the list's mobile cell and the code", () => {
    const generated = generateReport({ channel: 'sms', dropName: '1-X-Test_20241126100000.csv', campaignId: '1', generatedAt: '2024-11-27T10:00:00Z', rows: 4, codes: [21, 20, 2, 999] });
    const { parsed } = parseAndSummarizeReport(encodeReportText(generated.content, 'utf-8'), generated.fileName);
    const lines = reportLines(parsed, [0, 1, 3]);
    expect(lines.map((entry) => entry.code)).toEqual([21, 20, 999]);
    for (const entry of lines) {
      expect(entry.number).toMatch(/^33[67]\d{8}$/);
      expect(entry.raw).toBe(`0${entry.number!.slice(2)}`);
    }
  });
});

describe('listRowsOfNumbers', () => {
  it("finds the list's rows by their checked number, and by their cell when the report could not read it", () => {
    const normalized = [33611111111, 0, 33622222222, 33611111111, 0];
    const cells = ['06 11 11 11 11', '6,10085E+08', '06 22 22 22 22', '0611111111', 'abc'];
    expect(listRowsOfNumbers(normalized, (row) => cells[row], ['33611111111'], ['6,10085E+08'])).toEqual([0, 1, 3]);
    expect(listRowsOfNumbers(normalized, null, ['33622222222'])).toEqual([2]);
    expect(listRowsOfNumbers(normalized, (row) => cells[row], [], [''])).toEqual([]);
  });
});
