/**
 * The bridge's gate in main: every input is checked against its channel's
 * schema before a handler sees it, and failures come back as plain values.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannelNames } from '@shared/ipc/channels';
import { requestSchemas } from '@shared/ipc/schemas';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { createHandlers } from '../create-handlers';
import { createMainServices } from '../main-services';
import type { MainDeps } from '../main-deps';
import { createMemorySettingsStore } from '../settings/memory-settings-store';
import { dispatchRequest, type HandlerMap } from './handler-map';
import { createApi } from '../preload/create-api';

let dataDir: string;
let handlers: HandlerMap;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-ipc-'));
  const deps: MainDeps = {
    dataDir,
    appVersion: '0.0.0-test',
    dialogs: { chooseOpenFile: async () => null, chooseSaveFile: async () => null },
    settings: createMemorySettingsStore(),
    emit: () => {},
    log: (message) => logged.push(message),
  };
  handlers = createHandlers(deps, createMainServices(deps));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the IPC contract', () => {
  it('has one schema and one handler for every channel, and nothing else', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...requestChannelNames].sort());
    expect(Object.keys(handlers).sort()).toEqual([...requestChannelNames].sort());
  });
});

describe('dispatchRequest', () => {
  it('answers a valid request with its value', async () => {
    const result = await dispatchRequest(handlers, 'settings:update', { language: 'en' });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ language: 'en' }) });
  });

  it('refuses a bad input with a clear error and never calls the handler', async () => {
    const result = await dispatchRequest(handlers, 'settings:update', { language: 'de', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('settings:update');
    expect(result.error.message).toContain('language');
    const settings = await dispatchRequest(handlers, 'settings:get', undefined);
    expect(settings.ok && (settings.value as { language: string }).language).toBe('en');
  });

  it('refuses a channel outside the contract', async () => {
    const result = await dispatchRequest(handlers, 'fs:read-file', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('passes a user-facing error through and hides an unexpected one behind a plain message', async () => {
    const failing = {
      ...handlers,
      'lists:open': () => {
        throw new UserFacingError('list-not-found', 'Cette liste n’existe plus.');
      },
      'lists:list': () => {
        throw new TypeError('cannot read properties of undefined');
      },
    } as HandlerMap;
    expect(await dispatchRequest(failing, 'lists:open', { id: 'abc' })).toEqual({
      ok: false,
      error: { code: 'list-not-found', message: 'Cette liste n’existe plus.', params: undefined },
    });
    const unexpected = await dispatchRequest(failing, 'lists:list', undefined, (message) => logged.push(message));
    expect(unexpected).toMatchObject({ ok: false, error: { code: 'unexpected' } });
    expect(JSON.stringify(unexpected)).not.toContain('cannot read properties');
    expect(logged.at(-1)).toContain('lists:list');
  });
});

describe('window.api (createApi)', () => {
  it('only lets the contract through', async () => {
    const sent: string[] = [];
    const api = createApi({
      invoke: async (channel) => {
        sent.push(channel);
        return { ok: true, value: null };
      },
      subscribe: () => () => {},
    });
    await api.invoke('settings:get', undefined);
    const refused = await (api.invoke as (channel: string, input: unknown) => Promise<unknown>)('shell:exec', 'rm -rf /');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(sent).toEqual(['settings:get']);
    expect(() => (api.on as (event: string, listener: () => void) => void)('anything', () => {})).toThrow();
  });
});
