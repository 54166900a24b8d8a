/**
 * MediasFlow SMS REST connections (provider 'mediasflow-rest', and the demo
 * sandbox 'demo-mediasflow-rest'): their settings with the documented
 * defaults, their checks, where their API is right now, and "Tester la
 * connexion" (log in + one read-only call, never a send). The connections
 * service calls these for REST connections; everything SFTP/FTP stays there.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import type { ConnectionSaveInput, ConnectionTestView, RestConnectionSettings } from '@shared/ipc/channels/connections';
import { checkBaseUrl, createRestClient, defaultRestLogin, proxyFor, type RestClientOptions, type RestEndpoint } from '../connectors/mediasflow-rest/rest-client';
import { RestError } from '../connectors/mediasflow-rest/rest-error';
import type { DemoEndpoints, StoredConnection } from './connection-types';

/** The guide's base URL (§1); it also shows /api/v1, hence a setting. */
export const defaultRestBaseUrl = 'https://app.mediasflow.com/MediasflowApi/v1';

export const defaultRestSettings: RestConnectionSettings = {
  baseUrl: defaultRestBaseUrl,
  brand: null,
  loginPath: defaultRestLogin.loginPath,
  loginField: defaultRestLogin.loginField,
  passwordField: defaultRestLogin.passwordField,
};

function invalid(message: string, field: string): UserFacingError {
  return new UserFacingError('connection-invalid', message, { field });
}

/** The settings a save leads to: given fields, else the current ones, else the defaults. */
export function restSettingsOf(input: ConnectionSaveInput, previous: RestConnectionSettings | null | undefined): RestConnectionSettings {
  const given = input.rest ?? {};
  const base = previous ?? defaultRestSettings;
  const pick = (value: string | undefined, fallback: string) => (value !== undefined && value.trim() !== '' ? value.trim() : fallback);
  return {
    baseUrl: pick(given.baseUrl, base.baseUrl).replace(/\/+$/, ''),
    brand: given.brand !== undefined ? given.brand?.trim() || null : base.brand,
    loginPath: pick(given.loginPath, base.loginPath),
    loginField: pick(given.loginField, base.loginField),
    passwordField: pick(given.passwordField, base.passwordField),
  };
}

/** A REST connection's own checks (the service has checked name and provider). */
export function validateRestInput(input: ConnectionSaveInput, demo: boolean): void {
  if (demo) return;
  const settings = restSettingsOf(input, null);
  try {
    checkBaseUrl(settings.baseUrl);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error), 'baseUrl');
  }
  if (!input.user?.trim()) throw invalid("Indiquez l'identifiant de connexion à l'API MediasFlow.", 'user');
  if (!settings.loginPath.startsWith('/')) throw invalid("Le chemin de connexion doit commencer par « / » (par défaut /login).", 'loginPath');
}

/** host/port shown in lists (the base URL's). */
export function restHostOf(settings: RestConnectionSettings): { host: string; port: number } {
  const url = new URL(settings.baseUrl);
  return { host: url.hostname, port: url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443 };
}

/** Where and as whom to call the API now: the sandbox for a demo connection, else the saved settings and `password`. */
export async function restEndpointOf(connection: StoredConnection, password: () => string, demo: DemoEndpoints | undefined): Promise<RestEndpoint> {
  if (connection.demo) {
    if (!demo?.resolveRest) {
      throw new UserFacingError(
        'demo-unavailable',
        "Le bac à sable MediasFlow de démonstration n'est disponible que lorsque l'application Dropdesk est ouverte. Ouvrez l'application, ou utilisez une vraie connexion.",
        { connection: connection.name },
      );
    }
    return demo.resolveRest();
  }
  const settings = connection.rest ?? defaultRestSettings;
  return {
    baseUrl: settings.baseUrl,
    login: connection.user,
    password: password(),
    loginPath: settings.loginPath,
    loginField: settings.loginField,
    passwordField: settings.passwordField,
  };
}

/**
 * The client options for one endpoint. In the app the endpoint carries the
 * system proxy (Electron's session.resolveProxy): that is followed and the
 * environment is not read. Elsewhere (CLI, browser mode): HTTPS_PROXY/NO_PROXY
 * when set. Never for loopback http.
 */
export function restClientOptionsFor(endpoint: RestEndpoint, env: NodeJS.ProcessEnv, timeoutMs?: number): RestClientOptions {
  const timeout = timeoutMs ? { timeoutMs } : {};
  if (endpoint.systemProxy) return { ...timeout, resolveProxy: endpoint.systemProxy };
  return { ...timeout, proxyUrl: proxyFor(checkBaseUrl(endpoint.baseUrl), env) };
}

/**
 * "Tester la connexion": logs in, then reads the account's blacklist (GET
 * /blacklist, read-only). Never prepares nor injects anything.
 */
export async function testRestConnection(endpoint: RestEndpoint, options: RestClientOptions = {}): Promise<ConnectionTestView> {
  const url = checkBaseUrl(endpoint.baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const client = createRestClient(endpoint, options);
  try {
    await client.login();
    await client.callJson<unknown>({ method: 'GET', path: '/blacklist' });
    return {
      connected: true,
      protocol,
      passwordTravelsInClear: false,
      hostKeyFingerprint: null,
      presentFolders: [],
      missingFolders: [],
      message: `Connexion réussie à l'API MediasFlow (${url.host}) : identifiants acceptés, lecture de la liste noire du compte possible. Rien n'a été envoyé.`,
    };
  } catch (error) {
    const rest = error instanceof RestError ? error : new RestError('no-answer', error instanceof Error ? error.message : String(error));
    const refusedAccess = rest.status === 401 || rest.status === 403;
    const message = refusedAccess
      ? `MediasFlow refuse la connexion (erreur ${rest.status}). Vérifiez l'identifiant et le mot de passe. Si ils sont bons, l'adresse IP de ce poste n'est sans doute pas autorisée : MediasFlow refuse les adresses qu'on ne lui a pas communiquées, demandez-leur de l'ajouter.`
      : rest.message;
    return {
      connected: false,
      passwordTravelsInClear: false,
      hostKeyFingerprint: null,
      error: {
        kind: refusedAccess ? 'auth' : rest.kind,
        transient: rest.transient,
        messageKey: refusedAccess ? 'rest.ipMayBeRefused' : `rest.error.${rest.kind}`,
        message,
        params: { status: rest.status ?? 0, host: url.host },
      },
    };
  } finally {
    await client.close();
  }
}
