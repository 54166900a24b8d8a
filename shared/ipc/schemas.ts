/**
 * Runtime validation of every request input, one schema per channel. The
 * mapped type makes the compiler refuse a channel without a schema.
 */
import type { z } from 'zod';
import type { RequestChannel } from './channels';
import { appSchemas } from './schemas/app';
import { listSchemas } from './schemas/lists';
import { campaignSchemas } from './schemas/campaigns';
import { connectionSchemas } from './schemas/connections';
import { queueSchemas } from './schemas/queue';
import { reportSchemas } from './schemas/reports';

export const requestSchemas: { [C in RequestChannel]: z.ZodType } = {
  ...appSchemas,
  ...listSchemas,
  ...campaignSchemas,
  ...connectionSchemas,
  ...queueSchemas,
  ...reportSchemas,
};
