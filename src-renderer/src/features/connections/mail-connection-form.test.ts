import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { emptyMailConnectionForm, mailFormFromConnection, mailFormProblems, mailFormToSaveInput, withSecurity } from './mail-connection-form';

const filled = () => ({
  ...emptyMailConnectionForm(),
  name: 'iSendPro',
  smtp: { host: 'smtp.example.fr', port: '587', security: 'starttls' as const, user: 'shop@example.fr', password: 's' },
  imap: { host: 'imap.example.fr', port: '993', security: 'tls' as const, user: 'answers@example.fr', password: 'i' },
  from: 'Boutique <shop@example.fr>',
  keyid: 'k',
});

describe('iSendPro connection form', () => {
  it("defaults iSendPro's address and the ports, and says what is missing", () => {
    const form = emptyMailConnectionForm();
    expect(form).toMatchObject({ to: 'sendsms@isendpro-api.com', smtp: { port: '587' }, imap: { port: '993' } });
    expect(mailFormProblems(form, false).map((problem) => problem.field)).toEqual(['name', 'smtp.host', 'smtp.user', 'imap.host', 'imap.user', 'from', 'keyid', 'answerAddress']);
    expect(mailFormProblems(filled(), false)).toEqual([]);
    expect(mailFormProblems({ ...filled(), keyid: '' }, true)).toEqual([]);
  });

  it('a new security fills in its usual port, a port the user typed stays', () => {
    expect(withSecurity(filled().smtp, 'smtp', 'tls').port).toBe('465');
    expect(withSecurity({ ...filled().smtp, port: '2525' }, 'smtp', 'tls').port).toBe('2525');
  });

  it('sends the nested mail fields; the answer address defaults (in main) to the IMAP user; empty secrets are not sent', () => {
    expect(mailFormToSaveInput(filled())).toEqual({
      name: 'iSendPro',
      provider: 'isendpro-mail',
      mail: {
        smtp: { host: 'smtp.example.fr', port: 587, security: 'starttls', user: 'shop@example.fr', password: 's' },
        imap: { host: 'imap.example.fr', port: 993, security: 'tls', user: 'answers@example.fr', password: 'i' },
        from: 'Boutique <shop@example.fr>',
        to: 'sendsms@isendpro-api.com',
        emailAck: null,
        emailNot: null,
        keyid: 'k',
        nostop: false,
      },
    });
    const edit = mailFormToSaveInput({ ...filled(), id: 'cn1', keyid: '', smtp: { ...filled().smtp, password: '' } });
    expect(edit.id).toBe('cn1');
    expect(edit.mail).not.toHaveProperty('keyid');
    expect(edit.mail!.smtp).not.toHaveProperty('password');
  });

  it('an edit starts from the saved connection, secrets empty', () => {
    const server = { host: 'h', port: 465, security: 'tls' as const, user: 'a@example.fr', passwordEnv: null, passwordSource: 'stored' as const };
    const view = { id: 'cn1', name: 'iSendPro', mail: { smtp: server, imap: server, from: 'a@example.fr', replyTo: null, to: 'sendsms@isendpro-api.com', emailAck: 'a@example.fr', emailNot: 'a@example.fr', keyidEnv: null, keyidSource: 'stored', nostop: true } } as unknown as ConnectionView;
    expect(mailFormFromConnection(view)).toMatchObject({ id: 'cn1', keyid: '', answerAddress: '', nostop: true, smtp: { port: '465', password: '' } });
  });
});

describe('« Compte Microsoft 365 » in the iSendPro connection form', () => {
  it('sends the OAuth2 mode with the registration (empty fields: main’s defaults), and passwords mode when unticked', () => {
    const on = mailFormToSaveInput({ ...filled(), microsoft: { enabled: true, clientId: ' 3f1c-app ', tenant: '' } });
    expect(on.mail).toMatchObject({ auth: 'microsoft-oauth2', oauth: { clientId: '3f1c-app', tenant: null } });
    const off = mailFormToSaveInput({ ...filled(), microsoft: { enabled: false, clientId: 'x', tenant: 'y' } });
    expect(off.mail).toMatchObject({ auth: 'password' });
    expect(off.mail).not.toHaveProperty('oauth');
    expect(mailFormToSaveInput(filled()).mail).not.toHaveProperty('auth');
  });
  it('reads a saved Microsoft connection back, the placeholder client id and default tenant shown as empty', () => {
    const view = {
      id: 'cn1',
      name: 'M365',
      mail: {
        smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls', user: 'a@b.fr', passwordEnv: null, passwordSource: 'ask' },
        imap: { host: 'outlook.office365.com', port: 993, security: 'tls', user: 'a@b.fr', passwordEnv: null, passwordSource: 'ask' },
        from: 'a@b.fr',
        replyTo: null,
        to: 'sendsms@isendpro-api.com',
        emailAck: 'a@b.fr',
        emailNot: 'a@b.fr',
        keyidEnv: null,
        keyidSource: 'stored',
        nostop: false,
        auth: 'microsoft-oauth2',
        oauth: { clientId: 'a-enregistrer-dans-microsoft-entra', tenant: 'organizations', authority: 'https://login.microsoftonline.com', account: null, status: 'signed-out', tokenSource: 'none' },
      },
    } as unknown as ConnectionView;
    expect(mailFormFromConnection(view).microsoft).toEqual({ enabled: true, clientId: '', tenant: '' });
  });
});
