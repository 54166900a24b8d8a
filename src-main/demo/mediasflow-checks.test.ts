import { describe, expect, it } from 'vitest';
import { parisWallClockToInstant } from '@shared/scheduling/paris-time';
import { checkMediasflowDrop, type MediasflowDropInput } from './mediasflow-checks';
import { defaultDemoTemplates } from './demo-options';

const paris = (year: number, month: number, day: number, hour: number, minute: number, second = 0): Date => {
  const resolved = parisWallClockToInstant({ year, month, day, hour, minute, second });
  if (!resolved.ok) throw new Error('bad test date');
  return resolved.instant;
};
const receivedAt = paris(2025, 3, 14, 10, 30);
const input = (fileName: string, overrides: Partial<MediasflowDropInput> = {}): MediasflowDropInput => ({
  fileName,
  folderChannel: 'sms',
  receivedAt,
  header: ['MOBILE', 'PRENOM'],
  templates: defaultDemoTemplates,
  ...overrides,
});
const codeOf = (fileName: string, overrides: Partial<MediasflowDropInput> = {}) => {
  const verdict = checkMediasflowDrop(input(fileName, overrides));
  return verdict.accepted ? 'accepted' : verdict.code;
};

describe('checkMediasflowDrop (guide §2.2 and §3)', () => {
  it('accepts an immediate drop on an existing SMS template, in every date spelling', () => {
    expect(codeOf('1001-DDABC123-Soldes Hiver_20250314102500.csv')).toBe('accepted');
    expect(codeOf('1001-DDABC123-Soldes Hiver_20250314_102500.csv')).toBe('accepted');
    expect(codeOf('1001-DDABC123-Relance impayés_20250314102500-PROG_202503141200.csv')).toBe('accepted');
    expect(codeOf('1001-DDABC123-Relance-PROG_202503141200.csv')).toBe('accepted');
    const verdict = checkMediasflowDrop(input('1001-X1-Nom_20250314102500.csv', { header: ['NOM', ' gsm '] }));
    expect(verdict.accepted && verdict.mobileColumn).toBe(1);
  });

  it('02 for a bad immediate name, 06 when a programmed form was attempted', () => {
    expect(codeOf('campagne.csv')).toBe('02');
    expect(codeOf('1001-DD1-Soldes!_20250314102500.csv')).toBe('02');
    expect(codeOf('1001-DD1-Soldes_20251314102500.csv')).toBe('02');
    expect(codeOf('1001-DD1-Soldes_20250314102500-PROG_2025031412.csv')).toBe('06');
  });

  it('01 once the file arrives 2 hours or more after its stamp, not before', () => {
    expect(codeOf('1001-DD1-Soldes_20250314083000.csv')).toBe('01');
    expect(codeOf('1001-DD1-Soldes_20250314083001.csv')).toBe('accepted');
    // A stamp in the future (clock ahead) is not an expiry.
    expect(codeOf('1001-DD1-Soldes_20250314113000.csv')).toBe('accepted');
  });

  it('05 when the PROG date has passed', () => {
    expect(codeOf('1001-DD1-Soldes_20250314102500-PROG_202503141029.csv')).toBe('05');
    expect(codeOf('1001-DD1-Soldes-PROG_202503141031.csv')).toBe('accepted');
  });

  it('03 unknown template, 09 template no longer "En création", 08 internal error, 07 wrong folder', () => {
    expect(codeOf('4242-DD1-Soldes_20250314102500.csv')).toBe('03');
    expect(codeOf('1009-DD1-Soldes_20250314102500.csv')).toBe('09');
    expect(codeOf('1008-DD1-Soldes_20250314102500.csv')).toBe('08');
    expect(codeOf('2001-DD1-Message vocal_20250314102500.csv')).toBe('07');
    expect(codeOf('2001-DD1-Message vocal_20250314102500.csv', { folderChannel: 'vms' })).toBe('accepted');
    expect(codeOf('1001-DD1-Soldes_20250314102500.csv', { folderChannel: 'vms' })).toBe('07');
  });

  it('04 without a MOBILE, PORTABLE, SMS or GSM column, or without any header', () => {
    expect(codeOf('1001-DD1-Soldes_20250314102500.csv', { header: ['TELEPHONE', 'NOM'] })).toBe('04');
    expect(codeOf('1001-DD1-Soldes_20250314102500.csv', { header: ['MOBILE,NOM'] })).toBe('04');
    expect(codeOf('1001-DD1-Soldes_20250314102500.csv', { header: null })).toBe('04');
    expect(codeOf('1001-DD1-Soldes_20250314102500.csv', { header: ['Portable'] })).toBe('accepted');
  });
});
