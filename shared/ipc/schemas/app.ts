import { z } from 'zod';
import { workspaceSettingsSchema } from '../../settings/workspace-settings';

export const appSchemas = {
  'settings:get': z.undefined(),
  'settings:update': z
    .object({
      language: z.enum(['fr', 'en']),
      lastFolders: z.record(z.string(), z.string()),
      windowState: z.object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        x: z.number().int().optional(),
        y: z.number().int().optional(),
        maximized: z.boolean(),
      }),
      workspace: workspaceSettingsSchema,
      firstStepsDismissed: z.boolean(),
      testNumber: z.string().max(40),
    })
    .partial()
    .strict(),
  'app:info': z.undefined(),
  'update:status': z.undefined(),
  'update:install': z.undefined(),
} as const;
