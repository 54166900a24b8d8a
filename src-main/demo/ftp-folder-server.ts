/**
 * A small FTP server (ftp-srv) that serves one real folder as '/', for the
 * demo AllMySMS box: one user, 127.0.0.1 only for the control and the passive
 * data connections. Active mode (PORT/EPRT) is refused: it would make the
 * server connect to an address chosen by the client.
 */
import type { AddressInfo } from 'node:net';
import { FileSystem } from 'ftp-srv';
import { demoHost } from './demo-paths';
import { createFtpSrvWithoutSignalHandlers } from './ftp-srv-without-signal-handlers';

export interface FtpFolderServerOptions {
  root: string;
  username: string;
  password: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** First passive data port (a range of passivePortCount ports); random in 40000–59500 by default. */
  passivePortMin?: number;
  passivePortCount?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface FtpFolderServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

const silentLog = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
  child() {
    return silentLog;
  },
};

export async function startFtpFolderServer(options: FtpFolderServerOptions): Promise<FtpFolderServer> {
  // A random slice of a high range, so two Dropdesk processes (app and tests) rarely compete; ftp-srv skips busy ports.
  const pasvMin = options.passivePortMin ?? 40_000 + Math.floor(Math.random() * 19_500);
  const ftp = createFtpSrvWithoutSignalHandlers({
    url: `ftp://${demoHost}:${options.port ?? 0}`,
    pasv_url: demoHost,
    pasv_min: pasvMin,
    pasv_max: pasvMin + (options.passivePortCount ?? 200) - 1,
    anonymous: false,
    greeting: 'Dropdesk - boîte de dépôt de démonstration (AllMySMS)',
    blacklist: ['PORT', 'EPRT'],
    log: silentLog as never,
  });
  ftp.on('login', ({ connection, username, password }, resolve, reject) => {
    if (username === options.username && password === options.password) {
      resolve({ fs: new FileSystem(connection, { root: options.root, cwd: '/' }) });
    } else reject(new Error('Login incorrect'));
  });
  ftp.on('client-error', ({ error }) => options.log?.('[démo AllMySMS] connexion FTP interrompue', error));
  await ftp.listen();
  const port = (ftp as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    host: demoHost,
    port,
    async stop() {
      await ftp.close().catch(() => undefined);
    },
  };
}
