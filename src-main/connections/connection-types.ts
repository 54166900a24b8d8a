/**
 * Saved connections: what the user fills in "Connexions" (or `connection add`)
 * and what the queue needs to reach a provider. Passwords never appear here
 * in clear: only encrypted by a SecretCipher (Electron safeStorage in the app).
 */
import type { ProviderId } from '@shared/providers/provider-ids';

import type { ConnectionProfile, ConnectionProvider, RestConnectionSettings } from '@shared/ipc/channels/connections';

export { connectionProviders, type ConnectionProfile, type ConnectionProvider, type ConnectionView, type RestConnectionSettings } from '@shared/ipc/channels/connections';

/** The connection kinds that drop files (SFTP/FTP); REST calls MediasFlow's API, 'isendpro-mail' sends e-mails (src-main/connections/mail-connection.ts). */
export type FileDropConnectionProvider = Exclude<ConnectionProvider, 'isendpro-mail' | 'demo-isendpro-mail' | 'mediasflow-rest' | 'demo-mediasflow-rest'>;

/** iSendPro mail-to-SMS, real or the demo box ('demo-isendpro-mail': src-main/demo/isendpro-demo-box.ts). */
export function isMailProvider(provider: ConnectionProvider): provider is 'isendpro-mail' | 'demo-isendpro-mail' {
  return provider === 'isendpro-mail' || provider === 'demo-isendpro-mail';
}

/** The provider profile (shared/providers) each connection kind drops with; 'mediasflow-rest' and 'isendpro-mail' have no file profile. */
export const profileOfProvider: Record<ConnectionProvider, ConnectionProfile> = {
  'mediasflow-sftp': 'mediasflow-sftp',
  'allmysms-ftp': 'allmysms-ftp',
  'allmysms-sftp': 'allmysms-sftp',
  'demo-mediasflow': 'mediasflow-sftp',
  'demo-allmysms': 'allmysms-ftp',
  'mediasflow-rest': 'mediasflow-rest',
  'demo-mediasflow-rest': 'mediasflow-rest',
  'isendpro-mail': 'isendpro-mail',
  'demo-isendpro-mail': 'isendpro-mail',
};

export function isDemoProvider(provider: ConnectionProvider): boolean {
  return provider === 'demo-mediasflow' || provider === 'demo-allmysms' || provider === 'demo-mediasflow-rest' || provider === 'demo-isendpro-mail';
}

/** MediasFlow's SMS REST API (real or demo sandbox): no file, no folders, no host key. */
export function isRestProvider(provider: ConnectionProvider): provider is 'mediasflow-rest' | 'demo-mediasflow-rest' {
  return provider === 'mediasflow-rest' || provider === 'demo-mediasflow-rest';
}

/** The file-drop profile of a connection kind (throws for REST and mail: callers ask isRestProvider/isMailProvider first). */
export function fileDropProfileOf(provider: ConnectionProvider): ProviderId {
  const profile = profileOfProvider[provider];
  if (profile === 'mediasflow-rest' || profile === 'isendpro-mail') throw new Error(`${provider} has no file-drop profile`);
  return profile;
}

/** One connection as stored in <dataDir>/connections.json. */
export interface StoredConnection {
  id: string;
  name: string;
  provider: ConnectionProvider;
  /** Demo connections get their host, port and credentials from the local drop boxes at run time. */
  demo: boolean;
  host: string;
  port: number;
  user: string;
  /** Explicit FTPS (FTP connections only). */
  ftps: boolean;
  /** Pinned SSH host key 'SHA256:…' (SFTP only); null until the user confirms one. */
  hostKey: string | null;
  /** Environment variable the CLI (and the app, first) reads the password from. */
  passwordEnv: string | null;
  /** Password encrypted by the SecretCipher, base64; null when none is stored. */
  encryptedPassword: string | null;
  /** MediasFlow: folder of the temporary upload (Paramètres of the connection); absent/null = the drop folder. */
  stagingFolder?: string | null;
  /** The account's price per SMS in euros (optional): the summary shows the cost when it is set. */
  pricePerSms?: number | null;
  /** The account's STOP mention ("STOP au 36184"); absent/null = the provider's default (shared/composer/sms-providers.ts). */
  stopMention?: string | null;
  /** MediasFlow REST connections only: base URL, brand, login call (src-main/connections/rest-connection.ts). */
  rest?: RestConnectionSettings | null;
  /** iSendPro mail-to-SMS connections only (host/port/user above mirror the SMTP server for lists). */
  mail?: StoredMailConnection;
  createdAt: string;
  updatedAt: string;
}

/** A secret of a mail connection: the environment variable it is read from, and/or its copy encrypted by the SecretCipher. */
export interface StoredMailSecret {
  env: string | null;
  encrypted: string | null;
}

export interface StoredMailServer {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'plain';
  user: string;
  password: StoredMailSecret;
}

export interface StoredMailConnection {
  smtp: StoredMailServer;
  imap: StoredMailServer;
  from: string;
  replyTo: string | null;
  to: string;
  emailAck: string;
  emailNot: string;
  keyid: StoredMailSecret;
  nostop: boolean;
  /** Microsoft 365 sign-in instead of passwords (src-main/connections/mail-oauth.ts); absent/null = passwords. */
  oauth?: StoredMailOAuth | null;
}

/** A Microsoft 365 sign-in: settings in clear, tokens only encrypted by the token cipher (or in memory for the session). */
export interface StoredMailOAuth {
  provider: 'microsoft';
  clientId: string;
  tenant: string;
  authority: string;
  /** The signed-in address (the id_token's preferred_username); null when signed out. */
  account: string | null;
  /** Encrypted (base64) by the token cipher; null when none is stored here. */
  refreshToken: string | null;
  accessToken: string | null;
  accessTokenExpiresAt: string | null;
  /** Microsoft refused the refresh (invalid_grant): nothing is sent until a new sign-in. */
  signInRequired: boolean;
}

export interface ConnectionsFile {
  formatVersion: 1;
  connections: StoredConnection[];
}

/**
 * Encrypts secrets for storage. The app passes Electron's safeStorage
 * (src-main/electron/safe-storage-cipher.ts); tests pass a fake; the CLI
 * passes an unavailable cipher (it reads passwords from the environment).
 */
export interface SecretCipher {
  isAvailable(): boolean;
  /** Returns base64. */
  encrypt(text: string): string;
  decrypt(base64: string): string;
}

export const unavailableCipher: SecretCipher = {
  isAvailable: () => false,
  encrypt: () => {
    throw new Error('No secret storage available');
  },
  decrypt: () => {
    throw new Error('No secret storage available');
  },
};

/** Where a demo connection's local drop box listens right now (src-main/demo/ provides it). */
export interface DemoEndpoint {
  host: string;
  port: number;
  username: string;
  password: string;
  /** SFTP drop box: its host key, trusted without asking (it is Dropdesk's own). */
  hostKeyFingerprint?: string;
  /** FTP drop box with FTPS: its self-signed certificate. */
  secure?: boolean;
  trustedCertificatePem?: string;
}

/** Where the demo MediasFlow-REST sandbox listens right now (http://127.0.0.1:port/…). */
export interface DemoRestEndpoint {
  baseUrl: string;
  login: string;
  password: string;
}

/** Where the demo iSendPro box listens right now: its SMTP server, its answer mailbox (IMAP) and the demo account. */
export interface DemoMailEndpoint {
  smtp: { host: string; port: number; username: string; password: string };
  imap: { host: string; port: number; username: string; password: string };
  from: string;
  keyid: string;
  answerAddress: string;
}

export interface DemoEndpoints {
  /** Starts the drop box if needed and says where it is. */
  resolve(kind: 'demo-mediasflow' | 'demo-allmysms'): Promise<DemoEndpoint>;
  /** Starts the MediasFlow-REST sandbox if needed and says where it is (absent: no sandbox). */
  resolveRest?(): Promise<DemoRestEndpoint>;
  /** Starts the iSendPro box (SMTP + answer mailbox) if needed and says where it is (absent: no such box). */
  resolveMail?(): Promise<DemoMailEndpoint>;
}
