import type { DropdeskApi } from '@shared/ipc/channels';

declare global {
  interface Window {
    /** The typed bridge exposed by the preload (or by the end-to-end harness). */
    api: DropdeskApi;
  }
}

export {};
