import { safeStorage } from 'electron';

/**
 * Passwords are encrypted with the OS keychain through safeStorage. Where it is
 * unavailable (e.g. Linux without a keyring: the 'basic_text' backend is a
 * hard-coded key, no better than plain text) we store nothing and ask.
 */
export const safeStorageCipher = {
  isAvailable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  },
  encrypt(text: string): string {
    return safeStorage.encryptString(text).toString('base64');
  },
  decrypt(encoded: string): string {
    return safeStorage.decryptString(Buffer.from(encoded, 'base64'));
  },
};
