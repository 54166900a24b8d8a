import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import {
  connectionFormProblems,
  emptyConnectionForm,
  formFromConnection,
  pickDefaultConnection,
  sortConnections,
  suggestPasswordEnv,
  toSaveInput,
  parsePricePerSms,
  providerStopMention,
  withProvider,
} from './connection-form';

function view(overrides: Partial<ConnectionView>): ConnectionView {
  return {
    id: 'cn',
    name: 'Connexion',
    provider: 'mediasflow-sftp',
    profile: 'mediasflow-sftp',
    demo: false,
    host: 'sftp.example.fr',
    port: 22,
    user: 'agence',
    ftps: false,
    hostKey: null,
    passwordEnv: null,
    passwordSource: 'stored',
    passwordTravelsInClear: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('the connection form', () => {
  it("fills each provider's default port unless the user typed another", () => {
    const form = emptyConnectionForm();
    expect(form.port).toBe('22');
    expect(withProvider(form, 'allmysms-ftp').port).toBe('21');
    expect(withProvider(form, 'allmysms-sftp').port).toBe('61022');
    expect(withProvider({ ...form, port: '2222' }, 'allmysms-ftp').port).toBe('2222');
    // FTPS only means something for FTP.
    expect(withProvider({ ...withProvider(form, 'allmysms-ftp'), ftps: true }, 'mediasflow-sftp').ftps).toBe(false);
  });

  it('says what is missing before asking main', () => {
    expect(connectionFormProblems({ ...emptyConnectionForm(), port: '0', passwordEnv: '1BAD' }).map((problem) => `${problem.field}:${problem.key}`)).toEqual([
      'name:required',
      'host:required',
      'port:port',
      'user:required',
      'passwordEnv:envName',
    ]);
  });

  it('sends a new password only when one was typed', () => {
    const editing = formFromConnection(view({ id: 'cn1', passwordEnv: 'DROPDESK_PASSWORD_AGENCE' }));
    expect(toSaveInput(editing)).toEqual({
      id: 'cn1',
      name: 'Connexion',
      provider: 'mediasflow-sftp',
      host: 'sftp.example.fr',
      port: 22,
      user: 'agence',
      ftps: false,
      passwordEnv: 'DROPDESK_PASSWORD_AGENCE',
      pricePerSms: null,
      stopMention: null,
    });
    expect(toSaveInput({ ...editing, pricePerSms: '0,045' }).pricePerSms).toBe(0.045);
    expect(toSaveInput({ ...editing, password: 's3cret', passwordEnv: '' })).toMatchObject({ password: 's3cret', passwordEnv: null });
  });

  it('edits the account\u2019s STOP mention: empty is the provider\u2019s, a mention without its short number is refused', () => {
    const editing = formFromConnection(view({ id: 'cn1', provider: 'allmysms-ftp', profile: 'allmysms-ftp', stopMention: 'STOP au 36184' }));
    expect(editing.stopMention).toBe('STOP au 36184');
    expect(toSaveInput(editing).stopMention).toBe('STOP au 36184');
    expect(toSaveInput({ ...editing, stopMention: '  ' }).stopMention).toBeNull();
    expect(connectionFormProblems({ ...editing, stopMention: 'STOP au 361' })).toEqual([{ field: 'stopMention', key: 'stopMention' }]);
    expect(connectionFormProblems({ ...editing, stopMention: '' })).toEqual([]);
    expect(providerStopMention('allmysms-ftp')).toBe('STOP au 36180');
    expect(providerStopMention('demo-allmysms')).toBe('STOP au 36180');
    // MediasFlow file drops send the template campaign's text, STOP mention included: nothing to set.
    expect(providerStopMention('mediasflow-sftp')).toBeNull();
  });

  it('suggests an environment variable name from the connection name', () => {
    expect(suggestPasswordEnv('Mon compte MédiasFlow')).toBe('DROPDESK_PASSWORD_MON_COMPTE_MEDIASFLOW');
    expect(suggestPasswordEnv('   ')).toBe('DROPDESK_PASSWORD');
  });
});

describe('the connection a send starts with', () => {
  const demoMediasflow = view({ id: 'demo-mf', name: 'Démo MediasFlow', provider: 'demo-mediasflow', demo: true });
  const demoAllmysms = view({ id: 'demo-ams', name: 'Démo AllMySMS', provider: 'demo-allmysms', profile: 'allmysms-ftp', demo: true });
  const agency = view({ id: 'agency', name: 'Agence' });

  it('is the demo one for the draft provider on first start, then the one the user chose', () => {
    expect(pickDefaultConnection([demoAllmysms, demoMediasflow], 'mediasflow-sftp', null)).toBe('demo-mf');
    expect(pickDefaultConnection([demoAllmysms, demoMediasflow], 'allmysms-ftp', null)).toBe('demo-ams');
    expect(pickDefaultConnection([demoAllmysms, demoMediasflow, agency], 'mediasflow-sftp', 'agency')).toBe('agency');
    // A remembered connection that was deleted is forgotten.
    expect(pickDefaultConnection([demoMediasflow], 'mediasflow-sftp', 'agency')).toBe('demo-mf');
    expect(pickDefaultConnection([agency], 'allmysms-sftp', null)).toBe('agency');
    expect(pickDefaultConnection([], 'allmysms-sftp', null)).toBeNull();
  });

  it('offers an iSendPro mail-to-SMS connection: remembered, or when it is the only one', () => {
    const mail = view({ id: 'isendpro', name: 'iSendPro', provider: 'isendpro-mail', profile: 'isendpro-mail' });
    expect(pickDefaultConnection([mail, agency], 'mediasflow-sftp', 'isendpro')).toBe('isendpro');
    expect(pickDefaultConnection([mail, agency], 'mediasflow-sftp', null)).toBe('agency');
    expect(pickDefaultConnection([mail], 'mediasflow-sftp', null)).toBe('isendpro');
  });

  it('lists the sandbox first', () => {
    expect(sortConnections([agency, demoMediasflow, demoAllmysms]).map((connection) => connection.id)).toEqual(['demo-ams', 'demo-mf', 'agency']);
  });
});

describe('price per SMS (issue 11 §3)', () => {
  it('reads the French way and refuses what is not an amount', () => {
    expect(parsePricePerSms('0,045')).toBe(0.045);
    expect(parsePricePerSms(' 0.05 € ')).toBe(0.05);
    expect(parsePricePerSms('')).toBeNull();
    expect(parsePricePerSms('abc')).toBeUndefined();
    expect(parsePricePerSms('12')).toBeUndefined();
  });
});
