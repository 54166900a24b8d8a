import { describe, expect, it } from 'vitest';
import { createFtpSrvWithoutSignalHandlers } from './ftp-srv-without-signal-handlers';

const signals = ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const;

describe('createFtpSrvWithoutSignalHandlers', () => {
  it('leaves the process its own Ctrl+C: ftp-srv would otherwise exit(0) 100 ms after SIGINT, before the lists are saved', async () => {
    const ours = () => undefined;
    process.on('SIGINT', ours);
    const before = signals.map((signal) => process.listeners(signal));
    const server = createFtpSrvWithoutSignalHandlers({ url: 'ftp://127.0.0.1:0', pasv_url: '127.0.0.1', anonymous: false });
    try {
      expect(signals.map((signal) => process.listeners(signal))).toEqual(before);
      expect(process.listeners('SIGINT')).toContain(ours);
    } finally {
      process.removeListener('SIGINT', ours);
      await server.close().catch(() => undefined);
    }
  });
});
