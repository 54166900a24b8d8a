/**
 * The previous version kept iSendPro connections in a store of their own,
 * <dataDir>/isendpro/connections.json (CLI only, never in a release). They
 * are moved into <dataDir>/connections.json once, keeping their ids (the
 * mailbox positions and the jobs name them) and their secrets as they were
 * (environment variable names, encrypted copies): the main file is written
 * first, then the old one is renamed *.migrated, so a crash in between only
 * means the move is done again (by id, idempotent).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from '../workspace/atomic-write';
import type { StoredConnection, StoredMailConnection } from './connection-types';

interface LegacyConnection extends StoredMailConnection {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export function legacyMailConnectionsPath(dataDir: string): string {
  return join(dataDir, 'isendpro', 'connections.json');
}

/** The old store's connections in the main store's shape; [] when there is none. */
export async function readLegacyMailConnections(dataDir: string): Promise<StoredConnection[]> {
  const file = await readJsonFile<{ connections?: LegacyConnection[] }>(legacyMailConnectionsPath(dataDir)).catch(() => undefined);
  if (!file || !Array.isArray(file.connections)) return [];
  return file.connections.map((old) => ({
    id: old.id,
    name: old.name,
    provider: 'isendpro-mail',
    demo: false,
    host: old.smtp.host,
    port: old.smtp.port,
    user: old.smtp.user,
    ftps: false,
    hostKey: null,
    passwordEnv: null,
    encryptedPassword: null,
    mail: { smtp: old.smtp, imap: old.imap, from: old.from, replyTo: old.replyTo, to: old.to, emailAck: old.emailAck, emailNot: old.emailNot, keyid: old.keyid, nostop: old.nostop },
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
  }));
}

export async function retireLegacyMailConnections(dataDir: string): Promise<void> {
  await fs.rename(legacyMailConnectionsPath(dataDir), `${legacyMailConnectionsPath(dataDir)}.migrated`).catch(() => undefined);
}
