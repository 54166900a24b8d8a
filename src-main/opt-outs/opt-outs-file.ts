/**
 * What <dataDir>/opt-outs.json holds, and how a read can end (pure): the
 * file is missing (an empty list: nothing was ever added), readable, or
 * present but unreadable (bad JSON, foreign shape). An unreadable file is
 * never taken for an empty list: every drop is blocked until the user
 * repairs it (src-main/opt-outs/opt-out-service.ts).
 */
import { z } from 'zod';
import type { OptOutList } from '@shared/reports/opt-outs';

export const optOutsUnreadableMessage = "La liste d'opposition est illisible : aucun envoi tant qu'elle n'est pas réparée";

const entrySchema = z.object({
  number: z.string().regex(/^\d{8,15}$/),
  reason: z.enum(['stop', 'blacklist', 'manual']),
  code: z.number().int().nullable(),
  date: z.string(),
  sourceCampaign: z.string().nullable(),
});

const fileSchema = z.object({ formatVersion: z.literal(1), entries: z.array(entrySchema) });

export interface OptOutsFile extends OptOutList {
  formatVersion: 1;
}

export type OptOutsParse = { ok: true; list: OptOutList } | { ok: false; problem: string };

/** The text of opt-outs.json → the list, or why it cannot be trusted. */
export function parseOptOutsFile(text: string): OptOutsParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `JSON invalide (${(error as Error).message})` };
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `contenu inattendu (${issue.path.join('.') || 'racine'} : ${issue.message})` };
  }
  return { ok: true, list: { entries: parsed.data.entries } };
}

export function serializeOptOutsFile(list: OptOutList): string {
  const file: OptOutsFile = { formatVersion: 1, entries: list.entries };
  return JSON.stringify(file, null, 2);
}
