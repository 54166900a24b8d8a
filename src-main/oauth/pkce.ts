/** PKCE (RFC 7636) with S256, and the random `state` of a sign-in. */
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 32 random bytes → a 43-character verifier (the RFC's recommendation). */
export function createPkcePair(random: (size: number) => Buffer = randomBytes): PkcePair {
  const verifier = random(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

export function createState(random: (size: number) => Buffer = randomBytes): string {
  return random(24).toString('base64url');
}
