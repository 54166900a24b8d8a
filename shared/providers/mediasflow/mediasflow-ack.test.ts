import { describe, expect, it } from 'vitest';
import frCampaigns from '../../i18n/fr/campaigns.json';
import {
  ackFileNames,
  interpretMediasflowAck,
  matchMediasflowAckName,
  mediasflowAckCodes,
  mediasflowDropFolder,
} from './mediasflow-ack';

const dropName = '428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv';

describe('acknowledgement names', () => {
  it('expects both readings of the name, in the channel\u2019s folders', () => {
    expect(mediasflowDropFolder('vms')).toBe('/Campagnes/VMS');
    expect(ackFileNames(dropName, '.ar')).toEqual(['428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.ar', '428992-DDABC-NOM DE MA CAMPAGNE_20241116150000.csv.ar']);
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
