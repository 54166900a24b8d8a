/**
 * The CLI's token cipher: the CLI has no safeStorage, and a Microsoft 365
 * sign-in must outlive the command that made it, so its tokens are encrypted
 * (AES-256-GCM) with a key derived from the DROPDESK_SECRET_KEY environment
 * variable — never written in clear. Without the variable it is unavailable
 * and `connection sign-in` refuses (README: « Microsoft 365 »).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SecretCipher } from './connection-types';

export const SECRET_KEY_ENV = 'DROPDESK_SECRET_KEY';
const minimumLength = 16;

export function keyCipher(secret: string | undefined): SecretCipher {
  const key = secret && secret.length >= minimumLength ? scryptSync(secret, 'dropdesk-token-cipher-v1', 32) : null;
  return {
    isAvailable: () => key !== null,
    encrypt(text) {
      if (!key) throw new Error(`No ${SECRET_KEY_ENV}`);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(base64) {
      if (!key) throw new Error(`No ${SECRET_KEY_ENV}`);
      const all = Buffer.from(base64, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, all.subarray(0, 12));
      decipher.setAuthTag(all.subarray(12, 28));
      return Buffer.concat([decipher.update(all.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export function keyCipherFromEnv(env: NodeJS.ProcessEnv): SecretCipher {
  return keyCipher(env[SECRET_KEY_ENV]);
}
