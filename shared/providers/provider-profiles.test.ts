import { describe, expect, it } from 'vitest';
import { createAllmysmsProfile } from './allmysms/allmysms-profile';
import { createMediasflowProfile } from './mediasflow/mediasflow-profile';
import { providerIds } from './provider-ids';
import { getProviderProfile, messageSourceOf } from './provider-registry';

describe('registry', () => {
  it('describes the three providers with their protocols, ports and channels', () => {
    expect(providerIds.map(getProviderProfile).map((p) => [p.id, p.protocol, p.defaultPort, p.channels.join('+'), p.scheduling])).toEqual([
      ['mediasflow-sftp', 'sftp', 22, 'sms+vms', 'prog-suffix'],
      ['allmysms-ftp', 'ftp', 21, 'sms', 'name-date'],
      ['allmysms-sftp', 'sftp', 61022, 'sms', 'name-date'],
    ]);
    expect(getProviderProfile('allmysms-ftp').maxFileBytes).toBe(8 * 1024 * 1024);
  });
});

describe('MediasFlow profile', () => {
  const profile = createMediasflowProfile();
  const remoteName = '2725-DDK1-Soldes_20241116150000.csv';

  it('gives the folders and paths of a drop', () => {
    expect(profile.dropFolder('vms')).toBe('/Campagnes/VMS');
    expect(profile.expectedFolders('sms')).toEqual(['/Campagnes/SMS', '/Campagnes/SMS/TRAITEMENT OK', '/Campagnes/SMS/TRAITEMENT KO']);
    expect(profile.temporaryPath('sms', remoteName)).toBe('/Campagnes/SMS/2725-DDK1-Soldes_20241116150000.tmp');
    expect(profile.finalPath('sms', remoteName)).toBe(`/Campagnes/SMS/${remoteName}`);
    expect(createMediasflowProfile({ stagingFolder: '/Campagnes' }).temporaryPath('sms', remoteName)).toBe('/Campagnes/2725-DDK1-Soldes_20241116150000.tmp');
  });

  it('finds a copy of the drop by IDDELIVERY, even under another stamp, and its leftover temporary files', () => {
    const scan = profile.scanForDrop({ channel: 'sms', idDelivery: 'DDK1' }, [
      { folder: '/Campagnes/SMS', names: ['2725-DDK1-Soldes_20241116150000.tmp', '2725-DDK2-Soldes_20241116150000.csv', '2725-DDK1-Soldes_20241116170000.csv'] },
      { folder: '/Campagnes/SMS/TRAITEMENT OK', names: [] },
    ]);
    expect(scan).toEqual({
      landed: { stage: 'dropped', folder: '/Campagnes/SMS', fileName: '2725-DDK1-Soldes_20241116170000.csv', remoteName: '2725-DDK1-Soldes_20241116170000.csv' },
      copies: [{ stage: 'dropped', folder: '/Campagnes/SMS', fileName: '2725-DDK1-Soldes_20241116170000.csv', remoteName: '2725-DDK1-Soldes_20241116170000.csv' }],
      temporaries: ['/Campagnes/SMS/2725-DDK1-Soldes_20241116150000.tmp'],
    });
  });

  it('prefers an answered copy and recognises it from the acknowledgement alone', () => {
    const scan = profile.scanForDrop({ channel: 'sms', idDelivery: 'DDK1' }, [
      { folder: '/Campagnes/SMS', names: [remoteName] },
      { folder: '/Campagnes/SMS/TRAITEMENT KO', names: ['2725-DDK1-Soldes_20241116150000.csv.bad'] },
    ]);
    expect(scan.landed).toEqual({ stage: 'answered', folder: '/Campagnes/SMS/TRAITEMENT KO', fileName: '2725-DDK1-Soldes_20241116150000.csv.bad', remoteName });
    expect(scan.copies).toHaveLength(2);
    expect(profile.scanForDrop({ channel: 'sms', idDelivery: 'DDK9' }, [{ folder: '/Campagnes/SMS', names: [remoteName] }])).toEqual({ landed: null, copies: [], temporaries: [] });
  });

  it('recognises landed copies and acknowledgements for the connector, never temporary files', () => {
    const drop = { channel: 'sms' as const, idDelivery: 'DDK1' };
    expect(profile.recognise('2725-DDK1-Soldes_20241116170000.csv', '/Campagnes/SMS', drop)).toBe(true);
    expect(profile.recognise('2725-DDK1-Soldes_20241116150000.csv.ar', '/Campagnes/SMS/TRAITEMENT OK', drop)).toBe(true);
    expect(profile.recognise('2725-DDK1-Soldes_20241116150000.tmp', '/Campagnes/SMS', drop)).toBe(false);
    expect(profile.recognise('2725-DDK2-Soldes_20241116150000.csv', '/Campagnes/SMS', drop)).toBe(false);
    expect(profile.recognise('notes.txt', '/Campagnes/SMS', drop)).toBe(false);
  });

  it('locates the acknowledgement', () => {
    const drop = { channel: 'sms' as const, idDelivery: 'DDK1', remoteName };
    expect(profile.locateAck(drop, [])).toEqual({ status: 'none' });
    expect(profile.locateAck(drop, [{ folder: '/Campagnes/SMS', names: [remoteName] }])).toEqual({ status: 'pending', stage: 'dropped' });
    expect(profile.locateAck(drop, [{ folder: '/Campagnes/SMS/TRAITEMENT OK', names: [remoteName] }])).toEqual({ status: 'pending', stage: 'moved' });
    expect(profile.locateAck(drop, [{ folder: '/Campagnes/SMS/TRAITEMENT OK', names: [remoteName, '2725-DDK1-Soldes_20241116150000.ar'] }])).toEqual({
      status: 'read',
      path: '/Campagnes/SMS/TRAITEMENT OK/2725-DDK1-Soldes_20241116150000.ar',
      fileName: '2725-DDK1-Soldes_20241116150000.ar',
    });
    expect(profile.locateAck(drop, [{ folder: '/Campagnes/SMS/TRAITEMENT KO', names: [`${remoteName}.bad`] }])).toMatchObject({ status: 'read', fileName: `${remoteName}.bad` });
    expect(profile.interpretAck(`${remoteName}.bad`, '03')).toMatchObject({ kind: 'rejected', code: '03' });
  });
});

describe('AllMySMS profile', () => {
  const profile = createAllmysmsProfile('ftp');
  const remoteName = 'PromoDDK1_20240108080000_HQ.csv';
  const drop = { channel: 'sms' as const, idDelivery: 'DDK1', remoteName };

  it('uploads as .tmp in SEND_SMS, then renames to .csv', () => {
    expect(profile.temporaryPath('sms', remoteName)).toBe('SEND_SMS/PromoDDK1_20240108080000_HQ.tmp');
    expect(profile.finalPath('sms', remoteName)).toBe('SEND_SMS/PromoDDK1_20240108080000_HQ.csv');
    expect(createAllmysmsProfile('sftp', { root: '/home/client' }).expectedFolders('sms')).toEqual([
      '/home/client/SEND_SMS',
      '/home/client/PROCESSING',
      '/home/client/ARCHIVES',
      '/home/client/INVALIDS',
    ]);
  });

  it('follows the file through SEND_SMS, PROCESSING, ARCHIVES and INVALIDS', () => {
    expect(profile.locateAck(drop, [{ folder: 'SEND_SMS', names: [remoteName] }])).toEqual({ status: 'pending', stage: 'dropped' });
    expect(profile.locateAck(drop, [{ folder: 'PROCESSING', names: [remoteName] }])).toEqual({ status: 'pending', stage: 'processing' });
    expect(profile.locateAck(drop, [{ folder: 'ARCHIVES', names: [`TreatedByMSI_${remoteName}`] }])).toEqual({ status: 'answered', result: { kind: 'accepted', campaignId: null } });
    expect(profile.locateAck(drop, [{ folder: 'INVALIDS', names: [`TreatedByMSI_Not_enough_credits_${remoteName}`] }])).toMatchObject({
      status: 'answered',
      result: { kind: 'rejected', code: 'Not_enough_credits' },
    });
    expect(profile.locateAck(drop, [{ folder: 'ARCHIVES', names: ['TreatedByMSI_PromoDDK2_20240108080000_HQ.csv'] }])).toEqual({ status: 'none' });
  });

  it('recognises landed copies in every folder, never temporary files', () => {
    const id = { channel: 'sms' as const, idDelivery: 'DDK1' };
    expect(profile.recognise(remoteName, 'SEND_SMS', id)).toBe(true);
    expect(profile.recognise('PromoDDK1_20240108080000_HQ.tmp', 'SEND_SMS', id)).toBe(false);
    expect(profile.recognise(remoteName, 'PROCESSING', id)).toBe(true);
    expect(profile.recognise(`TreatedByMSI_Empty_File_${remoteName}`, 'INVALIDS', id)).toBe(true);
    expect(profile.recognise('TreatedByMSI_PromoDDK2_20240108080000_HQ.csv', 'ARCHIVES', id)).toBe(false);
  });

  it('finds a landed copy under another send date, and leftover temporaries', () => {
    const scan = profile.scanForDrop(drop, [
      { folder: 'SEND_SMS', names: ['PromoDDK1_20240108090000_HQ.tmp', 'PromoDDK2_20240108080000_HQ.csv'] },
      { folder: 'ARCHIVES', names: ['TreatedByMSI_PromoDDK1_20240108081500_HQ.csv'] },
    ]);
    expect(scan.landed).toEqual({ stage: 'answered', folder: 'ARCHIVES', fileName: 'TreatedByMSI_PromoDDK1_20240108081500_HQ.csv', remoteName: 'PromoDDK1_20240108081500_HQ.csv' });
    expect(scan.temporaries).toEqual(['SEND_SMS/PromoDDK1_20240108090000_HQ.tmp']);
  });
});

describe('which text is sent (issue 11 §1)', () => {
  it('MediasFlow file drops send the template campaign, AllMySMS files the typed text', () => {
    expect(messageSourceOf('mediasflow-sftp')).toBe('template');
    expect(messageSourceOf('allmysms-ftp')).toBe('typed');
    expect(messageSourceOf('allmysms-sftp')).toBe('typed');
    for (const profile of providerIds.map(getProviderProfile)) expect(['template', 'typed']).toContain(profile.messageSource);
  });
});
