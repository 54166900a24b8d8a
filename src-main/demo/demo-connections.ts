/** The connector settings of the two demo boxes, host key already pinned (the app started the server itself). */
import type { FtpConnectionConfig, SftpConnectionConfig } from '../connectors/connection-config';
import type { DemoProviders } from './start-demo-providers';

export function demoConnectionConfigs(demo: Pick<DemoProviders, 'mediasflow' | 'allmysms'>): {
  mediasflow: SftpConnectionConfig;
  allmysms: FtpConnectionConfig;
} {
  const { mediasflow, allmysms } = demo;
  return {
    mediasflow: {
      protocol: 'sftp',
      host: mediasflow.host,
      port: mediasflow.port,
      username: mediasflow.username,
      password: mediasflow.password,
      pinnedHostKey: mediasflow.hostKeyFingerprint,
    },
    allmysms: { protocol: 'ftp', host: allmysms.host, port: allmysms.port, username: allmysms.username, password: allmysms.password },
  };
}
