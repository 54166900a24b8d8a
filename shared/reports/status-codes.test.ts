import { describe, expect, it } from 'vitest';
import fr from '../i18n/fr/reports.json';
import en from '../i18n/en/reports.json';
import {
  CATEGORY_COLOURS,
  categoryIndexTable,
  categoryOfCode,
  codeColour,
  REPORT_CATEGORIES,
  SMS_STATUS_CODES,
  VMS_STATUS_CODES,
  CATEGORY_INDEX,
  type ReportCategory,
} from './status-codes';

const grouping = (channel: 'sms' | 'vms', codes: number[]) => codes.map((code) => categoryOfCode(channel, code));

describe('status code categories (issue 5)', () => {
  it('groups SMS codes exactly as the issue says', () => {
    const expected: Record<ReportCategory, number[]> = {
      delivered: [16, 21, 17],
      inProgress: [1, 9],
      sentUnconfirmed: [10, 24, 28],
      undelivered: [20, 25, 29, 30, 31, 32, 13, 27, 22, 23, 26],
      notSent: [2, 3, 4, 5, 6, 7, 8, 12, 19],
      blacklisted: [14, 15, 18],
      other: [0, 11, 33, 117, 116, 999],
    };
    for (const [category, codes] of Object.entries(expected)) expect(grouping('sms', codes)).toEqual(codes.map(() => category));
    expect(SMS_STATUS_CODES).toHaveLength(31);
  });

  it('groups VMS codes exactly as the issue says', () => {
    const expected: Partial<Record<ReportCategory, number[]>> = {
      delivered: [21],
      inProgress: [1, 9],
      undelivered: [117],
      notSent: [2, 8],
      blacklisted: [14, 15, 18, 116],
      other: [16, 17, 10, 25, 3, 555],
    };
    for (const [category, codes] of Object.entries(expected)) expect(grouping('vms', codes)).toEqual(codes.map(() => category));
    expect(VMS_STATUS_CODES).toHaveLength(10);
  });

  it('the hot-loop table agrees with the lookup', () => {
    for (const channel of ['sms', 'vms'] as const) {
      const table = categoryIndexTable(channel);
      for (let code = 0; code < 256; code++) expect(REPORT_CATEGORIES[table[code]]).toBe(categoryOfCode(channel, code));
    }
    expect(CATEGORY_INDEX.other).toBe(6);
  });

  it('has a colour per category and the spec\'s colours for VMS codes', () => {
    expect(Object.keys(CATEGORY_COLOURS)).toEqual([...REPORT_CATEGORIES]);
    expect(new Set(Object.values(CATEGORY_COLOURS).map((colour) => colour.hex)).size).toBe(REPORT_CATEGORIES.length);
    expect(codeColour('vms', 15)).toBe('#212121');
    expect(codeColour('vms', 117)).toBe(CATEGORY_COLOURS.undelivered.hex);
    expect(codeColour('sms', 21)).toBe(CATEGORY_COLOURS.delivered.hex);
    expect(codeColour('sms', 999)).toBe(CATEGORY_COLOURS.other.hex);
  });

  it('every code and category has a French and an English label', () => {
    for (const info of SMS_STATUS_CODES) {
      expect(fr.codes.sms[String(info.code) as keyof typeof fr.codes.sms]).toBe(info.label);
      expect(en.codes.sms[String(info.code) as keyof typeof en.codes.sms]).toBeTruthy();
    }
    for (const info of VMS_STATUS_CODES) {
      expect(fr.codes.vms[String(info.code) as keyof typeof fr.codes.vms]).toBe(info.label);
      expect(en.codes.vms[String(info.code) as keyof typeof en.codes.vms]).toBeTruthy();
    }
    for (const category of REPORT_CATEGORIES) {
      expect(fr.categories[category]).toBeTruthy();
      expect(en.categories[category]).toBeTruthy();
    }
  });
});
