/**
 * The small error taxonomy the job queue acts on. Every failure of a connector
 * is turned into one ConnectorError whose `kind` tells the queue what to do:
 * retry with backoff (transient) or stop and show the message (permanent).
 */
import frConnections from '@shared/i18n/fr/connections.json';
import enConnections from '@shared/i18n/en/connections.json';

export const connectorErrorKinds = [
  'network',
  'server-full',
  'auth',
  'host-key-unknown',
  'host-key-mismatch',
  'name-refused',
  'folder-missing',
  'tls-failed',
  'remote-refused',
] as const;
export type ConnectorErrorKind = (typeof connectorErrorKinds)[number];

/**
 * Transient kinds go away by themselves: the queue retries them with backoff
 * (server-full with a longer one, since the provider has to free space).
 * Everything else needs a person: wrong password, a host key to confirm or
 * that changed, a name or folder the server refuses, a broken TLS setup.
 * 'remote-refused' (an unexpected refusal with a server status) is permanent
 * so an unknown server rule never makes the queue hammer the provider; the
 * user can retry by hand.
 */
export const transientKinds: ReadonlySet<ConnectorErrorKind> = new Set(['network', 'server-full']);

export function isTransientKind(kind: ConnectorErrorKind): boolean {
  return transientKinds.has(kind);
}

/** Catalogue key (namespace "connections") of each kind's message. */
export const connectorMessageKeys: Record<ConnectorErrorKind, keyof typeof frConnections.errors> = {
  network: 'network',
  'server-full': 'serverFull',
  auth: 'auth',
  'host-key-unknown': 'hostKeyUnknown',
  'host-key-mismatch': 'hostKeyMismatch',
  'name-refused': 'nameRefused',
  'folder-missing': 'folderMissing',
  'tls-failed': 'tlsFailed',
  'remote-refused': 'remoteRefused',
};

export interface ConnectorErrorParams {
  host: string;
  port: number;
  /** Remote path concerned, when there is one. */
  path?: string;
  /** Short technical detail (server message or system error code). */
  detail?: string;
  /** SHA256 fingerprint the server showed (host-key kinds). */
  fingerprint?: string;
  /** SHA256 fingerprint that was pinned (host-key-mismatch). */
  pinned?: string;
}

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly transient: boolean;
  /** i18n key in the "connections" namespace, e.g. "errors.hostKeyMismatch". */
  readonly messageKey: string;
  readonly params: ConnectorErrorParams;
  /** English text of the same message, for logs and the en UI. */
  readonly messageEn: string;

  constructor(kind: ConnectorErrorKind, params: ConnectorErrorParams, options?: { cause?: unknown }) {
    super(renderConnectorMessage(kind, params, 'fr'), options);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.transient = isTransientKind(kind);
    this.messageKey = `errors.${connectorMessageKeys[kind]}`;
    this.params = params;
    this.messageEn = renderConnectorMessage(kind, params, 'en');
  }

  /** Plain data for IPC, the CLI's JSON and the job file. */
  toJSON(): { kind: ConnectorErrorKind; transient: boolean; messageKey: string; params: ConnectorErrorParams; message: string } {
    return { kind: this.kind, transient: this.transient, messageKey: this.messageKey, params: this.params, message: this.message };
  }
}

export function renderConnectorMessage(kind: ConnectorErrorKind, params: ConnectorErrorParams, language: 'fr' | 'en'): string {
  const catalogue = language === 'fr' ? frConnections : enConnections;
  const template = catalogue.errors[connectorMessageKeys[kind]];
  const values: Record<string, string> = {
    host: params.host,
    port: String(params.port),
    path: params.path ?? '',
    detail: params.detail ?? (language === 'fr' ? 'sans précision' : 'no detail'),
    fingerprint: params.fingerprint ?? '',
    pinned: params.pinned ?? '',
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
