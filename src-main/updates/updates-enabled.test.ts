import { describe, expect, it } from 'vitest';
import { updatesEnabled } from './updates-enabled';

describe('updatesEnabled', () => {
  it('is on in the packaged app only', () => {
    expect(updatesEnabled({ isPackaged: true, env: {} })).toBe(true);
    expect(updatesEnabled({ isPackaged: false, env: {} })).toBe(false);
  });

  it('DROPDESK_UPDATES=off turns it off', () => {
    expect(updatesEnabled({ isPackaged: true, env: { DROPDESK_UPDATES: 'off' } })).toBe(false);
    expect(updatesEnabled({ isPackaged: true, env: { DROPDESK_UPDATES: 'on' } })).toBe(true);
  });
});
