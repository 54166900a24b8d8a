/**
 * iSendPro mail-to-SMS connections ('isendpro-mail'): the SMTP server that
 * sends the batches, the IMAP mailbox that receives the answers, the From
 * address iSendPro authorised, the account key (keyid), the answer address
 * (emailAck/emailNot, by default the IMAP mailbox's own address) and
 * iSendPro's address (default sendsms@isendpro-api.com).
 *
 * Kept in <dataDir>/isendpro/connections.json (atomic writes, re-read on each
 * call). Secrets (both passwords and the keyid) follow the same rule as the
 * other connections: an environment variable the connection names, else the
 * value encrypted by the SecretCipher (Electron safeStorage in the app),
 * never plain text on disk and never in a log. Plain SMTP/IMAP (no TLS) is
 * refused for any host but 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';
import { unavailableCipher, type SecretCipher } from '../connections/connection-types';
import { isendproDir } from './email-id-allocator';
import { ISENDPRO_DEFAULT_ADDRESS, plainAllowed, type ImapSecurity, type IsendproMailSettings, type SmtpSecurity } from './isendpro-mail-settings';
import { verifyImap } from './mailbox-scan';
import { verifySmtp } from './smtp-send';

export const ISENDPRO_MAIL_PROVIDER = 'isendpro-mail';

interface StoredSecret {
  env: string | null;
  encrypted: string | null;
}

interface StoredServer<Security> {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: StoredSecret;
}

export interface StoredIsendproConnection {
  id: string;
  name: string;
  provider: typeof ISENDPRO_MAIL_PROVIDER;
  smtp: StoredServer<SmtpSecurity>;
  imap: StoredServer<ImapSecurity>;
  from: string;
  replyTo: string | null;
  to: string;
  emailAck: string;
  emailNot: string;
  keyid: StoredSecret;
  nostop: boolean;
  createdAt: string;
  updatedAt: string;
}

interface ConnectionsFile {
  formatVersion: 1;
  connections: StoredIsendproConnection[];
}

/** Without any secret: what the screens and `connection add --json` show. */
export interface IsendproConnectionView {
  id: string;
  name: string;
  provider: typeof ISENDPRO_MAIL_PROVIDER;
  smtp: { host: string; port: number; security: SmtpSecurity; user: string; passwordEnv: string | null; passwordSource: SecretSource };
  imap: { host: string; port: number; security: ImapSecurity; user: string; passwordEnv: string | null; passwordSource: SecretSource };
  from: string;
  replyTo: string | null;
  to: string;
  emailAck: string;
  emailNot: string;
  keyidEnv: string | null;
  keyidSource: SecretSource;
  nostop: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SecretSource = 'env' | 'stored' | 'ask';

export interface IsendproServerInput<Security> {
  host: string;
  port?: number;
  security?: Security;
  user: string;
  passwordEnv?: string | null;
  password?: string;
}

export interface IsendproConnectionInput {
  id?: string;
  name: string;
  smtp: IsendproServerInput<SmtpSecurity>;
  imap: IsendproServerInput<ImapSecurity>;
  from: string;
  replyTo?: string | null;
  to?: string | null;
  emailAck?: string | null;
  emailNot?: string | null;
  keyidEnv?: string | null;
  keyid?: string;
  nostop?: boolean;
}

const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const addressPattern = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;
const bareAddressPattern = /^[^\s@<>]+@[^\s@<>]+$/;

export const defaultSmtpPort: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, plain: 25 };
export const defaultImapPort: Record<ImapSecurity, number> = { tls: 993, starttls: 143, plain: 143 };

function refused(message: string, field: string): UserFacingError {
  return new UserFacingError('connection-invalid', message, { field });
}

export interface IsendproConnectionServiceOptions {
  dataDir: string;
  cipher?: SecretCipher;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Names already taken by the other connections (one name space for `--connection N`). */
  otherNames?: () => Promise<string[]>;
  timeoutMs?: number;
}

export function createIsendproConnectionService(options: IsendproConnectionServiceOptions) {
  const path = join(isendproDir(options.dataDir), 'connections.json');
  const cipher = options.cipher ?? unavailableCipher;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());

  async function readAll(): Promise<StoredIsendproConnection[]> {
    const file = await readJsonFile<ConnectionsFile>(path);
    return Array.isArray(file?.connections) ? file.connections : [];
  }

  function source(secret: StoredSecret): SecretSource {
    if (secret.env && env[secret.env]) return 'env';
    if (secret.encrypted && cipher.isAvailable()) return 'stored';
    return 'ask';
  }

  function toView(connection: StoredIsendproConnection): IsendproConnectionView {
    const server = <S>(stored: StoredServer<S>) => ({
      host: stored.host,
      port: stored.port,
      security: stored.security,
      user: stored.user,
      passwordEnv: stored.password.env,
      passwordSource: source(stored.password),
    });
    return {
      id: connection.id,
      name: connection.name,
      provider: connection.provider,
      smtp: server(connection.smtp),
      imap: server(connection.imap),
      from: connection.from,
      replyTo: connection.replyTo,
      to: connection.to,
      emailAck: connection.emailAck,
      emailNot: connection.emailNot,
      keyidEnv: connection.keyid.env,
      keyidSource: source(connection.keyid),
      nostop: connection.nostop,
      createdAt: connection.createdAt,
      updatedAt: connection.updatedAt,
    };
  }

  function validateServer<S extends string>(server: IsendproServerInput<S>, kind: 'smtp' | 'imap', allowed: readonly S[]): void {
    const label = kind === 'smtp' ? "d'envoi (SMTP)" : 'de réception (IMAP)';
    if (!server.host?.trim()) throw refused(`Indiquez l'adresse du serveur ${label}.`, `${kind}.host`);
    if (server.port !== undefined && !(Number.isInteger(server.port) && server.port >= 1 && server.port <= 65535)) {
      throw refused(`Le port du serveur ${label} doit être un nombre entre 1 et 65535.`, `${kind}.port`);
    }
    if (server.security && !allowed.includes(server.security)) throw refused(`Sécurité inconnue pour le serveur ${label} : ${server.security}.`, `${kind}.security`);
    if ((server.security ?? 'tls') === 'plain' && !plainAllowed(server.host)) {
      throw refused(`Le serveur ${label} sans chiffrement n'est accepté que sur 127.0.0.1 (tests et démonstration) : choisissez TLS ou STARTTLS.`, `${kind}.security`);
    }
    if (!server.user?.trim()) throw refused(`Indiquez l'identifiant du serveur ${label}.`, `${kind}.user`);
    if (server.passwordEnv && !envNamePattern.test(server.passwordEnv)) {
      throw refused(`« ${server.passwordEnv} » n'est pas un nom de variable d'environnement valide (lettres, chiffres et _).`, `${kind}.passwordEnv`);
    }
  }

  function validate(input: IsendproConnectionInput): void {
    if (!input.name.trim()) throw refused('Donnez un nom à la connexion.', 'name');
    validateServer(input.smtp, 'smtp', ['tls', 'starttls', 'plain']);
    validateServer(input.imap, 'imap', ['tls', 'starttls', 'plain']);
    if (!addressPattern.test(input.from.trim())) throw refused("L'adresse d'expéditeur (From) autorisée par iSendPro n'est pas une adresse e-mail.", 'from');
    for (const [field, value] of [['replyTo', input.replyTo], ['to', input.to], ['emailAck', input.emailAck], ['emailNot', input.emailNot]] as const) {
      if (value && !bareAddressPattern.test(value.trim())) throw refused(`« ${value} » n'est pas une adresse e-mail.`, field);
    }
    if (input.keyidEnv && !envNamePattern.test(input.keyidEnv)) throw refused(`« ${input.keyidEnv} » n'est pas un nom de variable d'environnement valide.`, 'keyidEnv');
    if (!input.keyidEnv && !input.keyid) throw refused('Indiquez la clé iSendPro (keyid, onglet « Mon compte » de votre espace client).', 'keyid');
  }

  function secretFrom(previous: StoredSecret | undefined, givenEnv: string | null | undefined, value: string | undefined, field: string): StoredSecret {
    const envName = givenEnv !== undefined ? givenEnv || null : (previous?.env ?? null);
    let encrypted = previous?.encrypted ?? null;
    if (value !== undefined) {
      if (value === '') encrypted = null;
      else if (cipher.isAvailable()) encrypted = cipher.encrypt(value);
      else if (!envName) {
        throw new UserFacingError('secret-storage-unavailable', `Ce poste ne peut pas chiffrer les secrets : donnez une variable d'environnement pour ${field}.`, { field });
      } else encrypted = null;
    }
    return { env: envName, encrypted };
  }

  async function save(input: IsendproConnectionInput): Promise<IsendproConnectionView> {
    validate(input);
    const others = (await options.otherNames?.()) ?? [];
    const connections = await readAll();
    const name = input.name.trim();
    const clash = connections.find((connection) => connection.name.toLowerCase() === name.toLowerCase() && connection.id !== input.id);
    if (clash || others.some((other) => other.toLowerCase() === name.toLowerCase())) {
      throw new UserFacingError('connection-name-taken', `Une connexion s'appelle déjà « ${name} ». Choisissez un autre nom.`, { name });
    }
    const previous = input.id ? connections.find((connection) => connection.id === input.id) : undefined;
    const at = now().toISOString();
    const server = <S extends SmtpSecurity | ImapSecurity>(given: IsendproServerInput<S>, old: StoredServer<S> | undefined, ports: Record<S, number>, field: string): StoredServer<S> => {
      const security = (given.security ?? 'tls') as S;
      return {
        host: given.host.trim(),
        port: given.port ?? ports[security],
        security,
        user: given.user.trim(),
        password: secretFrom(old?.password, given.passwordEnv, given.password, field),
      };
    };
    const imapUser = input.imap.user.trim();
    const answerAddress = bareAddressPattern.test(imapUser) ? imapUser : null;
    const emailAck = input.emailAck?.trim() || answerAddress;
    const emailNot = input.emailNot?.trim() || emailAck;
    if (!emailAck || !emailNot) throw refused("L'identifiant IMAP n'est pas une adresse e-mail : indiquez l'adresse qui reçoit les réponses d'iSendPro.", 'emailAck');
    const connection: StoredIsendproConnection = {
      id: previous?.id ?? `cn${now().getTime().toString(36)}${randomBytes(4).toString('hex')}`,
      name,
      provider: ISENDPRO_MAIL_PROVIDER,
      smtp: server(input.smtp, previous?.smtp, defaultSmtpPort, 'le mot de passe SMTP'),
      imap: server(input.imap, previous?.imap, defaultImapPort, 'le mot de passe IMAP'),
      from: input.from.trim(),
      replyTo: input.replyTo?.trim() || null,
      to: input.to?.trim() || ISENDPRO_DEFAULT_ADDRESS,
      emailAck,
      emailNot,
      keyid: secretFrom(previous?.keyid, input.keyidEnv, input.keyid, 'la clé iSendPro'),
      nostop: input.nostop ?? previous?.nostop ?? false,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    };
    await writeJsonAtomic(path, { formatVersion: 1, connections: [...connections.filter((c) => c.id !== connection.id), connection] } satisfies ConnectionsFile);
    return toView(connection);
  }

  async function getStored(idOrName: string): Promise<StoredIsendproConnection> {
    const connections = await readAll();
    const found = connections.find((c) => c.id === idOrName) ?? connections.find((c) => c.name.toLowerCase() === idOrName.trim().toLowerCase());
    if (!found) throw new UserFacingError('connection-not-found', `La connexion « ${idOrName} » n'existe pas (supprimée ?). Choisissez une autre connexion ou créez-la.`, { connection: idOrName });
    return found;
  }

  function reveal(secret: StoredSecret, connection: StoredIsendproConnection, what: string): string {
    if (secret.env && env[secret.env]) return env[secret.env]!;
    if (secret.encrypted && cipher.isAvailable()) {
      try {
        return cipher.decrypt(secret.encrypted);
      } catch {
        // Encrypted on another computer: ask.
      }
    }
    const hint = secret.env ? ` (ou définissez la variable d'environnement ${secret.env})` : '';
    throw new UserFacingError('password-required', `${what} de la connexion « ${connection.name} » n'est pas enregistré sur cet ordinateur : saisissez-le${hint}.`, {
      connection: connection.name,
      ...(secret.env ? { passwordEnv: secret.env } : {}),
    });
  }

  /** Everything the connector needs, secrets included (never logged). */
  async function resolveSettings(idOrName: string): Promise<IsendproMailSettings> {
    const connection = await getStored(idOrName);
    return {
      smtp: { ...connection.smtp, password: reveal(connection.smtp.password, connection, 'Le mot de passe SMTP') },
      imap: { ...connection.imap, password: reveal(connection.imap.password, connection, 'Le mot de passe IMAP') },
      from: connection.from,
      ...(connection.replyTo ? { replyTo: connection.replyTo } : {}),
      to: connection.to,
      keyid: reveal(connection.keyid, connection, 'La clé iSendPro (keyid)'),
      emailAck: connection.emailAck,
      emailNot: connection.emailNot,
      nostop: connection.nostop,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    };
  }

  /** "Tester la connexion": logs in to both servers, sends nothing. */
  async function test(idOrName: string): Promise<{ smtp: { ok: boolean; message: string }; imap: { ok: boolean; message: string } }> {
    const settings = await resolveSettings(idOrName);
    const smtp = await verifySmtp(settings).then(
      () => ({ ok: true, message: "Connexion au serveur d'envoi réussie (aucun e-mail envoyé)." }),
      (error: Error & { kind?: string }) => ({
        ok: false,
        message: error.kind === 'auth' ? "Le serveur d'envoi refuse l'identifiant ou le mot de passe SMTP." : `Serveur d'envoi injoignable : ${error.message}`,
      }),
    );
    const imap = await verifyImap(settings).then(
      () => ({ ok: true, message: 'Connexion à la boîte de réception réussie.' }),
      (error: Error & { authenticationFailed?: boolean }) => ({
        ok: false,
        message: error.authenticationFailed ? "La boîte de réception refuse l'identifiant ou le mot de passe IMAP." : `Boîte de réception injoignable : ${error.message}`,
      }),
    );
    return { smtp, imap };
  }

  return {
    list: async () => (await readAll()).map(toView).sort((a, b) => a.name.localeCompare(b.name)),
    get: async (idOrName: string) => toView(await getStored(idOrName)),
    getStored,
    save,
    resolveSettings,
    test,
    names: async () => (await readAll()).map((connection) => connection.name),
  };
}

export type IsendproConnectionService = ReturnType<typeof createIsendproConnectionService>;
