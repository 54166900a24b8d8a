import { describe, expect, it } from 'vitest';
import { hostKeyType, sameFingerprint, sha256Fingerprint } from './host-key';

// Test vector made with `ssh-keygen -t ed25519` then `ssh-keygen -lf`.
const publicKey = 'AAAAC3NzaC1lZDI1NTE5AAAAICpb1cMltx07TZ6Nkz35P8NRNKh4Yrmxf6RkhuHpah0Z';
const opensshFingerprint = 'SHA256:lulBTae7SwXnGYKf07/DBeKgaU06IF6hG7yvYlSAiT4';

describe('host keys', () => {
  it('computes the fingerprint exactly as OpenSSH prints it', () => {
    expect(sha256Fingerprint(Buffer.from(publicKey, 'base64'))).toBe(opensshFingerprint);
  });

  it('reads the key type from the blob', () => {
    expect(hostKeyType(Buffer.from(publicKey, 'base64'))).toBe('ssh-ed25519');
  });

  it('compares fingerprints tolerating a pasted padding or missing prefix', () => {
    expect(sameFingerprint(opensshFingerprint, `${opensshFingerprint.slice(7)}=`)).toBe(true);
    expect(sameFingerprint(opensshFingerprint, 'SHA256:lulBTae7SwXnGYKf07/DBeKgaU06IF6hG7yvYlSAiT5')).toBe(false);
  });
});
