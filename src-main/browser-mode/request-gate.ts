/**
 * Who may talk to browser mode's server. Any local program or web page could
 * otherwise drive the queue, so every request must:
 * - name the server itself in `Host` (127.0.0.1 or localhost with its port):
 *   a DNS-rebinding page sends its own host name;
 * - come from the app's own page when it says where it comes from (`Origin`),
 *   and always say so on a POST: a foreign page's request carries its origin;
 * - carry the session cookie, given only in exchange for the secret printed
 *   at start (HttpOnly, SameSite=Strict: other sites' pages never send it).
 * Pure: the server answers any refusal with a plain 403 before doing anything.
 */
import { timingSafeEqual } from 'node:crypto';

export interface GateConfig {
  port: number;
  cookieName: string;
  sessionToken: string;
}

export interface GateRequest {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export type GateRefusal = 'host' | 'origin' | 'session';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

export function hostIsAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** A POST must say where it comes from; any other request may omit it, never lie. */
export function originIsAllowed(method: string, origin: string | undefined, port: number): boolean {
  if (origin === undefined) return method !== 'POST';
  return allowedOrigins(port).includes(origin.toLowerCase());
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host and Origin only: the secret exchange itself comes without the cookie. */
export function checkOriginAndHost(request: GateRequest, config: GateConfig): GateRefusal | null {
  if (!hostIsAllowed(request.host, config.port)) return 'host';
  if (!originIsAllowed(request.method, request.origin, config.port)) return 'origin';
  return null;
}

export function checkRequest(request: GateRequest, config: GateConfig): GateRefusal | null {
  const refusal = checkOriginAndHost(request, config);
  if (refusal) return refusal;
  if (!sameSecret(readCookie(request.cookie, config.cookieName), config.sessionToken)) return 'session';
  return null;
}
