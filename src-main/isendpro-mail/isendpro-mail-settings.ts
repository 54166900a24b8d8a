/**
 * Everything the iSendPro mail connector needs to reach both servers, once
 * the connection's secrets are resolved (passwords, keyid). Never logged:
 * `describeSettings` is the only text form, with every secret left out.
 */
import type { MailIdentity } from './create-batches';

export type SmtpSecurity = 'tls' | 'starttls' | 'plain';
export type ImapSecurity = 'tls' | 'starttls' | 'plain';

export interface ServerAccount<Security> {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: string;
  /** Microsoft 365: XOAUTH2 with this bearer token instead of the password. */
  accessToken?: string;
  /** Tests and the demo: trust this self-signed certificate. */
  trustedCertificatePem?: string;
}

export interface IsendproMailSettings {
  smtp: ServerAccount<SmtpSecurity>;
  imap: ServerAccount<ImapSecurity>;
  /** The From address iSendPro authorised. */
  from: string;
  replyTo?: string;
  /** iSendPro's address. */
  to: string;
  keyid: string;
  emailAck: string;
  emailNot: string;
  /** The account's approved <nostop>1</nostop>. */
  nostop: boolean;
  /** Socket timeouts (ms). */
  timeoutMs?: number;
  /** Microsoft 365: a fresh access token after a server refused the current one (tried once). */
  refreshAccessToken?: () => Promise<string>;
}

export const ISENDPRO_DEFAULT_ADDRESS = 'sendsms@isendpro-api.com';

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

/** Plain SMTP/IMAP (no TLS) is only allowed to this machine: tests and the demo. */
export function plainAllowed(host: string): boolean {
  return loopbackHosts.has(host.trim().toLowerCase());
}

export class InsecureServerError extends Error {
  constructor(readonly server: 'smtp' | 'imap', readonly host: string) {
    super(`${server.toUpperCase()} sans chiffrement refusé pour ${host} : choisissez TLS ou STARTTLS (le mode sans chiffrement est réservé à 127.0.0.1).`);
    this.name = 'InsecureServerError';
  }
}

/** Refuses plain connections to anything but 127.0.0.1 (fail closed: a password must never travel in clear). */
export function assertTransportSecurity(settings: Pick<IsendproMailSettings, 'smtp' | 'imap'>): void {
  if (settings.smtp.security === 'plain' && !plainAllowed(settings.smtp.host)) throw new InsecureServerError('smtp', settings.smtp.host);
  if (settings.imap.security === 'plain' && !plainAllowed(settings.imap.host)) throw new InsecureServerError('imap', settings.imap.host);
}

/** For logs: hosts and users, never a password nor the keyid. */
export function describeSettings(settings: IsendproMailSettings): string {
  return `smtp ${settings.smtp.user}@${settings.smtp.host}:${settings.smtp.port} (${settings.smtp.security}), imap ${settings.imap.user}@${settings.imap.host}:${settings.imap.port} (${settings.imap.security}), from ${settings.from} to ${settings.to}`;
}

/** What the mails carry besides the recipients. */
export function identityOf(settings: IsendproMailSettings): MailIdentity {
  return { from: settings.from, to: settings.to, replyTo: settings.replyTo, keyid: settings.keyid, emailAck: settings.emailAck, emailNot: settings.emailNot, nostop: settings.nostop };
}
