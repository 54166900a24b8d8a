/**
 * The "Connexions" form as pure functions: defaults per provider (port,
 * protocol), what the form sends to main, what is missing, and which
 * connection a send uses by default. Unit tested; the screen only renders.
 */
import type { ConnectionProvider, ConnectionSaveInput, ConnectionView } from '@shared/ipc/channels/connections';
import { getProviderProfile, messageSourceOf } from '@shared/providers/provider-registry';
import { defaultStopMention, smsProviderOf } from '@shared/composer/sms-providers';
import { isValidStopMention } from '@shared/composer/stop-mention';
import type { ProviderId, TransferProtocol } from '@shared/providers/provider-ids';

/** What the user can pick when adding a connection (the demo ones are created by Dropdesk). */
export const editableProviders = ['mediasflow-sftp', 'allmysms-ftp', 'allmysms-sftp', 'mediasflow-rest', 'demo-mediasflow-rest'] as const satisfies readonly ConnectionProvider[];
export type EditableProvider = (typeof editableProviders)[number];

type MailProvider = 'isendpro-mail' | 'demo-isendpro-mail';

/** iSendPro mail-to-SMS, a real account or Mode démo's local box. */
export function isMailProvider(provider: ConnectionProvider): provider is MailProvider {
  return provider === 'isendpro-mail' || provider === 'demo-isendpro-mail';
}

/** The file-drop kinds; a mail-to-SMS connection ('isendpro-mail') has no file profile and is not edited by this form. */
const profileOf: Record<Exclude<ConnectionProvider, MailProvider>, ProviderId> = {
  'mediasflow-sftp': 'mediasflow-sftp',
  'allmysms-ftp': 'allmysms-ftp',
  'allmysms-sftp': 'allmysms-sftp',
  'demo-mediasflow': 'mediasflow-sftp',
  'demo-allmysms': 'allmysms-ftp',
  // MediasFlow's SMS API has no file profile; MediasFlow's SMS counting rules are the SFTP profile's.
  'mediasflow-rest': 'mediasflow-sftp',
  'demo-mediasflow-rest': 'mediasflow-sftp',
};

export function profileOfProvider(provider: ConnectionProvider): ProviderId {
  return profileOf[provider as Exclude<ConnectionProvider, MailProvider>];
}

export function isDemoProvider(provider: ConnectionProvider): boolean {
  return provider === 'demo-mediasflow' || provider === 'demo-allmysms' || provider === 'demo-mediasflow-rest' || provider === 'demo-isendpro-mail';
}

/** MediasFlow's SMS REST API (real or demo sandbox): URL and login, no server/port/FTPS/SSH key. */
export function isRestProvider(provider: ConnectionProvider): boolean {
  return provider === 'mediasflow-rest' || provider === 'demo-mediasflow-rest';
}

export function defaultPortOf(provider: ConnectionProvider): number {
  return isRestProvider(provider) ? 443 : getProviderProfile(profileOfProvider(provider)).defaultPort;
}

export function protocolOf(provider: ConnectionProvider): TransferProtocol | 'https' {
  return isRestProvider(provider) ? 'https' : getProviderProfile(profileOfProvider(provider)).protocol;
}

export interface ConnectionFormState {
  /** Absent: a new connection. */
  id?: string;
  name: string;
  provider: EditableProvider;
  host: string;
  /** As typed (validated on save). */
  port: string;
  user: string;
  /** New password; '' keeps the saved one when editing. */
  password: string;
  passwordEnv: string;
  ftps: boolean;
  /** MediasFlow only: folder of the temporary upload, outside the drop folder ('' = none). */
  stagingFolder?: string;
  /** Price of one SMS in euros as typed ("0,045"); '' = not set. */
  pricePerSms?: string;
  /** The account's STOP mention as typed ("STOP au 36184"); '' = the provider's default. */
  stopMention?: string;
  /** MediasFlow REST only (rest-connection-fields.tsx); '' = the documented default. */
  rest?: { baseUrl: string; brand: string; loginPath: string; loginField: string; passwordField: string };
}

export function emptyConnectionForm(provider: EditableProvider = 'mediasflow-sftp'): ConnectionFormState {
  return { name: '', provider, host: '', port: String(defaultPortOf(provider)), user: '', password: '', passwordEnv: '', ftps: false };
}

export function formFromConnection(view: ConnectionView): ConnectionFormState {
  const provider: EditableProvider = (editableProviders as readonly string[]).includes(view.provider) ? (view.provider as EditableProvider) : 'mediasflow-sftp';
  return {
    id: view.id,
    name: view.name,
    provider,
    host: view.host,
    port: String(view.port),
    user: view.user,
    password: '',
    passwordEnv: view.passwordEnv ?? '',
    ftps: view.ftps,
    ...(view.stagingFolder ? { stagingFolder: view.stagingFolder } : {}),
    pricePerSms: typeof view.pricePerSms === 'number' ? String(view.pricePerSms).replace('.', ',') : '',
    stopMention: view.stopMention ?? '',
    ...(view.rest ? { rest: { baseUrl: view.rest.baseUrl, brand: view.rest.brand ?? '', loginPath: view.rest.loginPath, loginField: view.rest.loginField, passwordField: view.rest.passwordField } } : {}),
  };
}

/**
 * The mention a connection uses when its "Mention STOP" is empty; null when
 * the setting does not apply: the provider adds it itself (iSendPro) or the
 * text sent is the provider's template campaign's (MediasFlow file drops).
 */
export function providerStopMention(provider: ConnectionProvider): string | null {
  if (isMailProvider(provider)) return null;
  // MediasFlow's SMS API sends the typed text (its counting profile is the SFTP one, whose text is the template's).
  if (!isRestProvider(provider) && messageSourceOf(profileOfProvider(provider)) === 'template') return null;
  const sms = smsProviderOf(profileOfProvider(provider));
  return sms ? defaultStopMention[sms] : null;
}

/** A new provider fills in its default port unless the user typed another one. */
export function withProvider(form: ConnectionFormState, provider: EditableProvider): ConnectionFormState {
  const portWasDefault = form.port.trim() === '' || form.port.trim() === String(defaultPortOf(form.provider));
  return {
    ...form,
    provider,
    port: portWasDefault ? String(defaultPortOf(provider)) : form.port,
    ftps: protocolOf(provider) === 'ftp' ? form.ftps : false,
  };
}

export type ConnectionFormField = 'name' | 'host' | 'port' | 'user' | 'passwordEnv' | 'pricePerSms' | 'stopMention';
export type ConnectionFormProblem = { field: ConnectionFormField; key: 'required' | 'port' | 'envName' | 'price' | 'stopMention' };

/** "0,045" or "0.045" → 0.045; '' → null; anything else (or outside 0–10 €) → undefined. */
export function parsePricePerSms(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s|€/g, '');
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return value >= 0 && value <= 10 ? value : undefined;
}

const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** Problems the user can fix before asking main (main checks again). */
export function connectionFormProblems(form: ConnectionFormState): ConnectionFormProblem[] {
  const problems: ConnectionFormProblem[] = [];
  if (!form.name.trim()) problems.push({ field: 'name', key: 'required' });
  if (form.provider === 'demo-mediasflow-rest') return problems;
  if (form.provider === 'mediasflow-rest') {
    if (!form.user.trim()) problems.push({ field: 'user', key: 'required' });
    if (form.passwordEnv.trim() && !envNamePattern.test(form.passwordEnv.trim())) problems.push({ field: 'passwordEnv', key: 'envName' });
    if (parsePricePerSms(form.pricePerSms ?? '') === undefined) problems.push({ field: 'pricePerSms', key: 'price' });
    return problems;
  }
  if (!form.host.trim()) problems.push({ field: 'host', key: 'required' });
  const port = Number(form.port.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65_535) problems.push({ field: 'port', key: 'port' });
  if (!form.user.trim()) problems.push({ field: 'user', key: 'required' });
  if (form.passwordEnv.trim() && !envNamePattern.test(form.passwordEnv.trim())) problems.push({ field: 'passwordEnv', key: 'envName' });
  if (parsePricePerSms(form.pricePerSms ?? '') === undefined) problems.push({ field: 'pricePerSms', key: 'price' });
  const stopMention = form.stopMention?.trim() ?? '';
  if (stopMention !== '' && !isValidStopMention(stopMention)) problems.push({ field: 'stopMention', key: 'stopMention' });
  return problems;
}

export function toSaveInput(form: ConnectionFormState): ConnectionSaveInput {
  if (form.provider === 'demo-mediasflow-rest') return { ...(form.id ? { id: form.id } : {}), name: form.name.trim(), provider: form.provider };
  if (form.provider === 'mediasflow-rest') {
    const rest = form.rest;
    return {
      ...(form.id ? { id: form.id } : {}),
      name: form.name.trim(),
      provider: form.provider,
      user: form.user.trim(),
      passwordEnv: form.passwordEnv.trim() || null,
      // Empty fields: the documented defaults (main fills them in).
      rest: rest
        ? {
            ...Object.fromEntries((['baseUrl', 'loginPath', 'loginField', 'passwordField'] as const).filter((key) => rest[key].trim() !== '').map((key) => [key, rest[key].trim()])),
            brand: rest.brand.trim() || null,
          }
        : {},
      ...(form.pricePerSms !== undefined ? { pricePerSms: parsePricePerSms(form.pricePerSms) ?? null } : {}),
      ...(form.password !== '' ? { password: form.password } : {}),
    };
  }
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    provider: form.provider,
    host: form.host.trim(),
    port: Number(form.port.trim()),
    user: form.user.trim(),
    ftps: protocolOf(form.provider) === 'ftp' ? form.ftps : false,
    passwordEnv: form.passwordEnv.trim() || null,
    ...(form.provider === 'mediasflow-sftp' && form.stagingFolder !== undefined ? { stagingFolder: form.stagingFolder.trim() || null } : {}),
    ...(form.pricePerSms !== undefined ? { pricePerSms: parsePricePerSms(form.pricePerSms) ?? null } : {}),
    ...(form.stopMention !== undefined ? { stopMention: form.stopMention.trim() || null } : {}),
    // An empty field when editing keeps the saved password.
    ...(form.password !== '' ? { password: form.password } : {}),
  };
}

/** "Mon compte MediasFlow" → "DROPDESK_PASSWORD_MON_COMPTE_MEDIASFLOW", for the CLI. */
export function suggestPasswordEnv(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return slug ? `DROPDESK_PASSWORD_${slug}` : 'DROPDESK_PASSWORD';
}

/**
 * The connection a send starts with: the one the user chose last (when it
 * still exists), else the demo connection for the draft's provider (what a
 * newcomer has on first start), else any connection for that provider,
 * else the first one.
 */
export function pickDefaultConnection(all: readonly ConnectionView[], draftProvider: ProviderId | null, rememberedId: string | null): string | null {
  // The connection the user last sent with, whatever its kind (iSendPro mail-to-SMS included).
  if (rememberedId && all.some((connection) => connection.id === rememberedId)) return rememberedId;
  // Otherwise a file or REST connection first (the draft's counting rules), a mail-to-SMS one when it is the only kind.
  const fileOrRest = all.filter((connection) => connection.profile !== 'isendpro-mail');
  const connections = fileOrRest.length > 0 ? fileOrRest : all;
  const forProvider = connections.filter((connection) => !draftProvider || (connection.provider === 'mediasflow-rest' || connection.provider === 'demo-mediasflow-rest' ? false : connection.profile === draftProvider));
  return (
    forProvider.find((connection) => connection.demo)?.id ??
    forProvider[0]?.id ??
    connections.find((connection) => connection.demo)?.id ??
    connections[0]?.id ??
    null
  );
}

/** Demo first, then by name: the sandbox stays easy to find. */
export function sortConnections(connections: readonly ConnectionView[]): ConnectionView[] {
  return [...connections].sort((a, b) => Number(b.demo) - Number(a.demo) || a.name.localeCompare(b.name));
}
