/**
 * The auto-update prompt, end to end: the real update service (with a stand-in
 * for electron-updater) tells the window an update is downloaded; the user
 * clicks "Redémarrer et installer" during an upload, the app waits for the
 * upload to end, then installs once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createUpdateService, type Updater } from '../../src-main/updates/update-service';
import { closeBrowser, startApp, type RunningApp } from './harness';

function standInUpdater() {
  let downloaded: ((info: { version: string }) => void) | undefined;
  const updater = {
    installs: 0,
    checkForUpdates: async () => null,
    quitAndInstall: () => {
      updater.installs += 1;
    },
    on(event: string, listener: (payload: never) => void) {
      if (event === 'update-downloaded') downloaded = listener as (info: { version: string }) => void;
      return updater;
    },
    download: (version: string) => downloaded?.({ version }),
  };
  return updater as typeof updater & Updater;
}

describe('update prompt', () => {
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('offers a downloaded update, waits for the upload to end, then installs', async () => {
    const updater = standInUpdater();
    let uploading = true;
    app = await startApp({
      updates: (emit) => createUpdateService({ updater, isUploading: async () => uploading, onStatus: emit, log: () => {}, queuePollMs: 200 }),
    });
    const { page } = app;
    await expect.poll(() => page.getByRole('navigation').isVisible()).toBe(true);
    await expect(page.getByTestId('update-prompt').count()).resolves.toBe(0);

    const prompt = page.getByTestId('update-prompt');
    // The event stream may still be connecting once the screen shows: the updater says it again until the page hears it.
    await expect
      .poll(async () => {
        updater.download('0.2.0');
        return (await prompt.count()) > 0 ? prompt.textContent() : '';
      })
      .toContain('Une mise à jour est prête (version 0.2.0).');
    await app.screenshot('update-prompt-ready');

    await prompt.getByRole('button', { name: 'Redémarrer et installer' }).click();
    await expect.poll(() => prompt.textContent()).toContain('La mise à jour s’installera dès que l’envoi en cours sera terminé.');
    await app.screenshot('update-prompt-waiting');
    expect(updater.installs).toBe(0);

    uploading = false;
    await expect.poll(() => updater.installs).toBe(1);
    await expect.poll(() => prompt.textContent()).toContain('Installation de la mise à jour…');
    expect(app.problems).toEqual([]);
  });

  it('"Plus tard" hides the prompt and installs nothing', async () => {
    await app?.close();
    const updater = standInUpdater();
    app = await startApp({
      updates: (emit) => createUpdateService({ updater, isUploading: async () => false, onStatus: emit, log: () => {} }),
      settings: { language: 'en' },
    });
    const { page } = app;
    await expect.poll(() => page.getByRole('navigation').isVisible()).toBe(true);
    const prompt = page.getByTestId('update-prompt');
    // The event stream may still be connecting once the screen shows: the updater says it again until the page hears it.
    await expect
      .poll(async () => {
        updater.download('0.3.0');
        return (await prompt.count()) > 0 ? prompt.textContent() : '';
      })
      .toContain('An update is ready (version 0.3.0).');
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    expect(updater.installs).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
