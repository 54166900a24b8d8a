import { describe, expect, it } from 'vitest';
import frCampaigns from '../../i18n/fr/campaigns.json';
import {
  ackFileNames,
  expectedMediasflowAckPaths,
  interpretMediasflowAck,
  matchMediasflowAckName,
  mediasflowAckCodes,
  mediasflowDropFolder,
} from './mediasflow-ack';
import { findReportFiles, matchReportFile } from './mediasflow-report-name';

const dropName = '428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv';

describe('acknowledgement names', () => {
  it('expects both readings, in TRAITEMENT OK and TRAITEMENT KO of the channel', () => {
    expect(mediasflowDropFolder('vms')).toBe('/Campagnes/VMS');
    expect(expectedMediasflowAckPaths('sms', dropName)).toEqual({
      accepted: [
        '/Campagnes/SMS/TRAITEMENT OK/428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.ar',
        '/Campagnes/SMS/TRAITEMENT OK/428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv.ar',
      ],
      rejected: [
        '/Campagnes/SMS/TRAITEMENT KO/428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.bad',
        '/Campagnes/SMS/TRAITEMENT KO/428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv.bad',
      ],
    });
    expect(ackFileNames('x', '.ar')).toEqual(['x.ar']);
  });

  it('matches an acknowledgement to its drop, whatever the case', () => {
    expect(matchMediasflowAckName('428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.AR', dropName)).toBe('ar');
    expect(matchMediasflowAckName('428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv.bad', dropName)).toBe('bad');
    expect(matchMediasflowAckName('428992-DDXYZ-NOM DE MA CAMPAGNE_20241116150000.ar', dropName)).toBeNull();
    expect(matchMediasflowAckName(dropName, dropName)).toBeNull();
  });
});

describe('interpretMediasflowAck', () => {
  it('reads the campaign number of a .ar', () => {
    expect(interpretMediasflowAck('x.ar', '483443\r\n')).toEqual({ kind: 'accepted', campaignId: '483443' });
    expect(interpretMediasflowAck('x.csv.AR', '\uFEFF Campagne n° 636956 ')).toEqual({ kind: 'accepted', campaignId: '636956' });
    expect(interpretMediasflowAck('x.ar', '')).toEqual({ kind: 'accepted', campaignId: null });
  });

  it('explains every code 01–09 in plain French with what to do', () => {
    for (const code of mediasflowAckCodes) {
      const result = interpretMediasflowAck('x.bad', `${code}\n`);
      expect(result).toEqual({ kind: 'rejected', code, ...{ message: frCampaigns.mediasflowAck.codes[code].problem, action: frCampaigns.mediasflowAck.codes[code].action } });
      if (result?.kind === 'rejected') {
        expect(result.message.length).toBeGreaterThan(20);
        expect(result.action.length).toBeGreaterThan(20);
      }
    }
  });

  it('reads a code written alone, unpadded, or before its label', () => {
    expect(interpretMediasflowAck('x.bad', '2')).toMatchObject({ code: '02' });
    expect(interpretMediasflowAck('x.bad', "05 : La campagne ne peut pas être programmée car la date de programmation a expiré")).toMatchObject({ code: '05' });
    expect(interpretMediasflowAck('x.csv.bad', 'Code erreur 09')).toMatchObject({ code: '09' });
  });

  it('keeps an unknown answer verbatim, still as a rejection', () => {
    expect(interpretMediasflowAck('x.bad', 'Erreur 42 inattendue')).toMatchObject({ kind: 'rejected', code: 'unknown', detail: 'Erreur 42 inattendue' });
    expect(interpretMediasflowAck('x.bad', '2024-11-16 erreur')).toMatchObject({ kind: 'rejected', code: 'unknown' });
    expect(interpretMediasflowAck('x.bad', '')).toMatchObject({ kind: 'rejected', code: 'unknown', detail: '(vide)' });
  });

  it('ignores other files', () => {
    expect(interpretMediasflowAck('x.csv', '483443')).toBeNull();
  });
});

describe('matchReportFile', () => {
  it('matches the guide\u2019s immediate and programmed examples', () => {
    expect(matchReportFile('428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000.csv', '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241116150000_483443_20241116151054.csv')).toEqual({
      campaignId: '483443',
      generatedStamp: '20241116151054',
      generatedAt: new Date('2024-11-16T14:10:54Z'),
    });
    expect(
      matchReportFile(
        '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130.csv',
        '428992-MEDIAFLOWSMS-NOM DE MA CAMPAGNE_20241126110000-PROG_202411261130_636956_20241126113037.CSV',
      ),
    ).toMatchObject({ campaignId: '636956', generatedStamp: '20241126113037' });
  });

  it('accepts the drop name without .csv', () => {
    expect(matchReportFile('1-DDA-X_20241116150000', '1-DDA-X_20241116150000_7_20241117150000.csv')).toMatchObject({ campaignId: '7' });
  });

  it('rejects other drops and other shapes', () => {
    const drop = '1-DDA-X_20241116150000.csv';
    expect(matchReportFile(drop, '1-DDB-X_20241116150000_7_20241117150000.csv')).toBeNull();
    expect(matchReportFile(drop, '1-DDA-X_20241116150000.csv')).toBeNull();
    expect(matchReportFile(drop, '1-DDA-X_20241116150000_7_20241117150000.txt')).toBeNull();
    expect(matchReportFile(drop, '1-DDA-X_20241116150000-PROG_202411171500_7_20241117150000.csv')).toBeNull();
    expect(matchReportFile(drop, '1-DDA-X_20241116150000_7_2024111715000.csv')).toBeNull();
  });

  it('sorts the successive reports of a drop', () => {
    const drop = '1-DDA-X_20241116150000.csv';
    const found = findReportFiles(drop, [
      '1-DDA-X_20241116150000_7_20241119150000.csv',
      'other.csv',
      '1-DDA-X_20241116150000_7_20241116151054.csv',
    ]);
    expect(found.map((report) => report.generatedStamp)).toEqual(['20241116151054', '20241119150000']);
  });
});
