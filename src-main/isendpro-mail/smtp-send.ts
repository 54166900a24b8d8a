/**
 * Hands one saved mail to the SMTP server, byte for byte (nodemailer `raw`),
 * and says how a failure should be treated: 'auth' and 'refused' (5xx) stop
 * the campaign with what to do; anything else ('transient': network, a cut
 * after DATA, 4xx) is retried later with the same bytes.
 */
import nodemailer from 'nodemailer';
import type { IsendproMailSettings } from './isendpro-mail-settings';
import { assertTransportSecurity } from './isendpro-mail-settings';

export type SmtpFailureKind = 'auth' | 'refused' | 'transient';

export class SmtpSendError extends Error {
  constructor(
    readonly kind: SmtpFailureKind,
    message: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'SmtpSendError';
  }
}

export function smtpTransportOptions(settings: Pick<IsendproMailSettings, 'smtp' | 'imap' | 'timeoutMs'>) {
  assertTransportSecurity(settings);
  const { smtp } = settings;
  const timeout = settings.timeoutMs ?? 30_000;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'plain',
    // Microsoft 365: XOAUTH2 with the bearer token (no refresh inside nodemailer: Dropdesk refreshes and retries once).
    auth: smtp.accessToken ? { type: 'OAuth2' as const, user: smtp.user, accessToken: smtp.accessToken } : smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: smtp.trustedCertificatePem ? { ca: [smtp.trustedCertificatePem] } : undefined,
    logger: false,
    debug: false,
  };
}

export function classifySmtpError(error: unknown): SmtpSendError {
  const details = error as { code?: string; responseCode?: number; message?: string };
  const message = details.message ?? String(error);
  if (details.code === 'EAUTH' || details.responseCode === 535 || details.responseCode === 534) return new SmtpSendError('auth', message, details.responseCode);
  if (typeof details.responseCode === 'number' && details.responseCode >= 500) return new SmtpSendError('refused', message, details.responseCode);
  return new SmtpSendError('transient', message, details.responseCode);
}

function envelopeAddress(address: string): string {
  return /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
}

/** A Microsoft 365 access token the server refused: once, with a fresh token (refused before DATA, so nothing was sent). */
async function withTokenRetry<T>(settings: IsendproMailSettings, run: (settings: IsendproMailSettings) => Promise<T>): Promise<T> {
  try {
    return await run(settings);
  } catch (error) {
    if (!(error instanceof SmtpSendError && error.kind === 'auth' && settings.smtp.accessToken && settings.refreshAccessToken)) throw error;
    const accessToken = await settings.refreshAccessToken();
    return run({ ...settings, smtp: { ...settings.smtp, accessToken } });
  }
}

/** Sends the exact bytes; resolves when the server accepted the DATA. */
export function sendRawMail(settings: IsendproMailSettings, bytes: Buffer): Promise<{ response: string }> {
  return withTokenRetry(settings, (current) => sendRawMailOnce(current, bytes));
}

async function sendRawMailOnce(settings: IsendproMailSettings, bytes: Buffer): Promise<{ response: string }> {
  const transport = nodemailer.createTransport(smtpTransportOptions(settings));
  try {
    const info = await transport.sendMail({ envelope: { from: envelopeAddress(settings.from), to: [envelopeAddress(settings.to)] }, raw: bytes });
    return { response: String(info.response ?? '') };
  } catch (error) {
    throw classifySmtpError(error);
  } finally {
    transport.close();
  }
}

/** "Tester la connexion": connects and logs in, sends nothing. */
export function verifySmtp(settings: IsendproMailSettings): Promise<void> {
  return withTokenRetry(settings, verifySmtpOnce);
}

async function verifySmtpOnce(settings: IsendproMailSettings): Promise<void> {
  const transport = nodemailer.createTransport(smtpTransportOptions(settings));
  try {
    await transport.verify();
  } catch (error) {
    throw classifySmtpError(error);
  } finally {
    transport.close();
  }
}
