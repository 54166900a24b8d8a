import { describe, expect, it } from 'vitest';
import { parseBrowserModeArgs } from './run-browser-mode';
import { hasDesktop, openerCommand } from './open-browser';

describe('browser mode options', () => {
  it('defaults to a free port and opening the browser', () => {
    expect(parseBrowserModeArgs([])).toEqual({ port: 0, open: true });
    expect(parseBrowserModeArgs(['--port', '8123', '--no-open'])).toEqual({ port: 8123, open: false });
    expect(parseBrowserModeArgs(['--port=9000'])).toEqual({ port: 9000, open: true });
  });

  it('refuses a bad port or an unknown option', () => {
    expect(() => parseBrowserModeArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseBrowserModeArgs(['--port'])).toThrow(/--port/);
    expect(() => parseBrowserModeArgs(['--fast'])).toThrow(/Option inconnue/);
  });

  it('opens the browser only where there is a desktop', () => {
    expect(hasDesktop('linux', {})).toBe(false);
    expect(hasDesktop('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDesktop('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDesktop('win32', {})).toBe(true);
    expect(openerCommand('linux', 'http://127.0.0.1:1/')).toEqual(['xdg-open', ['http://127.0.0.1:1/']]);
    expect(openerCommand('darwin', 'u')[0]).toBe('open');
    expect(openerCommand('win32', 'u')).toEqual(['cmd', ['/c', 'start', '""', 'u']]);
  });
});
