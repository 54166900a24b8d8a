/**
 * Runs one side of the upload bench in its own process, so it never shares an
 * event loop with the client being measured:
 *   relay TARGET_PORT DELAY_MS  — the delaying TCP relay (15 ms each way);
 *   ftp                         — the tests' FTP server (ftp-srv) on a temp folder.
 * Prints one JSON line on stdout when ready, then runs until killed.
 */
import { DelayingRelay } from '../test/integration/servers/delaying-relay';
import { FtpTestServer } from '../test/integration/servers/ftp-test-server';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'relay') {
  const relay = await DelayingRelay.start(Number(args[0]), Number(args[1]));
  process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);
} else if (mode === 'ftp') {
  const server = await FtpTestServer.start();
  process.stdout.write(`${JSON.stringify({ port: server.port, username: server.username, password: server.password, root: server.root })}\n`);
  process.on('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
