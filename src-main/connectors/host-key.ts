/**
 * SSH host-key fingerprints, computed like OpenSSH prints them
 * ("SHA256:" + base64 of the SHA-256 of the key blob, without padding), and a
 * probe that reads a server's key without logging in.
 */
import { createHash } from 'node:crypto';
import { Client } from 'ssh2';
import { ConnectorError } from './connector-error';
import { classifySftpError } from './classify-sftp-error';
import { defaultTimeoutMs } from './connection-config';

export function sha256Fingerprint(hostKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(hostKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Key type written at the start of an SSH public key blob, e.g. "ssh-ed25519". */
export function hostKeyType(hostKeyBlob: Buffer): string {
  if (hostKeyBlob.length < 4) return 'unknown';
  const length = hostKeyBlob.readUInt32BE(0);
  return hostKeyBlob.subarray(4, 4 + length).toString('latin1');
}

/** Compares fingerprints leniently about the "SHA256:" prefix and trailing padding a user may paste. */
export function sameFingerprint(a: string, b: string): boolean {
  const normalise = (value: string) => value.trim().replace(/^SHA256:/i, '').replace(/=+$/, '');
  return normalise(a) === normalise(b);
}

export interface HostKeyProbe {
  fingerprint: string;
  keyType: string;
}

/**
 * Connects, reads the host key during the key exchange and disconnects before
 * any authentication: no user name or password ever leaves this machine.
 */
export function probeHostKey(host: string, port: number, timeoutMs = defaultTimeoutMs): Promise<HostKeyProbe> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let probe: HostKeyProbe | null = null;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      client.end();
      outcome();
    };
    client.on('error', (error) => {
      finish(() => (probe ? resolve(probe) : reject(classifySftpError(error, { host, port, operation: 'connect' }))));
    });
    client.on('close', () => {
      finish(() => (probe ? resolve(probe) : reject(new ConnectorError('network', { host, port, detail: 'connection closed' }))));
    });
    client.connect({
      host,
      port,
      username: 'dropdesk-host-key-probe',
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer) => {
        probe = { fingerprint: sha256Fingerprint(key), keyType: hostKeyType(key) };
        // Refusing the key ends the handshake before the user-auth step.
        return false;
      },
    });
  });
}
