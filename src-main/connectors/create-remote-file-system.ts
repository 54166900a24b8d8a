import type { ConnectionConfig } from './connection-config';
import { FtpFileSystem } from './ftp-file-system';
import type { RemoteFileSystem } from './remote-file-system';
import { SftpFileSystem, type SftpFileSystemOptions } from './sftp-file-system';

/** The connector for a connection's protocol; not connected yet. */
export function createRemoteFileSystem(config: ConnectionConfig, options: SftpFileSystemOptions = {}): RemoteFileSystem {
  return config.protocol === 'sftp' ? new SftpFileSystem(config, options) : new FtpFileSystem(config);
}
