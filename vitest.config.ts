import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const sharedDir = fileURLToPath(new URL('./shared', import.meta.url));
// Vitest's default is one file per core but one: a single file at a time on a 2-core CI
// machine. The integration and end-to-end files mostly wait (Debian's sshd and Dovecot,
// child processes, Chromium): two files at once keep both cores busy.
const twoFilesAtLeast = Number(process.env.DROPDESK_TEST_WORKERS) || Math.max(2, availableParallelism() - 1);

export default defineConfig({
  resolve: { alias: { '@shared': sharedDir } },
  test: {
    projects: [
      {
        resolve: { alias: { '@shared': sharedDir } },
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          maxWorkers: twoFilesAtLeast,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
      {
        resolve: { alias: { '@shared': sharedDir } },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each file has its own Chromium, servers on port 0 and temporary data folders (harness.ts).
          maxWorkers: twoFilesAtLeast,
          // The UI waits on real servers (SSH handshakes in pure JS, polling queues):
          // on a loaded 2-core CI machine one second is not enough.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
      {
        resolve: { alias: { '@shared': sharedDir } },
        test: {
          // The built Electron shell: bundle imports, workers, electron-builder around a stand-in Electron.
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          globalSetup: ['test/packaging/build-once.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
