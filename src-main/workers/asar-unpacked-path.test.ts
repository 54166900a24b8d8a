import { describe, expect, it } from 'vitest';
import { asarUnpackedPath } from './asar-unpacked-path';

describe('asarUnpackedPath', () => {
  it('moves a Windows path inside app.asar to app.asar.unpacked', () => {
    expect(asarUnpackedPath('C:\\Users\\Léa\\AppData\\Local\\Programs\\Dropdesk\\resources\\app.asar\\out\\main\\chunks\\list-check.worker-E0qF80bX.js')).toBe(
      'C:\\Users\\Léa\\AppData\\Local\\Programs\\Dropdesk\\resources\\app.asar.unpacked\\out\\main\\chunks\\list-check.worker-E0qF80bX.js',
    );
  });

  it('moves a macOS path inside the bundle’s app.asar', () => {
    expect(asarUnpackedPath('/Applications/Dropdesk.app/Contents/Resources/app.asar/out/main/chunks/report-session.worker-CH88aCuq.js')).toBe(
      '/Applications/Dropdesk.app/Contents/Resources/app.asar.unpacked/out/main/chunks/report-session.worker-CH88aCuq.js',
    );
  });

  it('leaves a path that is already unpacked alone', () => {
    const unpacked = '/opt/Dropdesk/resources/app.asar.unpacked/out/main/chunks/list-figures.worker-BFN7q80u.js';
    expect(asarUnpackedPath(unpacked)).toBe(unpacked);
  });

  it('leaves development and source paths alone', () => {
    expect(asarUnpackedPath('/opt/dropdesk/out/main/chunks/list-check.worker-E0qF80bX.js')).toBe('/opt/dropdesk/out/main/chunks/list-check.worker-E0qF80bX.js');
    expect(asarUnpackedPath('/opt/dropdesk/src-main/workers/list-check.worker.ts')).toBe('/opt/dropdesk/src-main/workers/list-check.worker.ts');
  });

  it('does not take a folder merely named like an archive for one', () => {
    expect(asarUnpackedPath('/home/léa/app.asar-notes/list.csv')).toBe('/home/léa/app.asar-notes/list.csv');
    expect(asarUnpackedPath('/home/léa/app.asar')).toBe('/home/léa/app.asar');
  });
});

describe('registerBundledWorker', () => {
  it('locates a worker registered from inside app.asar in app.asar.unpacked', async () => {
    const { registerBundledWorker, locateWorker } = await import('./worker-locator');
    registerBundledWorker('list-check', '/opt/Dropdesk/resources/app.asar/out/main/chunks/list-check.worker-E0qF80bX.js');
    expect(locateWorker('list-check')).toEqual({ path: '/opt/Dropdesk/resources/app.asar.unpacked/out/main/chunks/list-check.worker-E0qF80bX.js', loader: 'native' });
  });
});
