/**
 * Turns what basic-ftp throws (FTPError with the server's reply code, or a
 * socket/TLS error) into the connectors' taxonomy. Pure.
 */
import { ConnectorError, type ConnectorErrorKind } from './connector-error';
import { networkErrorCodes, type ErrorContext } from './classify-sftp-error';

const tlsErrorCode = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH)/;
const networkMessages = /timeout|timed out|FIN packet|closed|socket hang up|ECONNRESET|transfer strategies|not connected/i;
const fullMessages = /no space|space left|disk full|quota|insufficient storage|exceeded storage/i;
const missingMessages = /no such file|not found|ENOENT|does not exist|doesn't exist|no such directory/i;

interface ErrorLike {
  message?: string;
  code?: unknown;
}

function kindForFtpError(error: ErrorLike, context: ErrorContext, secure: boolean): ConnectorErrorKind {
  const message = error.message ?? '';
  if (typeof error.code === 'string') {
    if (tlsErrorCode.test(error.code)) return 'tls-failed';
    if (networkErrorCodes.has(error.code)) return 'network';
  }
  if (typeof error.code === 'number') {
    const reply = error.code;
    if (reply === 530 || reply === 332) return 'auth';
    if (reply === 452 || reply === 552 || fullMessages.test(message)) return 'server-full';
    // AUTH TLS / PBSZ / PROT refused: the server does not do explicit FTPS.
    if (secure && context.operation === 'connect' && (reply === 500 || reply === 502 || reply === 504 || reply === 534 || reply === 431)) {
      return 'tls-failed';
    }
    // Servers word a missing folder differently (ftp-srv: 451 ENOENT, vsftpd: 550): trust the words first.
    if (missingMessages.test(message) && context.operation !== 'rename' && context.operation !== 'remove' && context.operation !== 'connect') {
      return 'folder-missing';
    }
    if (reply === 553) return context.operation === 'list' || context.operation === 'mkdir' ? 'folder-missing' : 'name-refused';
    if (reply === 550) {
      if (context.operation === 'list' || context.operation === 'download' || context.operation === 'mkdir') return 'folder-missing';
      if (context.operation === 'upload') return missingMessages.test(message) ? 'folder-missing' : 'name-refused';
      if (context.operation === 'rename') return 'name-refused';
      return 'remote-refused';
    }
    // 4xx replies are transient by definition of the FTP protocol (RFC 959).
    if (reply >= 400 && reply < 500) return 'network';
    return 'remote-refused';
  }
  if (/certificate|self[- ]signed|tls|ssl/i.test(message) && secure) return 'tls-failed';
  if (networkMessages.test(message)) return 'network';
  return 'network';
}

export function classifyFtpError(error: unknown, context: ErrorContext, secure = false): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const errorLike: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const kind = kindForFtpError(errorLike, context, secure);
  const code = errorLike.code !== undefined ? String(errorLike.code) : '';
  const message = (errorLike.message ?? '').trim();
  const detail = code && !message.startsWith(code) ? `${code} ${message}`.trim() : message || 'unknown error';
  return new ConnectorError(kind, { host: context.host, port: context.port, path: context.path, detail }, { cause: error });
}
