import { describe, expect, it } from 'vitest';
import { allmysmsSplitBytesOf, defaultWorkspaceSettings, describeSendWindow, resolveWorkspaceSettings, sendWindowOf, stampMarginMsOf, workspaceSettingsSchema } from './workspace-settings';
import { defaultMarketingWindow } from '../scheduling/send-window';

describe('workspace settings', () => {
  it('defaults to what the code did: Mon–Sat 08:00–20:00, no Alsace-Moselle days, 30 min margin, no BOM, 8 MiB', () => {
    const { settings, problems } = resolveWorkspaceSettings(undefined);
    expect(problems).toEqual([]);
    expect(sendWindowOf(settings)).toEqual(defaultMarketingWindow);
    expect(stampMarginMsOf(settings)).toBe(30 * 60_000);
    expect(allmysmsSplitBytesOf(settings)).toBe(8 * 1024 * 1024);
    expect(settings.mediasflowBom).toBe(false);
  });

  it('refuses an empty window, reversed hours, a margin past the 2 h limit and files above 8 MiB', () => {
    const bad = (patch: object) => workspaceSettingsSchema.safeParse({ ...defaultWorkspaceSettings, ...patch }).success;
    expect(bad({ marketingWindow: { ...defaultWorkspaceSettings.marketingWindow, days: [] } })).toBe(false);
    expect(bad({ marketingWindow: { ...defaultWorkspaceSettings.marketingWindow, start: '20:00', end: '08:00' } })).toBe(false);
    expect(bad({ mediasflowStampMarginMinutes: 120 })).toBe(false);
    expect(bad({ allmysmsSplitMebibytes: 9 })).toBe(false);
    expect(bad({ mediasflowBom: true })).toBe(true);
  });

  it('keeps the valid parts of a damaged stored value and says what was dropped', () => {
    const { settings, problems } = resolveWorkspaceSettings({ mediasflowBom: true, allmysmsSplitMebibytes: 'huit' });
    expect(settings).toEqual({ ...defaultWorkspaceSettings, mediasflowBom: true });
    expect(problems).toHaveLength(1);
  });

  it('describes a window in words', () => {
    expect(describeSendWindow(defaultMarketingWindow)).toBe('lundi–samedi 8 h–20 h');
    expect(describeSendWindow({ days: [1, 3, 5], start: '09:30', end: '18:00' })).toBe('lundi, mercredi, vendredi 9 h 30–18 h');
  });
});
