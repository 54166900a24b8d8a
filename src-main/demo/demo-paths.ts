/** Where the demo boxes keep their files, all under <dataDir>/demo/. */
import { join } from 'node:path';

export interface DemoPaths {
  root: string;
  /** OpenSSH private host key of the demo SFTP server (kept so its fingerprint never changes). */
  hostKey: string;
  /** The boxes' login (user demo, random password kept here). */
  credentials: string;
  /** Folder served as '/' by the MediasFlow-like SFTP server. */
  mediasflowRoot: string;
  /** Folder served as '/' by the AllMySMS-like FTP server. */
  allmysmsRoot: string;
  /** Campaign numbers, pending reports. */
  mediasflowState: string;
  /** Remaining credits. */
  allmysmsState: string;
  /** The iSendPro-like box's answer mailbox (messages, UIDVALIDITY). */
  isendproMailbox: string;
}

export function demoPaths(dataDir: string): DemoPaths {
  const root = join(dataDir, 'demo');
  return {
    root,
    hostKey: join(root, 'ssh-host-key'),
    credentials: join(root, 'credentials.json'),
    mediasflowRoot: join(root, 'mediasflow'),
    allmysmsRoot: join(root, 'allmysms'),
    mediasflowState: join(root, 'mediasflow-state.json'),
    allmysmsState: join(root, 'allmysms-state.json'),
    isendproMailbox: join(root, 'isendpro-mailbox.json'),
  };
}

/** Only 127.0.0.1: the demo boxes must never be reachable from another machine. */
export const demoHost = '127.0.0.1';
