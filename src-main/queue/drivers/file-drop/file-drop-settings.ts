import type { FileSystemFactory } from '../../queue-types';

/** What the file-drop driver is configured with (tests shorten or fault them). */
export interface FileDropSettings {
  fileSystemFactory: FileSystemFactory;
  /** MediasFlow stamp: how long before its 2 h limit a stamp stops being used. */
  stampMarginMs: number;
  /** Least time between two progress events of one job. */
  progressIntervalMs: number;
  /** The workspace's opt-out numbers, re-read just before a job's first upload (throws when the list is unreadable). */
  optOutNumbers: () => Promise<ReadonlySet<string>>;
}
