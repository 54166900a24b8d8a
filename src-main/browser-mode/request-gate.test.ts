import { describe, expect, it } from 'vitest';
import { checkRequest, hostIsAllowed, originIsAllowed, readCookie } from './request-gate';

const config = { port: 4321, cookieName: 'dropdesk-4321', sessionToken: 'token-abc' };
const good = { method: 'POST', host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321', cookie: 'other=1; dropdesk-4321=token-abc' };

describe('request gate', () => {
  it('lets the app’s own page in', () => {
    expect(checkRequest(good, config)).toBeNull();
    expect(checkRequest({ ...good, host: 'localhost:4321', origin: 'http://localhost:4321' }, config)).toBeNull();
    expect(checkRequest({ ...good, method: 'GET', origin: undefined }, config)).toBeNull();
  });

  it('refuses a foreign or missing Host, whatever the cookie', () => {
    expect(hostIsAllowed('127.0.0.1:4322', 4321)).toBe(false);
    expect(hostIsAllowed('127.0.0.1', 4321)).toBe(false);
    expect(checkRequest({ ...good, host: 'rebound.example:4321' }, config)).toBe('host');
    expect(checkRequest({ ...good, host: undefined }, config)).toBe('host');
  });

  it('refuses a foreign Origin, and a POST without one', () => {
    expect(originIsAllowed('POST', undefined, 4321)).toBe(false);
    expect(originIsAllowed('GET', 'null', 4321)).toBe(false);
    expect(checkRequest({ ...good, origin: 'https://example.org' }, config)).toBe('origin');
    expect(checkRequest({ ...good, origin: undefined }, config)).toBe('origin');
  });

  it('refuses a missing or wrong session cookie', () => {
    expect(checkRequest({ ...good, cookie: undefined }, config)).toBe('session');
    expect(checkRequest({ ...good, cookie: 'dropdesk-4321=token-abd' }, config)).toBe('session');
    expect(checkRequest({ ...good, cookie: 'dropdesk-1234=token-abc' }, config)).toBe('session');
    expect(readCookie('a=1; b = 2 ', 'b')).toBe('2');
  });
});
