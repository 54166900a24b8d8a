/**
 * The demo SFTP server's host key: generated on first start, then read back,
 * so its fingerprint stays the same and the demo connection can pin it once.
 */
import { chmod, readFile } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import { sha256Fingerprint } from '../connectors/host-key';
import { writeFileAtomic } from '../workspace/atomic-write';

const { utils } = ssh2;

export interface DemoHostKey {
  /** OpenSSH private key text. */
  privateKey: string;
  /** "SHA256:…" as OpenSSH prints it. */
  fingerprint: string;
}

function fingerprintOf(privateKey: string): string {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  const key = (Array.isArray(parsed) ? parsed[0] : parsed) as ParsedKey;
  return sha256Fingerprint(key.getPublicSSH());
}

/**
 * A new ed25519 key pair in OpenSSH format. ssh2's generateKeyPairSync writes
 * about one key in 200 with a 31-byte public key (a leading zero byte
 * dropped), which neither ssh2 nor OpenSSH can read back: such a pair is
 * thrown away and drawn again.
 */
export function generateSshKeyPair(): { private: string; public: string } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error)) return pair;
  }
  throw new Error('ssh2 could not generate a readable ed25519 key');
}

export async function loadOrCreateHostKey(path: string): Promise<DemoHostKey> {
  let existing: string | null = null;
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== null) {
    try {
      return { privateKey: existing, fingerprint: fingerprintOf(existing) };
    } catch {
      // A damaged key file: replace it; the app re-pins the demo connection with the new fingerprint.
    }
  }
  const pair = generateSshKeyPair();
  await writeFileAtomic(path, pair.private);
  await chmod(path, 0o600).catch(() => undefined);
  return { privateKey: pair.private, fingerprint: fingerprintOf(pair.private) };
}
