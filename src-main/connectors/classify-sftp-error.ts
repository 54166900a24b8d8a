/**
 * Turns what ssh2 throws into the connectors' taxonomy. Pure: the operation
 * in progress decides what an ambiguous SFTP status means (FAILURE while
 * writing is a full disk on OpenSSH, while renaming a refused name).
 */
import { ConnectorError, type ConnectorErrorKind } from './connector-error';

export type RemoteOperation = 'connect' | 'list' | 'stat' | 'mkdir' | 'upload' | 'rename' | 'remove' | 'download';

export interface ErrorContext {
  host: string;
  port: number;
  operation: RemoteOperation;
  path?: string;
}

/** SFTP v3 status codes (draft-ietf-secsh-filexfer-02). */
export const sftpStatus = {
  eof: 1,
  noSuchFile: 2,
  permissionDenied: 3,
  failure: 4,
  badMessage: 5,
  noConnection: 6,
  connectionLost: 7,
  opUnsupported: 8,
} as const;

/** System error codes that mean "the network, not the server's will". */
export const networkErrorCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CLOSED',
]);

const networkMessages = /no response from server|not connected|channel not open|connection (lost|closed|reset)|socket (closed|hang up|ended)|timed out|timeout|premature close|keepalive/i;
const fullMessages = /no space|space left|disk full|quota|insufficient storage|file too large|storage full/i;

interface ErrorLike {
  message?: string;
  code?: unknown;
  level?: unknown;
}

function detailOf(error: ErrorLike): string {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = (error.message ?? '').trim();
  if (code && !message.includes(code)) return message ? `${code} ${message}` : code;
  return message || 'unknown error';
}

function kindForSftpError(error: ErrorLike, operation: RemoteOperation): ConnectorErrorKind {
  const message = error.message ?? '';
  if (error.level === 'client-authentication') return 'auth';
  if (error.level === 'client-timeout' || error.level === 'client-socket') return 'network';
  if (typeof error.code === 'string' && networkErrorCodes.has(error.code)) return 'network';
  if (typeof error.code === 'number') {
    if (fullMessages.test(message)) return 'server-full';
    switch (error.code) {
      case sftpStatus.noConnection:
      case sftpStatus.connectionLost:
        return 'network';
      case sftpStatus.noSuchFile:
        return operation === 'upload' || operation === 'list' || operation === 'mkdir' || operation === 'download'
          ? 'folder-missing'
          : 'remote-refused';
      case sftpStatus.permissionDenied:
        return operation === 'upload' || operation === 'rename' ? 'name-refused' : 'remote-refused';
      case sftpStatus.failure:
        // OpenSSH maps ENOSPC/EDQUOT to a bare FAILURE; on rename it means the name is taken or refused.
        if (operation === 'upload') return 'server-full';
        if (operation === 'rename') return 'name-refused';
        return 'remote-refused';
      default:
        return 'remote-refused';
    }
  }
  if (networkMessages.test(message)) return 'network';
  if (error.level === 'handshake' || error.level === 'protocol') return 'remote-refused';
  // No status from the server: a local or socket-level failure. Retrying is
  // safe because every drop is idempotent.
  return 'network';
}

export function classifySftpError(error: unknown, context: ErrorContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const errorLike: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const kind = kindForSftpError(errorLike, context.operation);
  return new ConnectorError(
    kind,
    { host: context.host, port: context.port, path: context.path, detail: detailOf(errorLike) },
    { cause: error },
  );
}
