/**
 * The connections service: <dataDir>/connections.json (atomic writes, re-read
 * on every call so the app sees what the CLI added), password encryption
 * through a SecretCipher, SSH host-key pinning, "Tester la connexion", and
 * the ConnectionConfig the queue connects with.
 *
 * Password, in this order: the environment variable the connection names →
 * the stored encrypted password → a password given for this session (kept in
 * memory only, when encryption is unavailable) → 'password-required', so the
 * renderer asks the user.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { checkStagingFolder } from '@shared/providers/mediasflow/staging-folder';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { isValidStopMention } from '@shared/composer/stop-mention';
import type { ConnectionSaveInput, ConnectionSaveResult, ConnectionTestView } from '@shared/ipc/channels/connections';
import { getProviderProfile } from '@shared/providers/provider-registry';
import type { Channel } from '@shared/providers/provider-ids';
import type { ConnectionConfig } from '../connectors/connection-config';
import { probeHostKey as probeServerHostKey, sameFingerprint } from '../connectors/host-key';
import { testConnection as runConnectionTest } from '../connectors/test-connection';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';
import { restEndpointOf, restHostOf, restSettingsOf, testRestConnection, validateRestInput, restClientOptionsFor } from './rest-connection';
import type { RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import { buildStoredMail, demoMailSettings, demoStoredMail, mailView, resolveMailSettings, testMailSettings, validateMailInput, type MailSessionSecrets } from './mail-connection';
import { readLegacyMailConnections, retireLegacyMailConnections } from './legacy-mail-connections';
import { createMailOAuth } from './mail-oauth';
import type { SignInOptions } from '../oauth/microsoft-sign-in';
import type { IsendproMailSettings } from '../isendpro-mail/isendpro-mail-settings';
import {
  connectionProviders,
  fileDropProfileOf,
  isDemoProvider,
  isMailProvider,
  isRestProvider,
  profileOfProvider,
  unavailableCipher,
  type ConnectionView,
  type ConnectionsFile,
  type DemoEndpoints,
  type SecretCipher,
  type StoredConnection,
} from './connection-types';

export type ConnectionInput = ConnectionSaveInput;
export type SaveResult = ConnectionSaveResult;

export interface ConnectionServiceOptions {
  dataDir: string;
  cipher?: SecretCipher;
  /** Where passwordEnv is read; process.env by default. */
  env?: NodeJS.ProcessEnv;
  demo?: DemoEndpoints;
  now?: () => Date;
  /** Connector timeout for tests and drops (ms). */
  timeoutMs?: number;
  /** The app: the system proxy for a URL (Electron's session.resolveProxy), attached to every REST endpoint. */
  resolveProxy?: (url: string) => Promise<string>;
  /** Encrypts Microsoft 365 tokens (default: `cipher`; the CLI passes its DROPDESK_SECRET_KEY cipher). */
  tokenCipher?: SecretCipher;
}

const fingerprintPattern = /^SHA256:[A-Za-z0-9+/]{43}$/;
const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

export function connectionsFilePath(dataDir: string): string {
  return join(dataDir, 'connections.json');
}

/** 'SHA256:abc=' / 'abc' → 'SHA256:abc'; null when it is not a SHA256 fingerprint. */
export function normaliseFingerprint(value: string): string | null {
  const bare = value.trim().replace(/^SHA256:/i, '').replace(/=+$/, '');
  const normalised = `SHA256:${bare}`;
  return fingerprintPattern.test(normalised) ? normalised : null;
}

function refused(code: string, message: string, params?: Record<string, string | number>): UserFacingError {
  return new UserFacingError(code, message, params);
}

export function createConnectionService(options: ConnectionServiceOptions) {
  const path = connectionsFilePath(options.dataDir);
  const cipher = options.cipher ?? unavailableCipher;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const sessionPasswords = new Map<string, string>();
  const mailSession: MailSessionSecrets = new Map();
  const tokenCipher = options.tokenCipher ?? cipher;
  let writing: Promise<unknown> = Promise.resolve();

  async function readMain(): Promise<StoredConnection[]> {
    const file = await readJsonFile<ConnectionsFile>(path);
    return Array.isArray(file?.connections) ? file.connections : [];
  }

  let legacyChecked = false;
  async function readAll(): Promise<StoredConnection[]> {
    const connections = await readMain();
    if (legacyChecked) return connections;
    legacyChecked = true;
    const legacy = (await readLegacyMailConnections(options.dataDir)).filter((old) => !connections.some((connection) => connection.id === old.id));
    if (legacy.length === 0) {
      await retireLegacyMailConnections(options.dataDir);
      return connections;
    }
    // A name taken meanwhile in the main store keeps the main one; the old one gets a suffix (never two connections with one name).
    const taken = new Set(connections.map((connection) => connection.name.toLowerCase()));
    const moved = legacy.map((old) => (taken.has(old.name.toLowerCase()) ? { ...old, name: `${old.name} (iSendPro)` } : old));
    const merged = [...connections, ...moved];
    await writeJsonAtomic(path, { formatVersion: 1, connections: merged } satisfies ConnectionsFile);
    await retireLegacyMailConnections(options.dataDir);
    return merged;
  }

  /** Read-modify-write, one at a time within this process. */
  function update<T>(change: (connections: StoredConnection[]) => { connections: StoredConnection[]; result: T }): Promise<T> {
    const run = writing.catch(() => undefined).then(async () => {
      const { connections, result } = change(await readAll());
      const file: ConnectionsFile = { formatVersion: 1, connections };
      await writeJsonAtomic(path, file);
      return result;
    });
    writing = run;
    return run;
  }

  function passwordSource(connection: StoredConnection): ConnectionView['passwordSource'] {
    if (connection.demo) return 'demo';
    if (connection.mail) {
      const sources = [mailView(connection.id, connection.mail, env, cipher, mailSession, tokenCipher)].flatMap((view) =>
        // Microsoft 365: no password; the sign-in's state is in view.oauth.
        view.oauth ? [view.keyidSource] : [view.smtp.passwordSource, view.imap.passwordSource, view.keyidSource],
      );
      if (sources.every((source) => source === 'env')) return 'env';
      if (sources.some((source) => source === 'ask')) return 'ask';
      return sources.some((source) => source === 'session') ? 'session' : 'stored';
    }
    if (connection.passwordEnv && env[connection.passwordEnv]) return 'env';
    if (connection.encryptedPassword && cipher.isAvailable()) return 'stored';
    if (sessionPasswords.has(connection.id)) return 'session';
    return 'ask';
  }

  function toView(connection: StoredConnection): ConnectionView {
    if (isMailProvider(connection.provider) && connection.mail) {
      return {
        id: connection.id,
        name: connection.name,
        provider: connection.provider,
        profile: 'isendpro-mail',
        demo: connection.demo,
        host: connection.mail.smtp.host,
        port: connection.mail.smtp.port,
        user: connection.mail.smtp.user,
        ftps: false,
        hostKey: null,
        passwordEnv: connection.mail.smtp.password.env,
        pricePerSms: connection.pricePerSms ?? null,
        passwordSource: passwordSource(connection),
        passwordTravelsInClear: false,
        // A demo connection has no server, address or secret of its own to show: the local box gives them.
        ...(connection.demo ? {} : { mail: mailView(connection.id, connection.mail, env, cipher, mailSession, tokenCipher) }),
        createdAt: connection.createdAt,
        updatedAt: connection.updatedAt,
      };
    }
    const profile = profileOfProvider[connection.provider];
    return {
      id: connection.id,
      name: connection.name,
      provider: connection.provider,
      profile,
      demo: connection.demo,
      host: connection.host,
      port: connection.port,
      user: connection.user,
      ftps: connection.ftps,
      hostKey: connection.hostKey,
      passwordEnv: connection.passwordEnv,
      pricePerSms: connection.pricePerSms ?? null,
      stopMention: connection.stopMention ?? null,
      passwordSource: passwordSource(connection),
      passwordTravelsInClear: profile !== 'mediasflow-rest' && profile !== 'isendpro-mail' && getProviderProfile(profile).protocol === 'ftp' && !connection.ftps && !connection.demo,
      stagingFolder: connection.stagingFolder ?? null,
      rest: connection.rest ?? null,
      createdAt: connection.createdAt,
      updatedAt: connection.updatedAt,
    };
  }

  function notFound(idOrName: string): UserFacingError {
    return refused('connection-not-found', `La connexion « ${idOrName} » n'existe pas (supprimée ?). Choisissez une autre connexion ou créez-la.`, {
      connection: idOrName,
    });
  }

  async function getStored(idOrName: string): Promise<StoredConnection> {
    const connections = await readAll();
    const found =
      connections.find((connection) => connection.id === idOrName) ??
      connections.find((connection) => connection.name.toLowerCase() === idOrName.trim().toLowerCase());
    if (!found) throw notFound(idOrName);
    return found;
  }

  function validate(input: ConnectionInput): void {
    if (!(connectionProviders as readonly string[]).includes(input.provider)) {
      throw refused('connection-invalid', `Fournisseur inconnu : ${input.provider}.`, { field: 'provider' });
    }
    if (!input.name.trim()) throw refused('connection-invalid', 'Donnez un nom à la connexion.', { field: 'name' });
    if (input.stopMention && !isValidStopMention(input.stopMention)) {
      throw refused(
        'connection-invalid',
        `« ${input.stopMention.trim()} » n'est pas une mention STOP : écrivez « STOP », éventuellement quelques mots, puis le numéro court à 5 chiffres de votre compte (par exemple « STOP au 36184 »).`,
        { field: 'stopMention' },
      );
    }
    if (isRestProvider(input.provider)) return validateRestInput(input, isDemoProvider(input.provider));
    if (isDemoProvider(input.provider) || isMailProvider(input.provider)) return;
    if (!input.host?.trim()) throw refused('connection-invalid', "Indiquez l'adresse du serveur.", { field: 'host' });
    if (input.port !== undefined && !(Number.isInteger(input.port) && input.port >= 1 && input.port <= 65535)) {
      throw refused('connection-invalid', 'Le port doit être un nombre entre 1 et 65535.', { field: 'port' });
    }
    if (!input.user?.trim()) throw refused('connection-invalid', "Indiquez l'identifiant de connexion.", { field: 'user' });
    if (input.passwordEnv && !envNamePattern.test(input.passwordEnv)) {
      throw refused('connection-invalid', `« ${input.passwordEnv} » n'est pas un nom de variable d'environnement valide (lettres, chiffres et _).`, {
        field: 'passwordEnv',
      });
    }
    if (input.stagingFolder) {
      const staging = checkStagingFolder(input.stagingFolder);
      if (!staging.ok) {
        throw refused(
          staging.problem === 'not-absolute' ? 'staging-folder-not-absolute' : 'staging-folder-inside-provider',
          staging.problem === 'not-absolute'
            ? 'Le dossier d’attente doit être un chemin complet sur le serveur, commençant par « / » (par exemple /Attente).'
            : 'Le dossier d’attente doit être hors des dossiers lus par MediasFlow (/Campagnes/SMS, /Campagnes/VMS, /Campagnes/Report) : sinon le fournisseur verrait le fichier temporaire.',
          { field: 'stagingFolder' },
        );
      }
    }
    if (input.hostKey && !normaliseFingerprint(input.hostKey)) {
      throw refused('connection-invalid', "L'empreinte doit avoir la forme SHA256:… (43 caractères après « SHA256: »), comme l'affiche OpenSSH.", {
        field: 'hostKey',
      });
    }
    if (input.ftps && getProviderProfile(fileDropProfileOf(input.provider)).protocol !== 'ftp') {
      throw refused('connection-invalid', "FTPS ne s'applique qu'aux connexions FTP.", { field: 'ftps' });
    }
  }

  async function save(input: ConnectionInput): Promise<SaveResult> {
    validate(input);
    const at = now().toISOString();
    let passwordOutcome: SaveResult['password'] = 'none';
    const saved = await update((connections) => {
      const clash = connections.find(
        (connection) => connection.name.toLowerCase() === input.name.trim().toLowerCase() && connection.id !== input.id,
      );
      if (clash) throw refused('connection-name-taken', `Une connexion s'appelle déjà « ${clash.name} ». Choisissez un autre nom.`, { name: clash.name });
      const previous = input.id ? connections.find((connection) => connection.id === input.id) : undefined;
      if (input.id && !previous) throw notFound(input.id);
      if (isMailProvider(input.provider) && isDemoProvider(input.provider)) {
        const connection: StoredConnection = {
          id: previous?.id ?? `cn${now().getTime().toString(36)}${randomBytes(4).toString('hex')}`,
          name: input.name.trim(),
          provider: input.provider,
          demo: true,
          host: '127.0.0.1',
          port: 0,
          user: 'demo',
          ftps: false,
          hostKey: null,
          passwordEnv: null,
          encryptedPassword: null,
          pricePerSms: input.pricePerSms !== undefined ? input.pricePerSms : (previous?.pricePerSms ?? null),
          mail: demoStoredMail(),
          createdAt: previous?.createdAt ?? at,
          updatedAt: at,
        };
        return { connections: [...connections.filter((existing) => existing.id !== connection.id), connection], result: connection };
      }
      if (isMailProvider(input.provider)) {
        validateMailInput(input.mail, previous?.mail);
        const mailId = previous?.id ?? `cn${now().getTime().toString(36)}${randomBytes(4).toString('hex')}`;
        const mail = buildStoredMail(input.mail, previous?.mail, cipher, mailSession, mailId);
        // A new registration, another user or passwords again: the tokens of the old sign-in are forgotten.
        if (mail.oauth !== previous?.mail?.oauth) mailOAuth.forget(mailId);
        const typed = Boolean(input.mail.smtp.password || input.mail.imap.password || input.mail.keyid);
        passwordOutcome = typed ? (cipher.isAvailable() ? 'encrypted' : 'session-only') : previous ? 'unchanged' : 'none';
        const connection: StoredConnection = {
          id: mailId,
          name: input.name.trim(),
          provider: input.provider,
          demo: false,
          host: mail.smtp.host,
          port: mail.smtp.port,
          user: mail.smtp.user,
          ftps: false,
          hostKey: null,
          passwordEnv: null,
          encryptedPassword: null,
          pricePerSms: input.pricePerSms !== undefined ? input.pricePerSms : (previous?.pricePerSms ?? null),
          mail,
          createdAt: previous?.createdAt ?? at,
          updatedAt: at,
        };
        return { connections: [...connections.filter((existing) => existing.id !== connection.id), connection], result: connection };
      }
      const demo = isDemoProvider(input.provider);
      const restSettings = isRestProvider(input.provider) ? restSettingsOf(input, previous?.rest) : null;
      // REST connections have no file profile: treated as HTTPS (no FTPS, no host key, no staging folder).
      const profile = restSettings ? { protocol: 'https', defaultPort: 443, family: 'mediasflow-rest' } : getProviderProfile(fileDropProfileOf(input.provider));
      const host = demo ? '127.0.0.1' : restSettings ? restHostOf(restSettings).host : input.host!.trim();
      const port = demo ? 0 : restSettings ? restHostOf(restSettings).port : (input.port ?? profile.defaultPort);
      // A pinned key belongs to one server: a new address forgets it unless a key comes with it.
      const sameServer = previous && previous.host === host && previous.port === port;
      const hostKey = input.hostKey !== undefined ? (input.hostKey ? normaliseFingerprint(input.hostKey) : null) : sameServer ? previous.hostKey : null;
      const id = previous?.id ?? `cn${now().getTime().toString(36)}${randomBytes(4).toString('hex')}`;

      let encryptedPassword = previous?.encryptedPassword ?? null;
      passwordOutcome = previous?.encryptedPassword ? 'unchanged' : 'none';
      if (input.password !== undefined && !demo) {
        sessionPasswords.delete(id);
        if (input.password === '') {
          encryptedPassword = null;
          passwordOutcome = 'removed';
        } else if (cipher.isAvailable()) {
          encryptedPassword = cipher.encrypt(input.password);
          passwordOutcome = 'encrypted';
        } else {
          // Never plain text on disk: without encryption the password lives in memory until the app quits.
          encryptedPassword = null;
          sessionPasswords.set(id, input.password);
          passwordOutcome = 'session-only';
        }
      }
      const connection: StoredConnection = {
        id,
        name: input.name.trim(),
        provider: input.provider,
        demo,
        host,
        port,
        user: demo ? 'demo' : input.user!.trim(),
        ftps: !demo && profile.protocol === 'ftp' ? (input.ftps ?? previous?.ftps ?? false) : false,
        hostKey: profile.protocol === 'sftp' && !demo ? hostKey : null,
        passwordEnv: demo ? null : input.passwordEnv !== undefined ? input.passwordEnv || null : (previous?.passwordEnv ?? null),
        encryptedPassword: demo ? null : encryptedPassword,
        stagingFolder:
          demo || profile.family !== 'mediasflow' ? null : input.stagingFolder !== undefined ? (checkStagingFolder(input.stagingFolder) as { folder: string | null }).folder : (previous?.stagingFolder ?? null),
        pricePerSms: input.pricePerSms !== undefined ? input.pricePerSms : (previous?.pricePerSms ?? null),
        stopMention: input.stopMention !== undefined ? input.stopMention?.trim() || null : (previous?.stopMention ?? null),
        ...(restSettings ? { rest: restSettings } : {}),
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
      };
      const rest = connections.filter((existing) => existing.id !== id);
      return { connections: [...rest, connection], result: connection };
    });
    return { connection: toView(saved), password: passwordOutcome };
  }

  async function remove(id: string): Promise<{ deleted: true }> {
    await update((connections) => {
      if (!connections.some((connection) => connection.id === id)) throw notFound(id);
      return { connections: connections.filter((connection) => connection.id !== id), result: undefined };
    });
    sessionPasswords.delete(id);
    mailOAuth.forget(id);
    return { deleted: true };
  }

  async function pinHostKey(id: string, fingerprint: string): Promise<ConnectionView> {
    const normalised = normaliseFingerprint(fingerprint);
    if (!normalised) throw refused('connection-invalid', "L'empreinte doit avoir la forme SHA256:… comme l'affiche OpenSSH.", { field: 'hostKey' });
    const saved = await update((connections) => {
      const connection = connections.find((candidate) => candidate.id === id);
      if (!connection) throw notFound(id);
      if (connection.mail || isRestProvider(connection.provider) || getProviderProfile(fileDropProfileOf(connection.provider)).protocol !== 'sftp' || connection.demo) {
        throw refused('connection-invalid', "Cette connexion n'utilise pas SSH : il n'y a pas d'empreinte à enregistrer.", { field: 'hostKey' });
      }
      const pinned = { ...connection, hostKey: normalised, updatedAt: now().toISOString() };
      return { connections: connections.map((candidate) => (candidate.id === id ? pinned : candidate)), result: pinned };
    });
    return toView(saved);
  }

  /** The server's key, read without logging in, and how it compares with the pinned one. */
  async function probeHostKey(id: string): Promise<{ fingerprint: string; keyType: string; pinned: string | null; matchesPinned: boolean | null }> {
    const connection = await getStored(id);
    if (connection.demo || connection.mail || isRestProvider(connection.provider) || getProviderProfile(fileDropProfileOf(connection.provider)).protocol !== 'sftp') {
      throw refused('connection-invalid', "Cette connexion n'utilise pas SSH : il n'y a pas d'empreinte à vérifier.", { field: 'hostKey' });
    }
    const probe = await probeServerHostKey(connection.host, connection.port, options.timeoutMs).catch((error: unknown) => {
      throw refused('connection-unreachable', error instanceof Error ? error.message : String(error), { host: connection.host, port: connection.port });
    });
    return {
      ...probe,
      pinned: connection.hostKey,
      matchesPinned: connection.hostKey ? sameFingerprint(connection.hostKey, probe.fingerprint) : null,
    };
  }

  function passwordRequired(connection: StoredConnection): UserFacingError {
    const hint = connection.passwordEnv
      ? ` (ou définissez la variable d'environnement ${connection.passwordEnv})`
      : '';
    return refused(
      'password-required',
      `Le mot de passe de la connexion « ${connection.name} » n'est pas enregistré sur cet ordinateur : saisissez-le${hint}.`,
      { connection: connection.name, ...(connection.passwordEnv ? { passwordEnv: connection.passwordEnv } : {}) },
    );
  }

  function findPassword(connection: StoredConnection, given?: string): string | null {
    if (given) return given;
    if (connection.passwordEnv && env[connection.passwordEnv]) return env[connection.passwordEnv]!;
    if (connection.encryptedPassword && cipher.isAvailable()) {
      try {
        return cipher.decrypt(connection.encryptedPassword);
      } catch {
        // Encrypted on another computer or account: it cannot be read here, so ask.
      }
    }
    return sessionPasswords.get(connection.id) ?? null;
  }

  /** Everything the connectors need to reach the connection's server now. */
  async function resolveConfig(idOrConnection: string | StoredConnection, given?: { password?: string }): Promise<ConnectionConfig> {
    const connection = typeof idOrConnection === 'string' ? await getStored(idOrConnection) : idOrConnection;
    if (isRestProvider(connection.provider)) throw refused('connection-invalid', `La connexion « ${connection.name} » utilise l'API MediasFlow, pas un dépôt de fichier.`, { connection: connection.name });
    if (connection.mail) throw refused('connection-invalid', `La connexion « ${connection.name} » envoie des e-mails vers SMS, pas un dépôt de fichier.`, { connection: connection.name });
    const protocol = getProviderProfile(fileDropProfileOf(connection.provider)).protocol;
    const timeoutMs = options.timeoutMs;
    if (connection.demo) {
      if (!options.demo) {
        throw refused(
          'demo-unavailable',
          "Le serveur de démonstration n'est disponible que lorsque l'application Dropdesk est ouverte. Ouvrez l'application, ou utilisez une vraie connexion.",
          { connection: connection.name },
        );
      }
      const endpoint = await options.demo.resolve(connection.provider as 'demo-mediasflow' | 'demo-allmysms');
      if (protocol === 'sftp') {
        return {
          protocol: 'sftp',
          host: endpoint.host,
          port: endpoint.port,
          username: endpoint.username,
          password: endpoint.password,
          pinnedHostKey: endpoint.hostKeyFingerprint ?? null,
          ...(timeoutMs ? { timeoutMs } : {}),
        };
      }
      return {
        protocol: 'ftp',
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.username,
        password: endpoint.password,
        secure: endpoint.secure ?? false,
        ...(endpoint.trustedCertificatePem ? { trustedCertificatePem: endpoint.trustedCertificatePem } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      };
    }
    const password = findPassword(connection, given?.password);
    if (password === null) throw passwordRequired(connection);
    if (protocol === 'sftp') {
      return {
        protocol: 'sftp',
        host: connection.host,
        port: connection.port,
        username: connection.user,
        password,
        pinnedHostKey: connection.hostKey,
        ...(timeoutMs ? { timeoutMs } : {}),
      };
    }
    return {
      protocol: 'ftp',
      host: connection.host,
      port: connection.port,
      username: connection.user,
      password,
      secure: connection.ftps,
      ...(timeoutMs ? { timeoutMs } : {}),
    };
  }

  /** A REST connection's API endpoint now (sandbox for demo; password resolved as for SFTP). */
  async function resolveRestEndpoint(idOrConnection: string | StoredConnection, given?: { password?: string }): Promise<RestEndpoint> {
    const connection = typeof idOrConnection === 'string' ? await getStored(idOrConnection) : idOrConnection;
    const endpoint = await restEndpointOf(connection, () => findPassword(connection, given?.password) ?? (() => { throw passwordRequired(connection); })(), options.demo);
    return options.resolveProxy ? { ...endpoint, systemProxy: options.resolveProxy } : endpoint;
  }

  /** "Tester la connexion": logs in and checks the provider's folders (both channels for MediasFlow); REST: login + one read. */
  async function test(id: string, given?: { password?: string }): Promise<ConnectionTestView> {
    const connection = await getStored(id);
    if (connection.mail) return testMail(connection);
    if (isRestProvider(connection.provider)) {
      const endpoint = await resolveRestEndpoint(connection, given);
      const result = await testRestConnection(endpoint, restClientOptionsFor(endpoint, env, options.timeoutMs));
      if (given?.password && result.connected && !connection.encryptedPassword && !cipher.isAvailable()) sessionPasswords.set(connection.id, given.password);
      return result;
    }
    const config = await resolveConfig(connection, given);
    const profile = getProviderProfile(fileDropProfileOf(connection.provider));
    const folders = [...new Set(profile.channels.flatMap((channel: Channel) => profile.expectedFolders(channel)))];
    const result = await runConnectionTest(config, folders);
    if (given?.password && result.connected && !connection.encryptedPassword && !cipher.isAvailable()) {
      // The password just worked: keep it for this session so drops do not ask again.
      sessionPasswords.set(connection.id, given.password);
    }
    if (result.connected) return result;
    const error = result.error.toJSON();
    return { connected: false, passwordTravelsInClear: result.passwordTravelsInClear, hostKeyFingerprint: result.hostKeyFingerprint, error: { ...error, params: { ...error.params } } };
  }

  const mailOAuth = createMailOAuth({
    cipher: tokenCipher,
    session: mailSession,
    tokenOptions: { env, now, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
    now,
    getStored,
    saveOAuth: (id, change) =>
      update((connections) => {
        const index = connections.findIndex((connection) => connection.id === id);
        const current = connections[index];
        if (!current?.mail?.oauth) throw notFound(id);
        const changed: StoredConnection = { ...current, mail: { ...current.mail, oauth: change(current.mail.oauth) }, updatedAt: now().toISOString() };
        return { connections: connections.map((connection, i) => (i === index ? changed : connection)), result: changed };
      }),
  });

  /** A mail-to-SMS connection's servers, addresses and keyid, secrets resolved (the mail driver; never logged). Microsoft 365: a fresh access token. */
  async function resolveMail(idOrConnection: string | StoredConnection): Promise<IsendproMailSettings> {
    const connection = typeof idOrConnection === 'string' ? await getStored(idOrConnection) : idOrConnection;
    if (connection.demo && connection.mail) return demoMailSettings(connection, options.demo, options.timeoutMs);
    if (connection.mail?.oauth) {
      const grant = await mailOAuth.accessToken(connection.id);
      const refresh = async () => (await mailOAuth.accessToken(connection.id, { force: true })).accessToken;
      return resolveMailSettings(await getStored(connection.id), env, cipher, mailSession, options.timeoutMs, { ...grant, refresh });
    }
    return resolveMailSettings(connection, env, cipher, mailSession, options.timeoutMs);
  }

  /** « Se connecter à Microsoft 365 »: the browser sign-in, tokens kept encrypted. */
  async function signInMicrosoft(id: string, signIn: Pick<SignInOptions, 'openBrowser' | 'signal' | 'waitMs'>): Promise<ConnectionView> {
    return toView(await mailOAuth.signIn((await getStored(id)).id, signIn));
  }

  async function signOutMicrosoft(id: string): Promise<ConnectionView> {
    return toView(await mailOAuth.signOut((await getStored(id)).id));
  }

  /** "Tester la connexion" of a mail connection: logs in to SMTP and IMAP, sends nothing. */
  async function testMail(connection: StoredConnection): Promise<ConnectionTestView> {
    const mail = await testMailSettings(await resolveMail(connection));
    const message = `${mail.smtp.message} ${mail.imap.message}`;
    if (mail.smtp.ok && mail.imap.ok) {
      return { connected: true, protocol: 'smtp+imap', passwordTravelsInClear: false, hostKeyFingerprint: null, presentFolders: [], missingFolders: [], message, mail };
    }
    return {
      connected: false,
      passwordTravelsInClear: false,
      hostKeyFingerprint: null,
      error: { kind: mail.smtp.ok ? 'imap-login' : 'smtp-login', transient: false, messageKey: 'connections.mailTestFailed', message, params: {} },
      mail,
    };
  }

  /** Remembers a password the user typed for this session only (never written to disk). */
  function rememberForSession(id: string, password: string): void {
    sessionPasswords.set(id, password);
  }

  return {
    list: async (): Promise<ConnectionView[]> => (await readAll()).map(toView).sort((a, b) => a.name.localeCompare(b.name)),
    get: async (idOrName: string): Promise<ConnectionView> => toView(await getStored(idOrName)),
    getStored,
    save,
    remove,
    pinHostKey,
    probeHostKey,
    test,
    resolveConfig,
    resolveRestEndpoint,
    resolveMailSettings: resolveMail,
    signInMicrosoft,
    signOutMicrosoft,
    rememberForSession,
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
