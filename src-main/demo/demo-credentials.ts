/**
 * The demo drop boxes' login: user "demo" and a random password generated on
 * first use and kept in <dataDir>/demo/credentials.json (mode 0600), so no
 * other local user can log in with a guessable password while they listen.
 * The app fills it in for the demo connections; `npm run demo` prints it.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../workspace/atomic-write';

export interface DemoCredentials {
  username: string;
  password: string;
}

export const demoUsername = 'demo';

export async function loadOrCreateDemoCredentials(path: string): Promise<DemoCredentials> {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Partial<DemoCredentials>;
    if (typeof saved.password === 'string' && saved.password.length >= 16) return { username: demoUsername, password: saved.password };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    // Missing or damaged: a new password (nothing but the app and the CLI's demo command use it).
  }
  const credentials: DemoCredentials = { username: demoUsername, password: randomBytes(18).toString('base64url') };
  await writeFileAtomic(path, JSON.stringify({ formatVersion: 1, ...credentials }, null, 2));
  await chmod(path, 0o600).catch(() => undefined);
  return credentials;
}
