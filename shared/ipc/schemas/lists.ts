import { z } from 'zod';

const id = z.string().min(1).max(100);
const index = z.number().int().min(0);

export const listEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-cell'), row: index, column: index, value: z.string() }).strict(),
  z.object({ type: z.literal('insert-row'), at: index, values: z.array(z.string()).optional() }).strict(),
  z.object({ type: z.literal('delete-rows'), rows: z.array(index).min(1) }).strict(),
  z.object({ type: z.literal('insert-column'), at: index, name: z.string().trim().min(1) }).strict(),
  z.object({ type: z.literal('delete-column'), column: index }).strict(),
  z.object({ type: z.literal('rename-column'), column: index, name: z.string().trim().min(1) }).strict(),
  z.object({ type: z.literal('remove-invalid') }).strict(),
  z.object({ type: z.literal('remove-duplicates') }).strict(),
]);

export const listSchemas = {
  'lists:list': z.undefined(),
  'lists:import-dialog': z.undefined(),
  'lists:import-bytes': z.object({ fileName: z.string().min(1).max(500), bytes: z.instanceof(Uint8Array) }).strict(),
  'lists:open': z.object({ id }).strict(),
  'lists:rows': z
    .object({
      id,
      offset: index,
      limit: z.number().int().min(1).max(5000),
      filter: z.enum(['all', 'invalid', 'duplicates']),
      search: z.string().max(200).optional(),
      keep: z.array(index).max(1000).optional(),
    })
    .strict(),
  'lists:edit': z.object({ id, edit: listEditSchema }).strict(),
  'lists:undo': z.object({ id }).strict(),
  'lists:redo': z.object({ id }).strict(),
  'lists:set-mobile-column': z.object({ id, column: z.string().min(1) }).strict(),
  'lists:rename': z.object({ id, name: z.string().trim().min(1).max(200) }).strict(),
  'lists:duplicate': z.object({ id }).strict(),
  'lists:delete': z.object({ id }).strict(),
  'lists:export': z.object({ id, encoding: z.enum(['utf-8', 'windows-1252']), sendableOnly: z.boolean() }).strict(),
} as const;
