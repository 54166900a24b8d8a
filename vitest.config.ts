import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const sharedDir = fileURLToPath(new URL('./shared', import.meta.url));
// DROPDESK_TEST_WORKERS=N: N test files at once in the unit and e2e projects. Unset, vitest's
// default for unit (cores − 1: one file at a time on 2 cores) and two e2e files at once: they
// mostly wait (Chromium, real servers), and two at once took the e2e span on an otherwise idle
// 2-core machine from about 450 s to 310 s, all 118 green. On a machine loaded 10× a few
// timing-bound e2e failed: DROPDESK_TEST_WORKERS=1 runs them one after another.
const testWorkers = Number(process.env.DROPDESK_TEST_WORKERS) || undefined;

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
          ...(testWorkers ? { maxWorkers: testWorkers } : {}),
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
          maxWorkers: testWorkers ?? 2,
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
