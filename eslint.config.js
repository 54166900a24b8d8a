// One lint config for main, preload, renderer, shared code, tests and benches.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test/e2e/.renderer-build', '.browser-renderer', '.bench-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Raw IPC only in the bridge modules.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'Use the typed bridge (src-main/preload, src-main/electron/ipc-main-bridge.ts).' }] },
      ],
    },
  },
  {
    // The renderer never touches the network: only browser mode's bridge talks to its own server.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/bridge/browser-transport.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'EventSource', 'WebSocket'].map((name) => ({ name, message: 'The renderer reaches main through window.api only (src-renderer/src/bridge/).' })),
      ],
    },
  },
  {
    files: ['src-main/preload/**', 'src-main/electron/ipc-main-bridge.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron'], message: 'shared/ is pure: it runs in the renderer and in workers.' }] }],
    },
  },
);
