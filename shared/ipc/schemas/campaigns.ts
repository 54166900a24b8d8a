import { z } from 'zod';
import { maxSegmentsLimit } from '../../campaigns/campaign-draft';

const id = z.string().min(1).max(100);

/** Every field the user edits, each checked on its own so a patch can carry any subset. */
const draftFieldShape = {
  name: z.string().trim().min(1).max(200),
  listId: z.string().min(1).max(100).nullable(),
  channel: z.enum(['sms', 'vms']),
  type: z.enum(['marketing', 'notification']),
  provider: z.enum(['mediasflow-sftp', 'allmysms-ftp', 'allmysms-sftp']),
  // Generous bound: far beyond any account's longest SMS, small enough to keep drafts light.
  message: z.string().max(10_000),
  sender: z.string().max(50),
  defaultForHeader: z.record(z.string().min(1).max(200), z.string().max(1000)),
  allowUcs2: z.boolean(),
  maxSegments: z.number().int().min(1).max(maxSegmentsLimit),
  templateId: z.string().trim().max(20),
  fileName: z.string().max(200),
  replaceInFields: z.boolean(),
};

export const draftPatchSchema = z.object(draftFieldShape).partial().strict();

export const campaignSchemas = {
  'campaigns:list': z.undefined(),
  'campaigns:create': z.object(draftFieldShape).partial().required({ name: true }).strict(),
  'campaigns:get': z.object({ id }).strict(),
  'campaigns:update': z.object({ id, patch: draftPatchSchema }).strict(),
  'campaigns:delete': z.object({ id }).strict(),
  'composer:preview': z.object({ campaignId: id, rowIndex: z.number().int().min(0) }).strict(),
  'composer:list-figures': z.object({ campaignId: id }).strict(),
} as const;
