/**
 * The iSendPro mail-to-SMS part of a connection (provider 'isendpro-mail',
 * its fields in StoredConnection.mail): the SMTP server that sends the
 * batches, the IMAP mailbox that receives the answers, the From address
 * iSendPro authorised, the account key (keyid), the answer address
 * (emailAck/emailNot, by default the IMAP mailbox's own address) and
 * iSendPro's address (default sendsms@isendpro-api.com). Secrets (both
 * passwords and the keyid): the environment variable the connection names,
 * else the copy encrypted by the SecretCipher (Electron safeStorage), never
 * plain text on disk and never in a log. Plain SMTP/IMAP only on 127.0.0.1.
 */
import frConnections from '@shared/i18n/fr/connections.json';
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { MailConnectionInput, MailConnectionView, MailSecretSource, MailServerInput, MailTestView } from '@shared/ipc/channels/connections';
import { ISENDPRO_DEFAULT_ADDRESS, plainAllowed, type IsendproMailSettings } from '../isendpro-mail/isendpro-mail-settings';
import { verifyImap } from '../isendpro-mail/mailbox-scan';
import { verifySmtp } from '../isendpro-mail/smtp-send';
import { demoIsendproAnswerAddress, demoIsendproFrom } from '../demo/isendpro-demo-account';
import type { DemoEndpoints, DemoMailEndpoint, SecretCipher, StoredConnection, StoredMailConnection, StoredMailSecret, StoredMailServer } from './connection-types';
import { buildStoredOAuth, oauthView, signInRequiredError, type OAuthGrant } from './mail-oauth';

type Security = StoredMailServer['security'];

const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const addressPattern = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;
const bareAddressPattern = /^[^\s@<>]+@[^\s@<>]+$/;

export const defaultSmtpPort: Record<Security, number> = { tls: 465, starttls: 587, plain: 25 };
export const defaultImapPort: Record<Security, number> = { tls: 993, starttls: 143, plain: 143 };

function refused(message: string, field: string): UserFacingError {
  return new UserFacingError('connection-invalid', message, { field });
}

function validateServer(server: MailServerInput, kind: 'smtp' | 'imap'): void {
  const label = kind === 'smtp' ? "d'envoi (SMTP)" : 'de réception (IMAP)';
  if (!server.host?.trim()) throw refused(`Indiquez l'adresse du serveur ${label}.`, `${kind}.host`);
  if (server.port !== undefined && !(Number.isInteger(server.port) && server.port >= 1 && server.port <= 65535)) {
    throw refused(`Le port du serveur ${label} doit être un nombre entre 1 et 65535.`, `${kind}.port`);
  }
  if (server.security && !['tls', 'starttls', 'plain'].includes(server.security)) throw refused(`Sécurité inconnue pour le serveur ${label} : ${server.security}.`, `${kind}.security`);
  if ((server.security ?? 'tls') === 'plain' && !plainAllowed(server.host)) {
    throw refused(`Le serveur ${label} sans chiffrement n'est accepté que sur 127.0.0.1 (tests et démonstration) : choisissez TLS ou STARTTLS.`, `${kind}.security`);
  }
  if (!server.user?.trim()) throw refused(`Indiquez l'identifiant du serveur ${label}.`, `${kind}.user`);
  if (server.passwordEnv && !envNamePattern.test(server.passwordEnv)) {
    throw refused(`« ${server.passwordEnv} » n'est pas un nom de variable d'environnement valide (lettres, chiffres et _).`, `${kind}.passwordEnv`);
  }
}

export function validateMailInput(input: MailConnectionInput | undefined, previous: StoredMailConnection | undefined): asserts input is MailConnectionInput {
  if (!input) throw refused("Indiquez les serveurs d'envoi (SMTP) et de réception (IMAP) de la connexion iSendPro.", 'mail');
  validateServer(input.smtp, 'smtp');
  validateServer(input.imap, 'imap');
  if (!addressPattern.test(input.from?.trim() ?? '')) throw refused("L'adresse d'expéditeur (From) autorisée par iSendPro n'est pas une adresse e-mail.", 'from');
  for (const [field, value] of [['replyTo', input.replyTo], ['to', input.to], ['emailAck', input.emailAck], ['emailNot', input.emailNot]] as const) {
    if (value && !bareAddressPattern.test(value.trim())) throw refused(`« ${value} » n'est pas une adresse e-mail.`, field);
  }
  if (input.keyidEnv && !envNamePattern.test(input.keyidEnv)) throw refused(`« ${input.keyidEnv} » n'est pas un nom de variable d'environnement valide.`, 'keyidEnv');
  // An edit that leaves the keyid out keeps the current one (stored, or typed for this session).
  const keyidKnown = input.keyidEnv || input.keyid || (input.keyidEnv === undefined && input.keyid === undefined && previous !== undefined);
  if (!keyidKnown) throw refused('Indiquez la clé iSendPro (keyid, onglet « Mon compte » de votre espace client).', 'keyid');
}

/**
 * Secrets typed for this session when the computer cannot encrypt them (no
 * safeStorage): kept in memory only, keyed `<connection id>:<smtp|imap|keyid>`,
 * like the file-drop passwords — never written to disk.
 */
export type MailSessionSecrets = Map<string, string>;
type SecretSlot = 'smtp' | 'imap' | 'keyid';

function secretFrom(cipher: SecretCipher, session: MailSessionSecrets, key: string, previous: StoredMailSecret | undefined, givenEnv: string | null | undefined, value: string | undefined): StoredMailSecret {
  const envName = givenEnv !== undefined ? givenEnv || null : (previous?.env ?? null);
  let encrypted = previous?.encrypted ?? null;
  if (value !== undefined) {
    session.delete(key);
    if (value === '') encrypted = null;
    else if (cipher.isAvailable()) encrypted = cipher.encrypt(value);
    else {
      // Never plain text on disk: without encryption the secret lives in memory until the app quits.
      encrypted = null;
      session.set(key, value);
    }
  }
  return { env: envName, encrypted };
}

/** The stored mail part from what the user gave (secrets encrypted, defaults filled in). */
export function buildStoredMail(input: MailConnectionInput, previous: StoredMailConnection | undefined, cipher: SecretCipher, session: MailSessionSecrets, id: string): StoredMailConnection {
  const server = (given: MailServerInput, old: StoredMailServer | undefined, ports: Record<Security, number>, slot: SecretSlot): StoredMailServer => {
    const security = given.security ?? 'tls';
    return {
      host: given.host.trim(),
      port: given.port ?? ports[security],
      security,
      user: given.user.trim(),
      password: secretFrom(cipher, session, `${id}:${slot}`, old?.password, given.passwordEnv, given.password),
    };
  };
  const imapUser = input.imap.user.trim();
  const answerAddress = bareAddressPattern.test(imapUser) ? imapUser : null;
  const emailAck = input.emailAck?.trim() || answerAddress;
  const emailNot = input.emailNot?.trim() || emailAck;
  if (!emailAck || !emailNot) throw refused("L'identifiant IMAP n'est pas une adresse e-mail : indiquez l'adresse qui reçoit les réponses d'iSendPro.", 'emailAck');
  return {
    smtp: server(input.smtp, previous?.smtp, defaultSmtpPort, 'smtp'),
    imap: server(input.imap, previous?.imap, defaultImapPort, 'imap'),
    from: input.from.trim(),
    replyTo: input.replyTo?.trim() || null,
    to: input.to?.trim() || ISENDPRO_DEFAULT_ADDRESS,
    emailAck,
    emailNot,
    keyid: secretFrom(cipher, session, `${id}:keyid`, previous?.keyid, input.keyidEnv, input.keyid),
    nostop: input.nostop ?? previous?.nostop ?? false,
    oauth: buildStoredOAuth(input, previous),
  };
}

export function mailView(id: string, mail: StoredMailConnection, env: NodeJS.ProcessEnv, cipher: SecretCipher, session: MailSessionSecrets, tokenCipher: SecretCipher = cipher): MailConnectionView {
  const source = (secret: StoredMailSecret, slot: SecretSlot): MailSecretSource => {
    if (secret.env && env[secret.env]) return 'env';
    if (secret.encrypted && cipher.isAvailable()) return 'stored';
    if (session.has(`${id}:${slot}`)) return 'session';
    return 'ask';
  };
  const server = (stored: StoredMailServer, slot: SecretSlot) => ({
    host: stored.host,
    port: stored.port,
    security: stored.security,
    user: stored.user,
    passwordEnv: stored.password.env,
    passwordSource: source(stored.password, slot),
  });
  return {
    smtp: server(mail.smtp, 'smtp'),
    imap: server(mail.imap, 'imap'),
    from: mail.from,
    replyTo: mail.replyTo,
    to: mail.to,
    emailAck: mail.emailAck,
    emailNot: mail.emailNot,
    keyidEnv: mail.keyid.env,
    keyidSource: source(mail.keyid, 'keyid'),
    nostop: mail.nostop,
    auth: mail.oauth ? 'microsoft-oauth2' : 'password',
    oauth: mail.oauth ? oauthView(id, mail.oauth, tokenCipher, session) : null,
  };
}

/** Everything the mail connector needs, secrets included (never logged). */
export function resolveMailSettings(
  connection: StoredConnection,
  env: NodeJS.ProcessEnv,
  cipher: SecretCipher,
  session: MailSessionSecrets,
  timeoutMs?: number,
  oauth?: OAuthGrant & { refresh: () => Promise<string> },
): IsendproMailSettings {
  const mail = connection.mail;
  if (!mail) throw refused(`La connexion « ${connection.name} » n'est pas une connexion e-mail vers SMS.`, 'provider');
  if (mail.oauth && !oauth) throw signInRequiredError(connection, "aucun compte Microsoft 365 n'est connecté pour cette connexion.");
  const reveal = (secret: StoredMailSecret, what: string, slot: SecretSlot): string => {
    if (secret.env && env[secret.env]) return env[secret.env]!;
    if (secret.encrypted && cipher.isAvailable()) {
      try {
        return cipher.decrypt(secret.encrypted);
      } catch {
        // Encrypted on another computer: ask.
      }
    }
    const typed = session.get(`${connection.id}:${slot}`);
    if (typed) return typed;
    const hint = secret.env ? ` (ou définissez la variable d'environnement ${secret.env})` : '';
    throw new UserFacingError('password-required', `${what} de la connexion « ${connection.name} » n'est pas enregistré sur cet ordinateur : saisissez-le${hint}.`, {
      connection: connection.name,
      ...(secret.env ? { passwordEnv: secret.env } : {}),
    });
  };
  const server = (stored: StoredMailServer, what: string, slot: SecretSlot) =>
    oauth
      ? // Microsoft 365: XOAUTH2 as the signed-in account (the sign-in checked it is this server's user); no password.
        { host: stored.host, port: stored.port, security: stored.security, user: oauth.user, password: '', accessToken: oauth.accessToken }
      : { host: stored.host, port: stored.port, security: stored.security, user: stored.user, password: reveal(stored.password, what, slot) };
  return {
    smtp: server(mail.smtp, 'Le mot de passe SMTP', 'smtp'),
    imap: server(mail.imap, 'Le mot de passe IMAP', 'imap'),
    from: mail.from,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    to: mail.to,
    keyid: reveal(mail.keyid, 'La clé iSendPro (keyid)', 'keyid'),
    emailAck: mail.emailAck,
    emailNot: mail.emailNot,
    nostop: mail.nostop,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(oauth ? { refreshAccessToken: oauth.refresh } : {}),
  };
}

/**
 * The stored part of a demo iSendPro connection ('demo-isendpro-mail'): no
 * secret and no port, the demo box gives them when it starts (demoMailSettings).
 */
export function demoStoredMail(): StoredMailConnection {
  const server = (): StoredMailServer => ({ host: '127.0.0.1', port: 0, security: 'plain', user: 'demo', password: { env: null, encrypted: null } });
  return {
    smtp: server(),
    imap: server(),
    from: demoIsendproFrom,
    replyTo: null,
    to: ISENDPRO_DEFAULT_ADDRESS,
    emailAck: demoIsendproAnswerAddress,
    emailNot: demoIsendproAnswerAddress,
    keyid: { env: null, encrypted: null },
    nostop: false,
  };
}

/** A demo iSendPro connection's settings now: starts the demo box (SMTP + answer mailbox) if it is not running. */
export async function demoMailSettings(connection: StoredConnection, demo: DemoEndpoints | undefined, timeoutMs?: number): Promise<IsendproMailSettings> {
  if (!demo?.resolveMail) {
    throw new UserFacingError(
      'demo-unavailable',
      "La boîte iSendPro de démonstration n'est disponible que lorsque l'application Dropdesk est ouverte. Ouvrez l'application, ou utilisez une vraie connexion.",
      { connection: connection.name },
    );
  }
  const endpoint = await demo.resolveMail();
  const server = (given: DemoMailEndpoint['smtp']) => ({ host: given.host, port: given.port, security: 'plain' as const, user: given.username, password: given.password });
  return {
    smtp: server(endpoint.smtp),
    imap: server(endpoint.imap),
    from: endpoint.from,
    to: connection.mail?.to ?? ISENDPRO_DEFAULT_ADDRESS,
    keyid: endpoint.keyid,
    emailAck: endpoint.answerAddress,
    emailNot: endpoint.answerAddress,
    nostop: false,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

/** "Tester la connexion": logs in to both servers, sends nothing. */
export type MailTestLineKey = 'smtpOk' | 'smtpRefused' | 'smtpOauthRefused' | 'smtpUnreachable' | 'imapOk' | 'imapRefused' | 'imapOauthRefused' | 'imapUnreachable';

/** One line of the test's result: its catalogue key (connections: mail.test.*) and the French text from the same catalogue. */
export function mailTestLine(ok: boolean, key: MailTestLineKey, params: Record<string, string> = {}): MailTestView['smtp'] {
  const message = frConnections.mail.test[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
  return { ok, message, messageKey: `mail.test.${key}`, params };
}

export async function testMailSettings(settings: IsendproMailSettings): Promise<MailTestView> {
  const smtp = await verifySmtp(settings).then(
    () => mailTestLine(true, 'smtpOk'),
    (error: Error & { kind?: string }) =>
      error.kind === 'auth'
        ? mailTestLine(false, settings.smtp.accessToken ? 'smtpOauthRefused' : 'smtpRefused')
        : mailTestLine(false, 'smtpUnreachable', { detail: error.message }),
  );
  const imap = await verifyImap(settings).then(
    () => mailTestLine(true, 'imapOk'),
    (error: Error & { authenticationFailed?: boolean }) =>
      error.authenticationFailed
        ? mailTestLine(false, settings.imap.accessToken ? 'imapOauthRefused' : 'imapRefused')
        : mailTestLine(false, 'imapUnreachable', { detail: error.message }),
  );
  return { smtp, imap };
}
