/** The part of hoodiecrow-imap (a scriptable in-memory IMAP server, no types of its own) the demo mailbox uses. */
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';

  interface HoodiecrowMessage {
    uid?: number;
    flags?: string[];
    /** A Date before the server formats it, then the IMAP date-time string. */
    internaldate?: Date | string;
    /** The message as a binary string (one char per byte). */
    raw: string;
  }

  interface HoodiecrowMailbox {
    uidvalidity?: number;
    uidnext?: number;
    messages: HoodiecrowMessage[];
    separator?: string;
  }

  interface HoodiecrowOptions {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage?: Record<string, HoodiecrowMailbox | { separator?: string; folders?: Record<string, HoodiecrowMailbox> }>;
    debug?: boolean;
  }

  interface HoodiecrowServer {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
    getMailbox(path: string): HoodiecrowMailbox;
    appendMessage(mailbox: string, flags: string[], internaldate: Date, raw: string): { message: HoodiecrowMessage };
    on(event: 'error', listener: (error: Error) => void): void;
  }

  function hoodiecrow(options: HoodiecrowOptions): HoodiecrowServer;
  export default hoodiecrow;
}
