import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { draftStopMention } from './draft-stop-mention';

function connection(id: string, overrides: Partial<ConnectionView>): ConnectionView {
  return {
    id,
    name: id,
    provider: 'allmysms-ftp',
    profile: 'allmysms-ftp',
    demo: false,
    host: 'ftp.example.fr',
    port: 21,
    user: 'u',
    ftps: true,
    hostKey: null,
    passwordEnv: null,
    passwordSource: 'stored',
    passwordTravelsInClear: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe("the STOP mention the composer uses: the send's connection's", () => {
  const demo = connection('demo', { provider: 'demo-allmysms', demo: true, stopMention: 'STOP au 36184' });
  const office = connection('office', { stopMention: 'STOP SMS au 36111' });
  const plain = connection('plain', {});
  const mediasflow = connection('mf', { provider: 'mediasflow-sftp', profile: 'mediasflow-sftp', stopMention: 'STOP 36105' });

  it('takes the chosen connection, else the one a send starts with (the demo first)', () => {
    expect(draftStopMention([demo, office], 'allmysms-ftp', 'office', null)).toBe('STOP SMS au 36111');
    expect(draftStopMention([demo, office], 'allmysms-ftp', null, null)).toBe('STOP au 36184');
    expect(draftStopMention([demo, office], 'allmysms-ftp', null, 'office')).toBe('STOP SMS au 36111');
  });

  it('is null (the provider default) without a mention or for another provider', () => {
    expect(draftStopMention([plain], 'allmysms-ftp', 'plain', null)).toBeNull();
    expect(draftStopMention([mediasflow], 'allmysms-ftp', 'mf', 'mf')).toBeNull();
    expect(draftStopMention([], 'allmysms-ftp', null, null)).toBeNull();
  });
});
