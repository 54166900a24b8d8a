/**
 * Builds the renderer alone (no Electron) for the end-to-end suite: the same
 * React code the app ships, served to Chromium by the harness.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRepo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fromRepo('src-renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': fromRepo('shared') } },
  logLevel: 'warn',
  build: {
    outDir: fromRepo('test/e2e/.renderer-build'),
    emptyOutDir: true,
    sourcemap: true,
    // The app loads from disk: nothing needs to be split for caching.
    chunkSizeWarningLimit: 2000,
  },
});
