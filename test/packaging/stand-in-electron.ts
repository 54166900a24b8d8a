/**
 * A stand-in Electron distribution for offline packaging checks: a folder
 * shaped like Electron's Linux zip whose `electron` executable is a tiny
 * shell script carrying Electron's fuse wire (the sentinel @electron/fuses
 * searches for, the wire version, its length, then one byte per fuse), so
 * electron-builder can copy it, flip the fuses and the test can read them back.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 38's default wire, in @electron/fuses' V1 order: RunAsNode on,
 * cookie encryption off, NODE_OPTIONS on, inspect arguments on, asar
 * integrity off, only-load-from-asar off, browser V8 snapshot off, file
 * protocol extra privileges on.
 */
export const defaultFuseWire = '10110001';

export function createStandInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const executable = join(dir, 'electron');
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: nothing to run" >&2\nexit 1\n# ');
  const wire = Buffer.concat([Buffer.from(fuseSentinel), Buffer.from([1, defaultFuseWire.length]), Buffer.from(defaultFuseWire), Buffer.from('\n')]);
  writeFileSync(executable, Buffer.concat([script, wire]));
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'version'), 'stand-in\n');
  return dir;
}
