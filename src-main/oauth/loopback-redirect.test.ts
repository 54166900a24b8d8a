import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_SUCCESS_TEXT, startLoopbackRedirect } from './loopback-redirect';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('loopback redirect listener', () => {
  it('listens on 127.0.0.1 only, answers the French page, gives the code and closes', async () => {
    const listener = await startLoopbackRedirect('st8');
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await get(`${listener.redirectUri}favicon.ico`)).status).toBe(404);
    const page = await get(`${listener.redirectUri}?code=the-code&state=st8`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(SIGN_IN_SUCCESS_TEXT);
    await expect(listener.code).resolves.toBe('the-code');
    await listener.close();
    await expect(get(listener.redirectUri)).rejects.toThrow();
  });
  it('refuses a redirect with another state and stops', async () => {
    const listener = await startLoopbackRedirect('good');
    const page = await get(`${listener.redirectUri}?code=stolen&state=bad`);
    expect(page.status).toBe(400);
    await expect(listener.code).rejects.toThrow(/state-mismatch/);
    await listener.close();
  });
  it('gives up when aborted', async () => {
    const abort = new AbortController();
    const listener = await startLoopbackRedirect('s', { signal: abort.signal });
    abort.abort();
    await expect(listener.code).rejects.toThrow(/annulée/);
    await listener.close();
  });
});
