import { z } from 'zod';
import { REPORT_CATEGORIES } from '../../reports/status-codes';

const jobId = z.string().regex(/^j[a-z0-9]{6,40}$/, 'identifiant de dépôt invalide');
const category = z.enum(REPORT_CATEGORIES);
const code = z.string().trim().min(1).max(20);
const search = z.string().max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'date attendue au format AAAA-MM-JJ').max(40);
const filter = z.object({ category: category.optional(), code: code.optional(), search: search.optional() }).strict();

export const reportSchemas = {
  'reports:list': z.undefined(),
  'reports:get': z.object({ jobId }).strict(),
  'reports:refresh': z.object({ jobId: jobId.optional() }).strict(),
  'reports:rows': z
    .object({
      jobId,
      category: category.optional(),
      code: code.optional(),
      search: search.optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5_000),
    })
    .strict(),
  'reports:export-rows': z.object({ jobId, filter }).strict(),
  'reports:save-png': z
    .object({
      defaultName: z.string().trim().min(1).max(200),
      // A chart image: a few MB at most.
      bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.length > 8 && bytes.length <= 20_000_000, 'image PNG attendue'),
    })
    .strict(),
  'reports:overview': z.object({ from: isoDate.optional(), to: isoDate.optional(), channel: z.enum(['sms', 'vms']).optional() }).strict(),
  'opt-outs:list': z.undefined(),
  'opt-outs:import': z.undefined(),
  'opt-outs:export': z.undefined(),
  'opt-outs:add': z.object({ number: z.string().trim().min(1).max(40) }).strict(),
  'opt-outs:remove': z.object({ numbers: z.array(z.string().min(1).max(40)).min(1).max(100_000) }).strict(),
  'opt-outs:in-list': z.object({ listId: z.string().min(1).max(100) }).strict(),
  'opt-outs:status': z.undefined(),
  'opt-outs:restore-backup': z.undefined(),
  'opt-outs:repair-import': z.undefined(),
  'reports:list-action-preview': z.object({ jobId, action: z.enum(['remove', 'retarget']), filter: filter.optional() }).strict(),
  'reports:remove-from-list': z.object({ jobId, filter }).strict(),
  'reports:retarget': z.object({ jobId }).strict(),
  'reports:unread': z.undefined(),
  'reports:mark-read': z.object({ jobId }).strict(),
} as const;
