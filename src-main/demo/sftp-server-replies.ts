/** How a folder-backed SFTP server answers: file attributes and status codes from Node's fs. */
import ssh2 from 'ssh2';

const { STATUS_CODE } = ssh2.utils.sftp;

export interface FileStatsLike {
  mode: number;
  uid: number;
  gid: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
}

export function toSftpAttrs(stats: FileStatsLike) {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

/** SFTP status for a failed fs call: missing → NO_SUCH_FILE, refused → PERMISSION_DENIED, else FAILURE. */
export function sftpStatusFor(error: unknown): number {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return STATUS_CODE.NO_SUCH_FILE;
    case 'EACCES':
    case 'EPERM':
      return STATUS_CODE.PERMISSION_DENIED;
    default:
      return STATUS_CODE.FAILURE;
  }
}
