import { describe, expect, it } from 'vitest';
import { keyCipher } from './key-cipher';

describe('the CLI token cipher (DROPDESK_SECRET_KEY)', () => {
  it('round-trips, never shows the text, and refuses another key', () => {
    const cipher = keyCipher('a long enough secret key');
    const sealed = cipher.encrypt('refresh-token-value');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('refresh-token-value');
    expect(cipher.decrypt(sealed)).toBe('refresh-token-value');
    expect(() => keyCipher('another long secret key').decrypt(sealed)).toThrow();
  });
  it('is unavailable without a key (or with a short one)', () => {
    expect(keyCipher(undefined).isAvailable()).toBe(false);
    expect(keyCipher('short').isAvailable()).toBe(false);
  });
});
