/**
 * What <dataDir>/queue/<jobId>.json holds: the job (shared/queue's state
 * machine data) plus everything needed to redo the drop identically — the
 * connection, the prepared file saved beside it in <dataDir>/queue/<jobId>/,
 * and the drop's summary for the details view.
 */
import type { Job } from '@shared/queue/job-types';

export interface PreparedFileRef {
  /** File name inside <dataDir>/queue/<jobId>/. */
  name: string;
  bytes: number;
  /** Hex SHA-256 of the bytes, checked before every upload (a changed file is never sent). */
  sha256: string;
  /** Recipients in the file. */
  recipients: number;
}

export interface JobRecord {
  formatVersion: 1;
  job: Job;
  /** Connection name at the time of the drop, for display when the connection is renamed or deleted. */
  connectionName: string;
  /** Remote folder the file is dropped in ('/Campagnes/SMS', 'SEND_SMS'). */
  remoteFolder: string;
  file: PreparedFileRef;
  /**
   * Set when the user confirmed a fresh drop of a held job after the server
   * was checked and showed no copy: the next upload builds a new name (new
   * MediasFlow stamp). Cleared once that name is persisted.
   */
  renewName: boolean;
  /**
   * 'included' when the user chose to send to opted-out numbers too; otherwise
   * (absent on older jobs) the file is checked against the opt-out list again
   * just before its first upload (src-main/opt-outs/recheck-before-upload.ts).
   */
  optOuts?: 'left-out' | 'included';
}
