/** The queue's public types: what callers pass to createQueue and get back from it. */
import type { NewJob } from '@shared/queue/job-schedule';
import type { Job } from '@shared/queue/job-types';
import type { TransitionOptions } from '@shared/queue/transition';
import type { ConnectionConfig } from '../connectors/connection-config';
import type { RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import type { RemoteFileSystem } from '../connectors/remote-file-system';
import type { StoredConnection } from '../connections/connection-types';
import type { MailJobSetup } from '@shared/queue/mail/mail-job-types';
import type { IsendproMailSettings } from '../isendpro-mail/isendpro-mail-settings';
import type { ChannelDriver } from './channel-driver';
import type { MailDriverSettings } from './drivers/mail/mail-driver-settings';
import type { JobView } from './job-view';

export type { HeldDecision } from '@shared/ipc/channels/queue';

export interface QueueClock {
  now(): Date;
}

export interface Notifier {
  notify(notification: { title: string; body: string }): void;
}

export type FileSystemFactory = (config: ConnectionConfig) => RemoteFileSystem;

/** What the queue needs from the connections service. */
export interface QueueConnections {
  getStored(idOrName: string): Promise<StoredConnection>;
  resolveConfig(connection: StoredConnection): Promise<ConnectionConfig>;
  /** MediasFlow REST connections: where and as whom to call the API (absent: REST jobs fail with the reason). */
  resolveRestEndpoint?(connection: StoredConnection): Promise<RestEndpoint>;
  /** Mail-to-SMS connections: both servers, the From address and the keyid (secrets resolved). */
  resolveMailSettings?(connection: StoredConnection): Promise<IsendproMailSettings>;
}

export interface QueueOptions {
  dataDir: string;
  connections: QueueConnections;
  /** File drop driver: how a connection becomes a remote file system (tests plug faults in here). */
  fileSystemFactory?: FileSystemFactory;
  /** The channel drivers; default: the SFTP/FTP file drop. A job goes to the first driver that handles its provider. */
  drivers?: readonly ChannelDriver[];
  clock?: QueueClock;
  notifier?: Notifier;
  /** queue:job-updated events (throttled for progress). */
  emit?: (view: JobView) => void;
  log?: (message: string, error?: unknown) => void;
  /** One human line per step (the CLI prints them on stderr). */
  progress?: (line: string) => void;
  transitionOptions?: TransitionOptions;
  lockStaleMs?: number;
  /** Least time between two progress events of one job (default 200 ms: ≤ 5/s). */
  progressIntervalMs?: number;
  /** MediasFlow stamp margin; a function is read at each upload (the workspace setting may change). */
  stampMarginMs?: number | (() => number);
  /** Mail-to-SMS driver settings beyond the defaults (marketing window, a fake SMTP client, crash points in tests). */
  mail?: Partial<Omit<MailDriverSettings, 'dataDir'>>;
  /** start(): longest sleep between two passes. */
  maxSleepMs?: number;
}

export interface RunOptions {
  /** Check every job awaiting an answer once, whatever its backoff (queue run --until-idle, queue:refresh). */
  pollAllAcks?: boolean;
}

/**
 * A piece of work on one job. The runner's own: 'apply-cancel' (a cancel
 * marker left by another process). The others are the drivers' (file drop:
 * 'upload', 'poll-ack', 'check-server').
 */
export type WorkAction = string;

export interface RunReport {
  /** Job id → action done. */
  worked: { id: string; action: WorkAction; state: Job['state'] }[];
  /** Jobs another process (or another run) was working on. */
  busy: string[];
}

export interface EnqueueInput {
  connection: Pick<StoredConnection, 'id' | 'name'>;
  job: Omit<NewJob, 'id' | 'connectionId'>;
  remoteFolder: string;
  file: { name: string; data: Uint8Array; recipients: number };
  /** 'included': the user chose to send to opted-out numbers too (no re-check before the upload). */
  optOuts?: 'left-out' | 'included';
  /** Mail-to-SMS drops: the batches to build (the mail driver's prepareJob saves their mails before the record). */
  mail?: MailJobSetup;
}
