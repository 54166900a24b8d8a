import type { FileSystemFactory } from '../../queue-types';

/** What the file-drop driver is configured with (tests shorten or fault them). */
export interface FileDropSettings {
  fileSystemFactory: FileSystemFactory;
  /** MediasFlow stamp: how long before its 2 h limit a stamp stops being used. */
  stampMarginMs: number;
  /** Least time between two progress events of one job. */
  progressIntervalMs: number;
}
