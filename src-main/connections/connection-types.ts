/**
 * Saved connections: what the user fills in "Connexions" (or `connection add`)
 * and what the queue needs to reach a provider. Passwords never appear here
 * in clear: only encrypted by a SecretCipher (Electron safeStorage in the app).
 */
import type { ProviderId } from '@shared/providers/provider-ids';

import type { ConnectionProvider } from '@shared/ipc/channels/connections';

export { connectionProviders, type ConnectionProvider, type ConnectionView } from '@shared/ipc/channels/connections';

/** The connection kinds that drop files (SFTP/FTP); 'isendpro-mail' sends e-mails (src-main/connections/mail-connection.ts). */
export type FileDropConnectionProvider = Exclude<ConnectionProvider, 'isendpro-mail'>;

export function isMailProvider(provider: ConnectionProvider): provider is 'isendpro-mail' {
  return provider === 'isendpro-mail';
}

/** The provider profile (shared/providers) each file-drop connection kind drops with. */
export const profileOfProvider: Record<FileDropConnectionProvider, ProviderId> = {
  'mediasflow-sftp': 'mediasflow-sftp',
  'allmysms-ftp': 'allmysms-ftp',
  'allmysms-sftp': 'allmysms-sftp',
  'demo-mediasflow': 'mediasflow-sftp',
  'demo-allmysms': 'allmysms-ftp',
};

export function isDemoProvider(provider: ConnectionProvider): boolean {
  return provider === 'demo-mediasflow' || provider === 'demo-allmysms';
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

export interface DemoEndpoints {
  /** Starts the drop box if needed and says where it is. */
  resolve(kind: 'demo-mediasflow' | 'demo-allmysms'): Promise<DemoEndpoint>;
}
