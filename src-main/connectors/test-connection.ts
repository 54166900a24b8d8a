/**
 * "Tester la connexion": log in, then check the folders the provider's
 * profile expects. Never throws: the UI shows whatever happened.
 */
import { ConnectorError } from './connector-error';
import { passwordTravelsInClear, type ConnectionConfig } from './connection-config';
import { createRemoteFileSystem } from './create-remote-file-system';
import { SftpFileSystem } from './sftp-file-system';
import frConnections from '@shared/i18n/fr/connections.json';

export type ConnectionTestResult =
  | {
      connected: true;
      protocol: 'sftp' | 'ftp' | 'ftps';
      passwordTravelsInClear: boolean;
      /** SSH only: the fingerprint the server showed (equal to the pinned one). */
      hostKeyFingerprint: string | null;
      presentFolders: string[];
      missingFolders: string[];
      /** French summary; key "test.ok" or "test.missingFolders" in the connections catalogue. */
      message: string;
    }
  | {
      connected: false;
      passwordTravelsInClear: boolean;
      /** SSH only: what the server showed, even when refused (host-key-unknown / mismatch). */
      hostKeyFingerprint: string | null;
      error: ConnectorError;
    };

export async function testConnection(config: ConnectionConfig, expectedFolders: string[]): Promise<ConnectionTestResult> {
  const fs = createRemoteFileSystem(config);
  const seenFingerprint = () => (fs instanceof SftpFileSystem ? fs.lastSeenFingerprint : null);
  try {
    await fs.connect();
    const presentFolders: string[] = [];
    const missingFolders: string[] = [];
    for (const folder of expectedFolders) {
      const entry = await fs.stat(folder);
      (entry?.isDirectory ? presentFolders : missingFolders).push(folder);
    }
    const message =
      missingFolders.length === 0
        ? frConnections.test.ok
        : (missingFolders.length === 1 ? frConnections.test.missingFolders_one : frConnections.test.missingFolders_other)
            .replace('{{count}}', String(missingFolders.length))
            .replace('{{folders}}', missingFolders.join(', '));
    return {
      connected: true,
      protocol: fs.protocol,
      passwordTravelsInClear: fs.passwordTravelsInClear,
      hostKeyFingerprint: seenFingerprint(),
      presentFolders,
      missingFolders,
      message,
    };
  } catch (error) {
    const classified =
      error instanceof ConnectorError
        ? error
        : new ConnectorError('network', { host: config.host, port: config.port, detail: String(error) }, { cause: error });
    return { connected: false, passwordTravelsInClear: passwordTravelsInClear(config), hostKeyFingerprint: seenFingerprint(), error: classified };
  } finally {
    await fs.close();
  }
}
