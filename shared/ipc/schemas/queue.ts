import { z } from 'zod';

const id = z.string().min(1).max(100);
const isoInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date ISO attendue');

export const heldDecisionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('confirm') }).strict(),
  z.object({ type: z.literal('reschedule'), programmedAt: isoInstant }).strict(),
  z.object({ type: z.literal('send-now') }).strict(),
  z.object({ type: z.literal('cancel') }).strict(),
]);

const dropRequestShape = {
  listId: id.optional(),
  draftId: id.optional(),
  message: z
    .object({
      text: z.string().max(10_000),
      sender: z.string().max(50).optional(),
      defaultForHeader: z.record(z.string().min(1).max(200), z.string().max(1000)).optional(),
      allowUcs2: z.boolean().optional(),
      maxSegments: z.number().int().min(1).max(30).optional(),
    })
    .strict()
    .optional(),
  connectionId: id,
  channel: z.enum(['sms', 'vms']).optional(),
  campaignName: z.string().max(200).optional(),
  fileName: z.string().max(200).optional(),
  templateId: z.string().max(20).nullable().optional(),
  programmedAt: isoInstant.nullable().optional(),
  type: z.enum(['marketing', 'notification']).optional(),
  includeOptedOut: z.boolean().optional(),
};

export const queueSchemas = {
  'queue:list': z.undefined(),
  'queue:mailbox-watch': z.undefined(),
  'queue:get': z.object({ id }).strict(),
  'queue:cancel': z.object({ id }).strict(),
  'queue:retry': z.object({ id }).strict(),
  'queue:decide': z.object({ id, decision: heldDecisionSchema }).strict(),
  'queue:refresh': z.object({ id: id.optional() }).strict(),
  'drops:prepare': z.object(dropRequestShape).strict(),
  'drops:submit': z.object({ ...dropRequestShape, allowOutsideWindow: z.boolean().optional() }).strict(),
  'drops:send-test': z
    .object({
      ...dropRequestShape,
      test: z.object({ to: z.string().min(1).max(40), line: z.number().int().min(1).nullable().optional() }).strict(),
    })
    .strict(),
};
