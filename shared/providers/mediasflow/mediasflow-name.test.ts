import { describe, expect, it } from 'vitest';
import { buildMediasflowName, isStampStillUsable, parseMediasflowName } from './mediasflow-name';

const stampAt = new Date('2022-10-15T08:30:00Z'); // 10:30:00 in Paris (summer time)

describe('buildMediasflowName', () => {
  it('writes the immediate form with the Paris stamp of the upload start', () => {
    expect(buildMediasflowName({ templateId: '2725', idDelivery: 'DD4546', campaignName: 'Campagne Soldes Hiver 2022', stampAt })).toEqual({
      ok: true,
      name: '2725-DD4546-Campagne Soldes Hiver 2022_20221015103000.csv',
    });
  });

  it('adds -PROG_YYYYMMDDHHMM after the stamp for a programmed send', () => {
    const result = buildMediasflowName({
      templateId: '2725',
      idDelivery: 'DD4546',
      campaignName: 'Campagne Soldes Hiver 2022',
      stampAt: new Date('2022-10-15T08:15:00Z'),
      programmedAt: new Date('2022-10-15T08:30:00Z'),
    });
    expect(result).toEqual({ ok: true, name: '2725-DD4546-Campagne Soldes Hiver 2022_20221015101500-PROG_202210151030.csv' });
  });

  it('refuses what the provider would refuse', () => {
    expect(buildMediasflowName({ templateId: '27a5', idDelivery: 'DD-1', campaignName: 'Soldes-Hiver', stampAt })).toEqual({
      ok: false,
      problems: ['template-id', 'delivery-id', 'campaign-name'],
    });
    expect(buildMediasflowName({ templateId: '1', idDelivery: 'DD1', campaignName: 'é'.repeat(100), stampAt }).ok).toBe(true);
    // 100 accented letters are 200 bytes: with a long IDDELIVERY the name passes the file-name limit.
    expect(buildMediasflowName({ templateId: '1', idDelivery: 'A'.repeat(40), campaignName: 'é'.repeat(100), stampAt })).toEqual({ ok: false, problems: ['too-long'] });
  });

  it('round-trips through the parser', () => {
    const built = buildMediasflowName({ templateId: '428992', idDelivery: 'DDM3K2P9QZAB12CD', campaignName: 'Rappel rendez vous Été', stampAt, programmedAt: new Date('2022-10-16T07:00:00Z') });
    if (!built.ok) throw new Error('build failed');
    const parsed = parseMediasflowName(built.name);
    expect(parsed).toMatchObject({
      idMediasflow: '428992',
      idDelivery: 'DDM3K2P9QZAB12CD',
      campaignName: 'Rappel rendez vous Été',
      stamp: { digits: '20221015103000', at: stampAt },
      prog: { digits: '202210160900', at: new Date('2022-10-16T07:00:00Z') },
      extension: '.csv',
    });
  });
});

describe('parseMediasflowName', () => {
  it('reads the guide\u2019s immediate examples (with and without extension, both date spellings)', () => {
    expect(parseMediasflowName('2725-4546-Campagne Soldes Hiver 2022_20221015103000')).toMatchObject({
      idMediasflow: '2725',
      idDelivery: '4546',
      campaignName: 'Campagne Soldes Hiver 2022',
      stamp: { text: '20221015103000', at: new Date('2022-10-15T08:30:00Z') },
      prog: null,
      extension: null,
    });
    expect(parseMediasflowName('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116_150000.CSV')).toMatchObject({
      idDelivery: 'MEDIAFLOWSMS',
      stamp: { text: '20241116_150000', digits: '20241116150000', at: new Date('2024-11-16T14:00:00Z') },
      extension: '.CSV',
    });
  });

  it('reads both PROG placements', () => {
    expect(parseMediasflowName('2725-4546-Campagne Soldes Hiver 2022-PROG_202210151030.csv')).toMatchObject({
      campaignName: 'Campagne Soldes Hiver 2022',
      stamp: null,
      prog: { digits: '202210151030', at: new Date('2022-10-15T08:30:00Z') },
    });
    expect(parseMediasflowName('2725-4546-Campagne Soldes Hiver 2022_20221015101500-PROG_202210151030.csv')).toMatchObject({
      stamp: { digits: '20221015101500' },
      prog: { digits: '202210151030' },
    });
    expect(parseMediasflowName('2725-4546-Soldes_20221015_101500-PROG_20221015_1030.csv')).toMatchObject({ prog: { text: '20221015_1030' } });
    expect(parseMediasflowName('2725-4546-Soldes-PROG-202210151030.csv')).toMatchObject({ prog: { digits: '202210151030' } });
    expect(parseMediasflowName('2725-4546-Soldes-PROG_20221015_103000.csv')).toMatchObject({ prog: { digits: '20221015103000' } });
  });

  it('rejects names outside the accepted forms', () => {
    for (const name of [
      '2725-4546-Soldes.csv',
      'A725-4546-Soldes_20221015103000.csv',
      '2725-45_46-Soldes_20221015103000.csv',
      '2725-4546-Soldes_20221315103000.csv',
      '2725-4546-Soldes_2022101510300.csv',
      '2725-4546-Sol-des_20221015103000.csv',
      '2725-4546-Soldes_20221015103000.txt',
      '2725-4546-Soldes_20221015103000.tmp',
    ]) {
      expect(parseMediasflowName(name), name).toBeNull();
    }
  });
});

describe('isStampStillUsable', () => {
  const stamp = new Date('2024-11-16T14:00:00Z');
  const plus = (minutes: number) => new Date(stamp.getTime() + minutes * 60_000);

  it('keeps a 30-minute margin under the provider\u2019s 2 hours by default', () => {
    expect(isStampStillUsable(stamp, plus(0))).toBe(true);
    expect(isStampStillUsable(stamp, plus(89))).toBe(true);
    expect(isStampStillUsable(stamp, plus(90))).toBe(false);
  });

  it('takes a configurable margin', () => {
    expect(isStampStillUsable(stamp, plus(119), 0)).toBe(true);
    expect(isStampStillUsable(stamp, plus(120), 0)).toBe(false);
    expect(isStampStillUsable(stamp, plus(-5))).toBe(true);
  });
});
