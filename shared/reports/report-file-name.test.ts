import { describe, expect, it } from 'vitest';
import {
  formatReportFileName,
  parseReportFileName,
  reportMatchesDrop,
  sortReportVersions,
} from './report-file-name';

describe('report file names (§4.1)', () => {
  it('reads the immediate-drop example of the spec', () => {
    expect(parseReportFileName('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151054.csv')).toEqual({
      fileName: '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151054.csv',
      dropBaseName: '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000',
      campaignId: '483443',
      generatedAtStamp: '20241116151054',
      generatedAt: '2024-11-16T14:10:54.000Z',
      archived: false,
    });
  });

  it('reads the scheduled-drop example with its upper-case .CSV, from the right', () => {
    const parsed = parseReportFileName('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130_636956_20241126113037.CSV');
    expect(parsed?.dropBaseName).toBe('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130');
    expect(parsed?.campaignId).toBe('636956');
    expect(parsed?.generatedAt).toBe('2024-11-26T10:30:37.000Z');
  });

  it('reads a path in Report/archive (both separators) and flags it', () => {
    const unix = parseReportFileName('/Campagnes/Report/archive/2725-4546-Soldes_20221015_103000_483443_20221018103000.csv');
    expect(unix).toMatchObject({ archived: true, dropBaseName: '2725-4546-Soldes_20221015_103000', campaignId: '483443' });
    expect(parseReportFileName('\\Campagnes\\Report\\Archive\\a-b-c_20221015103000_1_20221018103000.csv')?.archived).toBe(true);
    expect(parseReportFileName('/Campagnes/Report/a-b-c_20221015103000_1_20221018103000.csv')?.archived).toBe(false);
  });

  it('accepts the AAAAMMDD_HHMNSS stamp form the drop names allow', () => {
    expect(parseReportFileName('a-b-c_20221015103000_483443_20221016_110000.csv')).toMatchObject({
      campaignId: '483443',
      generatedAtStamp: '20221016110000',
    });
  });

  it('refuses names that are not reports', () => {
    expect(parseReportFileName('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000.csv')).toBeNull();
    expect(parseReportFileName('x_483443_20241116151054.txt')).toBeNull();
    expect(parseReportFileName('x_483443_20241340151054.csv')).toBeNull();
    expect(parseReportFileName('x_abc_20241116151054.csv')).toBeNull();
  });

  it('matches a report to its drop by dropped name and campaign number', () => {
    const report = parseReportFileName('2725-4546-Soldes_20221015103000_483443_20221016110000.CSV')!;
    expect(reportMatchesDrop(report, '2725-4546-Soldes_20221015103000.csv')).toBe(true);
    expect(reportMatchesDrop(report, '/Campagnes/SMS/2725-4546-Soldes_20221015103000.CSV', 483443)).toBe(true);
    expect(reportMatchesDrop(report, '2725-4546-Soldes_20221015103000.csv', '999')).toBe(false);
    expect(reportMatchesDrop(report, '2725-4546-Soldes_20221015103001.csv')).toBe(false);
  });

  it('sorts versions by generation time and counts a file seen in Report and Report/archive once', () => {
    const versions = sortReportVersions([
      'Report/archive/d_1_20241119150000.csv',
      'Report/d_1_20241117150000.csv',
      'Report/notes.txt',
      'Report/d_1_20241116151054.csv',
      'Report/archive/d_1_20241116151054.csv',
    ]);
    expect(versions.map((version) => [version.generatedAtStamp, version.archived])).toEqual([
      ['20241116151054', false],
      ['20241117150000', false],
      ['20241119150000', true],
    ]);
  });

  it('writes the name the provider writes', () => {
    expect(formatReportFileName('2725-4546-Soldes_20221015103000.csv', 483443, '20221016110000')).toBe(
      '2725-4546-Soldes_20221015103000_483443_20221016110000.csv',
    );
  });
});

describe('a report belongs to its drop (the guide\u2019s examples)', () => {
  const reportOf = (drop: string, file: string, campaignId?: string): boolean => {
    const report = parseReportFileName(file);
    return report !== null && reportMatchesDrop(report, drop, campaignId);
  };

  it('matches immediate and programmed drops, upper-case extension too, with or without .csv on the drop name', () => {
    expect(reportOf('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000.csv', '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151054.csv', '483443')).toBe(true);
    expect(
      reportOf('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130.csv', '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130_636956_20241126113037.CSV'),
    ).toBe(true);
    expect(reportOf('1-DDA-X_20241116150000', '1-DDA-X_20241116150000_7_20241117150000.csv', '7')).toBe(true);
  });

  it('rejects other drops, other campaigns and other shapes', () => {
    const drop = '1-DDA-X_20241116150000.csv';
    expect(reportOf(drop, '1-DDB-X_20241116150000_7_20241117150000.csv')).toBe(false);
    expect(reportOf(drop, '1-DDA-X_20241116150000_7_20241117150000.csv', '8')).toBe(false);
    expect(reportOf(drop, '1-DDA-X_20241116150000.csv')).toBe(false);
    expect(reportOf(drop, '1-DDA-X_20241116150000_7_20241117150000.txt')).toBe(false);
    expect(reportOf(drop, '1-DDA-X_20241116150000-PROG_202411171500_7_20241117150000.csv')).toBe(false);
    expect(reportOf(drop, '1-DDA-X_20241116150000_7_2024111715000.csv')).toBe(false);
  });
});
