import type { DropdeskApi } from '@shared/ipc/channels';

declare global {
  interface Window {
    /** The typed bridge exposed by the preload; absent in browser mode (built by main.tsx). */
    api: DropdeskApi | undefined;
  }
}

export {};
