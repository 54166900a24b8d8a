/**
 * The queue's entry point (kept so callers import one module): the
 * channel-agnostic runner (runner/), its types, and the drivers
 * (drivers/file-drop/ …). See channel-driver.ts and README.md.
 */
export { createQueue, type Queue } from './runner/queue-runner';
export type { ChannelDriver, DriverContext, DueContext } from './channel-driver';
export { createFileDropDriver } from './drivers/file-drop/file-drop-driver';
export type {
  EnqueueInput,
  FileSystemFactory,
  HeldDecision,
  Notifier,
  QueueClock,
  QueueConnections,
  QueueOptions,
  RunOptions,
  RunReport,
  WorkAction,
} from './queue-types';
