import { z } from 'zod';
import { connectionProviders } from '../channels/connections';
import { isValidStopMention } from '../../composer/stop-mention';

const id = z.string().min(1).max(100);
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(100);
const mailServer = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).optional(),
    security: z.enum(['tls', 'starttls', 'plain']).optional(),
    user: z.string().trim().min(1).max(255),
    passwordEnv: envName.nullable().optional().or(z.literal('')),
    password: z.string().max(1000).optional(),
  })
  .strict();
const address = z.string().trim().max(320);
export const mailConnectionSchema = z
  .object({
    smtp: mailServer,
    imap: mailServer,
    from: address.min(3),
    replyTo: address.nullable().optional(),
    to: address.nullable().optional(),
    emailAck: address.nullable().optional(),
    emailNot: address.nullable().optional(),
    keyidEnv: envName.nullable().optional().or(z.literal('')),
    keyid: z.string().max(200).optional(),
    nostop: z.boolean().optional(),
    auth: z.enum(['password', 'microsoft-oauth2']).optional(),
    oauth: z
      .object({
        clientId: z.string().trim().max(100).nullable().optional(),
        tenant: z.string().trim().max(100).nullable().optional(),
        authority: z.string().trim().max(300).nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const connectionSaveSchema = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(100),
    provider: z.enum(connectionProviders),
    host: z.string().trim().max(255).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    user: z.string().max(255).optional(),
    ftps: z.boolean().optional(),
    hostKey: z.string().max(100).nullable().optional(),
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .max(100)
      .nullable()
      .optional()
      .or(z.literal('')),
    stagingFolder: z.string().max(255).nullable().optional(),
    password: z.string().max(1000).optional(),
    pricePerSms: z.number().min(0).max(10).nullable().optional(),
    stopMention: z
      .string()
      .trim()
      .refine((text) => text === '' || isValidStopMention(text), { message: 'STOP mention: "STOP", optional words, then the 5-digit short number (e.g. "STOP au 36184")' })
      .nullable()
      .optional(),
    rest: z
      .object({
        baseUrl: z.string().trim().max(500).optional(),
        brand: z.string().trim().max(100).nullable().optional(),
        loginPath: z.string().trim().regex(/^\/[A-Za-z0-9/_.-]*$/).max(200).optional(),
        loginField: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/).max(100).optional(),
        passwordField: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/).max(100).optional(),
      })
      .strict()
      .optional(),
    mail: mailConnectionSchema.optional(),
  })
  .strict();

export const connectionSchemas = {
  'connections:list': z.undefined(),
  'connections:save': connectionSaveSchema,
  'connections:delete': z.object({ id }).strict(),
  'connections:test': z.object({ id, password: z.string().min(1).max(1000).optional() }).strict(),
  'connections:probe-host-key': z.object({ id }).strict(),
  'connections:pin-host-key': z.object({ id, fingerprint: z.string().min(10).max(100) }).strict(),
  'connections:oauth-sign-in': z.object({ id }).strict(),
  'connections:oauth-sign-out': z.object({ id }).strict(),
};
