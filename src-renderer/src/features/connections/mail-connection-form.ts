/**
 * The "Connexions" form of an iSendPro mail-to-SMS connection as pure
 * functions: defaults (ports per security, iSendPro's address, the answer
 * address defaulting to the IMAP user), what is missing, and what the form
 * sends to main (connections:save with the nested `mail` fields). Secrets
 * typed here go to main once and are stored encrypted (safeStorage); an empty
 * secret field on an edit keeps the stored one.
 */
import type { ConnectionSaveInput, ConnectionView, MailServerSecurity } from '@shared/ipc/channels/connections';
import { MICROSOFT_DEFAULT_TENANT, MICROSOFT_PLACEHOLDER_CLIENT_ID } from '@shared/providers/microsoft/microsoft-oauth-defaults';

export const ISENDPRO_ADDRESS = 'sendsms@isendpro-api.com';
export const mailSecurities = ['tls', 'starttls', 'plain'] as const satisfies readonly MailServerSecurity[];
const smtpPorts: Record<MailServerSecurity, string> = { tls: '465', starttls: '587', plain: '25' };
const imapPorts: Record<MailServerSecurity, string> = { tls: '993', starttls: '143', plain: '143' };

export interface MailServerForm {
  host: string;
  port: string;
  security: MailServerSecurity;
  user: string;
  password: string;
}

export interface MailConnectionFormState {
  id?: string;
  name: string;
  smtp: MailServerForm;
  imap: MailServerForm;
  from: string;
  keyid: string;
  /** Empty: the IMAP user (when it is an address). */
  answerAddress: string;
  to: string;
  nostop: boolean;
  /** « Compte Microsoft 365 »: OAuth2 sign-in instead of passwords (absent: passwords). */
  microsoft?: MicrosoftAccountForm;
}

export interface MicrosoftAccountForm {
  enabled: boolean;
  /** Application (client) ID an administrator registered; empty: the placeholder main refuses at sign-in. */
  clientId: string;
  /** Empty: 'organizations'. */
  tenant: string;
}

/** The form's Microsoft part of a saved connection (the placeholder client id shown as empty). */
export function microsoftFormOf(connection: ConnectionView | null): MicrosoftAccountForm {
  const oauth = connection?.mail?.oauth;
  if (!oauth) return { enabled: false, clientId: '', tenant: '' };
  return { enabled: true, clientId: oauth.clientId === MICROSOFT_PLACEHOLDER_CLIENT_ID ? '' : oauth.clientId, tenant: oauth.tenant === MICROSOFT_DEFAULT_TENANT ? '' : oauth.tenant };
}

export type MailFormField = 'name' | 'smtp.host' | 'smtp.port' | 'smtp.user' | 'imap.host' | 'imap.port' | 'imap.user' | 'from' | 'keyid' | 'answerAddress' | 'to';

export function emptyMailConnectionForm(): MailConnectionFormState {
  return {
    name: '',
    smtp: { host: '', port: smtpPorts.starttls, security: 'starttls', user: '', password: '' },
    imap: { host: '', port: imapPorts.tls, security: 'tls', user: '', password: '' },
    from: '',
    keyid: '',
    answerAddress: '',
    to: ISENDPRO_ADDRESS,
    nostop: false,
  };
}

/** A new security fills in its usual port unless the user typed another one. */
export function withSecurity(server: MailServerForm, kind: 'smtp' | 'imap', security: MailServerSecurity): MailServerForm {
  const ports = kind === 'smtp' ? smtpPorts : imapPorts;
  const usual = server.port === '' || server.port === ports[server.security];
  return { ...server, security, port: usual ? ports[security] : server.port };
}

export function mailFormFromConnection(connection: ConnectionView): MailConnectionFormState {
  const mail = connection.mail!;
  const server = (view: typeof mail.smtp): MailServerForm => ({ host: view.host, port: String(view.port), security: view.security, user: view.user, password: '' });
  return {
    id: connection.id,
    name: connection.name,
    smtp: server(mail.smtp),
    imap: server(mail.imap),
    from: mail.from,
    keyid: '',
    answerAddress: mail.emailAck === mail.imap.user ? '' : mail.emailAck,
    to: mail.to,
    nostop: mail.nostop,
    microsoft: microsoftFormOf(connection),
  };
}

const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const fromAddress = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;

/** What must be fixed before saving (the keyid may stay empty on an edit: the stored one is kept). */
export function mailFormProblems(form: MailConnectionFormState, editing: boolean): { field: MailFormField; key: string }[] {
  const problems: { field: MailFormField; key: string }[] = [];
  if (!form.name.trim()) problems.push({ field: 'name', key: 'name' });
  for (const kind of ['smtp', 'imap'] as const) {
    const server = form[kind];
    if (!server.host.trim()) problems.push({ field: `${kind}.host`, key: 'host' });
    const port = Number(server.port);
    if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) problems.push({ field: `${kind}.port`, key: 'port' });
    if (!server.user.trim()) problems.push({ field: `${kind}.user`, key: 'user' });
  }
  if (!fromAddress.test(form.from.trim())) problems.push({ field: 'from', key: 'address' });
  if (!editing && !form.keyid.trim()) problems.push({ field: 'keyid', key: 'keyid' });
  const answer = form.answerAddress.trim() || form.imap.user.trim();
  if (!address.test(answer)) problems.push({ field: 'answerAddress', key: 'answerAddress' });
  if (!address.test(form.to.trim())) problems.push({ field: 'to', key: 'address' });
  return problems;
}

export function mailFormToSaveInput(form: MailConnectionFormState): ConnectionSaveInput {
  const server = (given: MailServerForm) => ({
    host: given.host.trim(),
    port: Number(given.port),
    security: given.security,
    user: given.user.trim(),
    ...(given.password ? { password: given.password } : {}),
  });
  const answer = form.answerAddress.trim() || null;
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    provider: 'isendpro-mail',
    mail: {
      smtp: server(form.smtp),
      imap: server(form.imap),
      from: form.from.trim(),
      to: form.to.trim() || ISENDPRO_ADDRESS,
      emailAck: answer,
      emailNot: answer,
      ...(form.keyid.trim() ? { keyid: form.keyid.trim() } : {}),
      nostop: form.nostop,
      ...(form.microsoft
        ? {
            auth: form.microsoft.enabled ? ('microsoft-oauth2' as const) : ('password' as const),
            ...(form.microsoft.enabled ? { oauth: { clientId: form.microsoft.clientId.trim() || null, tenant: form.microsoft.tenant.trim() || null } } : {}),
          }
        : {}),
    },
  };
}
