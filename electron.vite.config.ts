import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { developmentContentSecurityPolicy } from './src-main/electron/content-security-policy';

const alias = { '@shared': resolve(__dirname, 'shared') };

/** `npm run dev` only: the strict CSP meta tag would block Vite's hot-reload preamble. */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'dropdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${developmentContentSecurityPolicy}"`),
  };
}

// Three entries: main process, preload (its own bundle, sandboxed), renderer.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main-entry.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/preload-entry.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react(), relaxCspForDevServer()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } } },
  },
});
