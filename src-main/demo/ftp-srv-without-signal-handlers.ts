/**
 * ftp-srv's constructor adds SIGINT, SIGTERM and SIGQUIT handlers that close
 * the server and call process.exit(0) 100 ms later. In Dropdesk the process
 * that hosts the demo box decides when to quit: browser mode's Ctrl+C first
 * saves the lists and stops the queue, and would be cut short (exit 0, edits
 * lost). This builds the server and takes those handlers off again.
 */
import FtpSrv from 'ftp-srv';

type FtpSrvOptions = ConstructorParameters<typeof FtpSrv>[0];

const signalsTakenByFtpSrv = ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const;

export function createFtpSrvWithoutSignalHandlers(options: FtpSrvOptions): FtpSrv {
  const before = new Map(signalsTakenByFtpSrv.map((signal) => [signal, new Set(process.listeners(signal))]));
  const server = new FtpSrv(options);
  for (const signal of signalsTakenByFtpSrv) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return server;
}
