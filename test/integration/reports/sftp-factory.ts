/** The real SFTP file system, recording every download (to prove nothing is downloaded twice). */
import type { ConnectionConfig } from '../../../src-main/connectors/connection-config';
import { createRemoteFileSystem } from '../../../src-main/connectors/create-remote-file-system';
import type { RemoteFileSystem } from '../../../src-main/connectors/remote-file-system';

export function createSftpFileSystem(config: ConnectionConfig, downloads: string[]): RemoteFileSystem {
  const fs = createRemoteFileSystem({ ...config, timeoutMs: 5_000 } as ConnectionConfig);
  const download = fs.download.bind(fs);
  fs.download = async (path, destination) => {
    downloads.push(path);
    return download(path, destination);
  };
  return fs;
}
