/**
 * Workspace-wide sending settings (Paramètres → Envoi), the same for the app
 * and the CLI: the app saves them with its other settings (electron-store,
 * <dataDir>/settings.json, under "settings.workspace"); the CLI reads that
 * file of the workspace it works on. Each setting replaces what used to be a
 * code parameter; the defaults are the values the code had.
 */
import { z } from 'zod';
import { defaultMarketingWindow, parseClockMinutes, type SendWindow } from '../scheduling/send-window';

export interface WorkspaceSettings {
  /** The marketing send window (Paris time); notifications are exempt. */
  marketingWindow: {
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: number[];
    /** 'HH:MM', inclusive. */
    start: string;
    /** 'HH:MM', exclusive. */
    end: string;
    /** Alsace-Moselle: Good Friday and 26 December are days off too. */
    alsaceMoselle: boolean;
  };
  /** MediasFlow: a stamp stops being used this many minutes before the provider's 2 h limit. */
  mediasflowStampMarginMinutes: number;
  /** MediasFlow file: write a UTF-8 byte-order mark first. */
  mediasflowBom: boolean;
  /** AllMySMS: files above this size (MiB, 1 MiB = 1024 × 1024 bytes) are split into several drops. */
  allmysmsSplitMebibytes: number;
}

export const defaultWorkspaceSettings: WorkspaceSettings = {
  marketingWindow: { days: [...defaultMarketingWindow.days], start: defaultMarketingWindow.start, end: defaultMarketingWindow.end, alsaceMoselle: defaultMarketingWindow.alsaceMoselle },
  mediasflowStampMarginMinutes: 30,
  mediasflowBom: false,
  allmysmsSplitMebibytes: 8,
};

const clock = z.string().refine((text) => !Number.isNaN(parseClockMinutes(text)), 'heure HH:MM attendue');

export const workspaceSettingsSchema = z
  .object({
    marketingWindow: z
      .object({
        days: z.array(z.number().int().min(1).max(7)).min(1, 'au moins un jour').max(7),
        start: clock,
        end: clock,
        alsaceMoselle: z.boolean(),
      })
      .strict()
      .refine((window) => parseClockMinutes(window.end) > parseClockMinutes(window.start), { message: "l'heure de fin doit suivre l'heure de début", path: ['end'] }),
    // The provider refuses a stamp older than 2 h: a margin of 0 to 110 minutes leaves at least 10 minutes to upload.
    mediasflowStampMarginMinutes: z.number().int().min(0).max(110),
    mediasflowBom: z.boolean(),
    // The provider refuses files above 8 MiB.
    allmysmsSplitMebibytes: z.number().min(0.5).max(8),
  })
  .strict();

/** Stored settings (maybe partial, from an older version or a hand edit) → complete, valid settings; invalid parts fall back to the defaults. */
export function resolveWorkspaceSettings(stored: unknown): { settings: WorkspaceSettings; problems: string[] } {
  if (stored === undefined || stored === null) return { settings: defaultWorkspaceSettings, problems: [] };
  const candidate = { ...defaultWorkspaceSettings, ...(typeof stored === 'object' ? (stored as object) : {}) };
  const parsed = workspaceSettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`);
  const settings = { ...defaultWorkspaceSettings } as Record<string, unknown>;
  for (const key of Object.keys(defaultWorkspaceSettings) as (keyof WorkspaceSettings)[]) {
    const single = workspaceSettingsSchema.shape[key].safeParse((candidate as Record<string, unknown>)[key]);
    if (single.success) settings[key] = single.data;
  }
  return { settings: settings as unknown as WorkspaceSettings, problems };
}

export function sendWindowOf(settings: WorkspaceSettings): SendWindow {
  const { days, start, end, alsaceMoselle } = settings.marketingWindow;
  return { days: [...days].sort(), start, end, excludeHolidays: true, alsaceMoselle };
}

export function stampMarginMsOf(settings: WorkspaceSettings): number {
  return settings.mediasflowStampMarginMinutes * 60_000;
}

export function allmysmsSplitBytesOf(settings: WorkspaceSettings): number {
  return Math.floor(settings.allmysmsSplitMebibytes * 1024 * 1024);
}

const dayNames = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "lundi–samedi 8 h–20 h" for messages (consecutive days as a range). */
export function describeSendWindow(window: Pick<SendWindow, 'days' | 'start' | 'end'>): string {
  const days = [...new Set(window.days)].sort();
  const consecutive = days.every((day, index) => index === 0 || day === days[index - 1] + 1);
  const dayText = days.length === 1 ? dayNames[days[0] - 1] : consecutive ? `${dayNames[days[0] - 1]}–${dayNames[days[days.length - 1] - 1]}` : days.map((day) => dayNames[day - 1]).join(', ');
  const hour = (text: string) => text.replace(/^0?(\d+):00$/, '$1 h').replace(/^0?(\d+):(\d\d)$/, '$1 h $2');
  return `${dayText} ${hour(window.start)}–${hour(window.end)}`;
}
