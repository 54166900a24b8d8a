/**
 * electron-builder.yml says what the README promises about the installers:
 * Windows NSIS per-user (no administrator rights) with a Start-menu entry and
 * an uninstaller, macOS DMG and zip, both for x64 and arm64, the app's own
 * icon, release fuses and GitHub releases as the update feed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
// js-yaml comes with electron-updater (its update feed is YAML).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  extraMetadata?: unknown;
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  publish: { provider: string; releaseType: string };
  win: { icon: string; target: Target[] };
  nsis: Record<string, unknown>;
  mac: { icon: string; target: Target[] };
  linux: { icon: string };
}

const config = yaml.load(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('names the app Dropdesk (fr.dropdesk.app) and takes its version from package.json', () => {
    expect(config.appId).toBe('fr.dropdesk.app');
    expect(config.productName).toBe('Dropdesk');
    expect(config.extraMetadata).toBeUndefined();
    expect(manifest.build).toBeUndefined();
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('builds a per-user Windows NSIS installer for x64 and arm64, with Start-menu entry and uninstaller', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
      createDesktopShortcut: true,
      uninstallDisplayName: 'Dropdesk',
      deleteAppDataOnUninstall: false,
      artifactName: 'Dropdesk-Setup-${version}-${arch}.${ext}',
    });
  });

  it('builds a macOS DMG and zip for x64 and arm64', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect((config.mac as { artifactName?: string }).artifactName).toBe('Dropdesk-${version}-${arch}.${ext}');
  });

  it('uses the Dropdesk icon (build/icon.svg rendered to a 1024 × 1024 PNG), not Electron’s', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) expect(icon).toBe('build/icon.png');
    const png = readFileSync(join(projectDir, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(readFileSync(join(projectDir, 'build/icon.svg'), 'utf8')).toContain('<svg');
  });

  it('flips the release fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('publishes to draft GitHub releases (the auto-update feed)', () => {
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
  });
});
