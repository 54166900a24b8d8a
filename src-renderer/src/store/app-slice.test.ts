import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../bridge/api-client';
import { createDropdeskStore } from './dropdesk-store';

const offlineClient: ApiClient = {
  call: async () => {
    throw new Error('no main process in this test');
  },
  subscribe: () => () => {},
};

describe('notices across screens', () => {
  it('leaves an error behind with its screen, but carries an information notice to the next one', () => {
    const store = createDropdeskStore(offlineClient);
    store.getState().notifyError(new Error('import refused'));
    store.getState().showSection('connections');
    expect(store.getState().notice).toBeNull();

    store.getState().notify({ kind: 'success', key: 'sending.queued' });
    store.getState().showSection('drops');
    expect(store.getState().notice).toEqual({ kind: 'success', key: 'sending.queued' });
  });
});
