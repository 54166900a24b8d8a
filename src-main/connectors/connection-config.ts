/**
 * What a connector needs to reach a server. Plain data: the queue builds it
 * from a saved connection (password decrypted just before use).
 */
export interface SftpConnectionConfig {
  protocol: 'sftp';
  host: string;
  port: number;
  username: string;
  password?: string;
  /** OpenSSH or PEM private key, for key-based logins. */
  privateKey?: string | Buffer;
  passphrase?: string;
  /**
   * The server's pinned host key, "SHA256:<base64 without padding>" like
   * OpenSSH prints it. Missing → the connection fails with host-key-unknown
   * carrying the fingerprint, so the user can confirm it first.
   */
  pinnedHostKey?: string | null;
  /** Connection and handshake timeout; 15 s by default. */
  timeoutMs?: number;
}

export interface FtpConnectionConfig {
  protocol: 'ftp';
  host: string;
  port: number;
  username: string;
  password: string;
  /** Explicit FTPS (AUTH TLS on the usual port). Plain FTP sends the password unencrypted. */
  secure?: boolean;
  /**
   * PEM certificate(s) to trust for FTPS besides the system's authorities,
   * for providers (and the demo server) with a self-signed certificate.
   */
  trustedCertificatePem?: string;
  timeoutMs?: number;
}

export type ConnectionConfig = SftpConnectionConfig | FtpConnectionConfig;

export const defaultTimeoutMs = 15_000;

/** True when the password (and the files) travel unencrypted: the UI warns about it. */
export function passwordTravelsInClear(config: ConnectionConfig): boolean {
  return config.protocol === 'ftp' && !config.secure;
}
