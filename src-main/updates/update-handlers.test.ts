import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../app-handlers';
import type { MainDeps } from '../main-deps';
import type { UpdateService } from './update-service';

const baseDeps = { dataDir: '/tmp/x', appVersion: '1.0.0', emit: () => {}, log: () => {} } as unknown as MainDeps;

describe('update:status and update:install handlers', () => {
  it('answer "off" where the app has no updater (development, tests, browser mode)', async () => {
    const handlers = createAppHandlers(baseDeps);
    expect(await handlers['update:status'](undefined)).toEqual({ state: 'off' });
    expect(await handlers['update:install'](undefined)).toEqual({ state: 'off' });
  });

  it('ask the update service when there is one', async () => {
    const updates: UpdateService = {
      status: async () => ({ state: 'ready', version: '1.1.0' }),
      accept: async () => ({ state: 'waiting-for-queue', version: '1.1.0' }),
      start: () => {},
      stop: () => {},
    };
    const handlers = createAppHandlers({ ...baseDeps, updates });
    expect(await handlers['update:status'](undefined)).toEqual({ state: 'ready', version: '1.1.0' });
    expect(await handlers['update:install'](undefined)).toEqual({ state: 'waiting-for-queue', version: '1.1.0' });
  });
});
