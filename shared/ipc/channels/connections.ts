/** connections:* — saved provider connections, host keys, "Tester la connexion". */
import type { ProviderId } from '../../providers/provider-ids';

/** What a connection talks to; the demo kinds are served by Dropdesk's own local drop boxes. */
export const connectionProviders = ['mediasflow-sftp', 'allmysms-ftp', 'allmysms-sftp', 'demo-mediasflow', 'demo-allmysms', 'mediasflow-rest', 'demo-mediasflow-rest', 'isendpro-mail', 'demo-isendpro-mail'] as const;
export type ConnectionProvider = (typeof connectionProviders)[number];

/** What a connection drops with: a file-drop provider profile, MediasFlow's SMS REST API or iSendPro's mail-to-SMS (no file profile). */
export type ConnectionProfile = ProviderId | 'mediasflow-rest' | 'isendpro-mail';

/** MediasFlow SMS REST API settings (REST connections only; the guide names no login call, so its path and fields are settings). */
export interface RestConnectionSettings {
  /** Default https://app.mediasflow.com/MediasflowApi/v1 (the guide also shows /api/v1). */
  baseUrl: string;
  /** Optional brand (accounts sending for several brands). */
  brand: string | null;
  /** Default /login. */
  loginPath: string;
  /** Default 'login'. */
  loginField: string;
  /** Default 'password'. */
  passwordField: string;
}

/** iSendPro mail-to-SMS: how each server is secured (plain only on 127.0.0.1). */
export type MailServerSecurity = 'tls' | 'starttls' | 'plain';
/** Where a secret comes from: the named environment variable, the encrypted copy on this computer, memory for this session (no encryption here), or nowhere yet (ask). */
export type MailSecretSource = 'env' | 'stored' | 'session' | 'ask';

export interface MailServerView {
  host: string;
  port: number;
  security: MailServerSecurity;
  user: string;
  passwordEnv: string | null;
  passwordSource: MailSecretSource;
}

/** The mail-to-SMS part of a connection (provider 'isendpro-mail'): never a password nor the keyid. */
export interface MailConnectionView {
  smtp: MailServerView;
  imap: MailServerView;
  /** The From address iSendPro authorised. */
  from: string;
  replyTo: string | null;
  /** iSendPro's address (default sendsms@isendpro-api.com). */
  to: string;
  /** Where iSendPro sends the acknowledgement and the notification (default: the IMAP mailbox's address). */
  emailAck: string;
  emailNot: string;
  keyidEnv: string | null;
  keyidSource: MailSecretSource;
  /** The account's approved <nostop>1</nostop>: no "STOP SMS au XXXXX" kept room for. */
  nostop: boolean;
  /** How Dropdesk logs in to both servers (absent: 'password'). */
  auth?: MailAuthMode;
  /** 'microsoft-oauth2' only: the sign-in settings and who is signed in (never a token). */
  oauth?: MailOAuthView | null;
}

/** Passwords (or app passwords), or a Microsoft 365 sign-in (OAuth2, XOAUTH2 on SMTP and IMAP). */
export type MailAuthMode = 'password' | 'microsoft-oauth2';

export interface MailOAuthView {
  clientId: string;
  tenant: string;
  /** The identity platform's address (Microsoft's by default; a fake on 127.0.0.1 in tests). */
  authority: string;
  /** The address signed in, null before the first sign-in or after « Se déconnecter ». */
  account: string | null;
  /** 'sign-in-required': Microsoft refused the refresh (« Reconnectez-vous à Microsoft 365 »), nothing is sent. */
  status: 'signed-out' | 'signed-in' | 'sign-in-required';
  /** Where the tokens are: encrypted on this computer, in memory for this session (no encryption here), or none. */
  tokenSource: 'stored' | 'session' | 'none';
}

export interface MailOAuthInput {
  clientId?: string | null;
  tenant?: string | null;
  authority?: string | null;
}

export interface MailServerInput {
  host: string;
  port?: number;
  security?: MailServerSecurity;
  user: string;
  passwordEnv?: string | null;
  /** New password (absent keeps the current one, '' removes it). */
  password?: string;
}

export interface MailConnectionInput {
  smtp: MailServerInput;
  imap: MailServerInput;
  from: string;
  replyTo?: string | null;
  to?: string | null;
  emailAck?: string | null;
  emailNot?: string | null;
  keyidEnv?: string | null;
  /** New keyid (absent keeps the current one). */
  keyid?: string;
  nostop?: boolean;
  /** Absent keeps the current mode ('password' for a new connection). */
  auth?: MailAuthMode;
  /** 'microsoft-oauth2': client id (default: the placeholder an admin replaces), tenant (default 'organizations'), authority. */
  oauth?: MailOAuthInput | null;
}

/** A saved connection as the renderer sees it: never the password, only where it will come from. */
export interface ConnectionView {
  id: string;
  name: string;
  provider: ConnectionProvider;
  /** The profile drops use ('mediasflow-sftp'…, 'mediasflow-rest', 'isendpro-mail'). */
  profile: ConnectionProfile;
  demo: boolean;
  host: string;
  port: number;
  user: string;
  ftps: boolean;
  /** Pinned SSH host key 'SHA256:…', null until confirmed. */
  hostKey: string | null;
  passwordEnv: string | null;
  /** Price per SMS in euros, null or absent when not set. */
  pricePerSms?: number | null;
  /** The account's STOP mention ("STOP au 36184"); null or absent = the provider's default. */
  stopMention?: string | null;
  /** 'ask': the user must type the password (nothing stored, no environment variable). */
  passwordSource: 'env' | 'stored' | 'session' | 'demo' | 'ask';
  /** Plain FTP: the UI warns that the password travels unencrypted and offers FTPS. */
  passwordTravelsInClear: boolean;
  /** MediasFlow: folder of the temporary upload, outside the drop folder; null/absent = the drop folder itself. */
  stagingFolder?: string | null;
  /** MediasFlow REST connections only. */
  rest?: RestConnectionSettings | null;
  /** iSendPro mail-to-SMS connections only. */
  mail?: MailConnectionView;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionSaveInput {
  /** Absent: create. */
  id?: string;
  name: string;
  provider: ConnectionProvider;
  host?: string;
  port?: number;
  user?: string;
  ftps?: boolean;
  hostKey?: string | null;
  passwordEnv?: string | null;
  /** MediasFlow staging folder ('' or null: none; absent keeps the current one). */
  stagingFolder?: string | null;
  /** Price per SMS in euros; null removes it, absent keeps it. */
  pricePerSms?: number | null;
  /** The account's STOP mention; '' or null goes back to the provider's default, absent keeps it. */
  stopMention?: string | null;
  /** New password (absent keeps the current one, '' removes it). */
  password?: string;
  /** MediasFlow REST settings (absent fields: the documented defaults, or the current ones when editing). */
  rest?: Partial<RestConnectionSettings>;
  /** iSendPro mail-to-SMS connections: both servers, addresses, keyid (host/user/password above are unused). */
  mail?: MailConnectionInput;
}

export interface ConnectionSaveResult {
  connection: ConnectionView;
  /** 'session-only': encryption unavailable, the password is kept in memory until the app quits. */
  password: 'encrypted' | 'session-only' | 'unchanged' | 'removed' | 'none';
}

export interface ConnectionErrorView {
  kind: string;
  transient: boolean;
  messageKey: string;
  message: string;
  params: Record<string, unknown>;
}

export type ConnectionTestView =
  | {
      connected: true;
      protocol: 'sftp' | 'ftp' | 'ftps' | 'https' | 'http' | 'smtp+imap';
      passwordTravelsInClear: boolean;
      hostKeyFingerprint: string | null;
      presentFolders: string[];
      missingFolders: string[];
      message: string;
      mail?: MailTestView;
    }
  | { connected: false; passwordTravelsInClear: boolean; hostKeyFingerprint: string | null; error: ConnectionErrorView; mail?: MailTestView };

/** "Tester la connexion" of a mail-to-SMS connection: both logins, nothing sent. */
export interface MailTestView {
  smtp: MailTestLine;
  imap: MailTestLine;
}

/** One server's line: the French text, and its catalogue key (connections namespace: mail.test.*) with its values for the screens. */
export interface MailTestLine {
  ok: boolean;
  message: string;
  messageKey?: string;
  params?: Record<string, string>;
}

export interface HostKeyProbeView {
  fingerprint: string;
  keyType: string;
  pinned: string | null;
  /** null when nothing is pinned yet. */
  matchesPinned: boolean | null;
}

export interface ConnectionRequestChannels {
  'connections:list': (input: void) => ConnectionView[];
  'connections:save': (input: ConnectionSaveInput) => ConnectionSaveResult;
  'connections:delete': (input: { id: string }) => { deleted: true };
  /** Logs in and checks the provider's folders; `password` when the user had to type it. Error 'password-required' when none is available. */
  'connections:test': (input: { id: string; password?: string }) => ConnectionTestView;
  /** Reads the server's SSH key without logging in. */
  'connections:probe-host-key': (input: { id: string }) => HostKeyProbeView;
  /** Pins the fingerprint the user confirmed. */
  'connections:pin-host-key': (input: { id: string; fingerprint: string }) => ConnectionView;
  /** Microsoft 365 mail connections: opens the system browser, waits for the sign-in (loopback redirect), keeps the tokens; the connection with its signed-in address. */
  'connections:oauth-sign-in': (input: { id: string }) => ConnectionView;
  /** « Se déconnecter »: forgets the tokens (nothing is sent until the next sign-in). */
  'connections:oauth-sign-out': (input: { id: string }) => ConnectionView;
}

export interface ConnectionEventChannels {
  'connections:changed': ConnectionView[];
}

export const connectionRequestNames: Record<keyof ConnectionRequestChannels, true> = {
  'connections:list': true,
  'connections:save': true,
  'connections:delete': true,
  'connections:test': true,
  'connections:probe-host-key': true,
  'connections:pin-host-key': true,
  'connections:oauth-sign-in': true,
  'connections:oauth-sign-out': true,
};
export const connectionEventNames: Record<keyof ConnectionEventChannels, true> = {
  'connections:changed': true,
};
