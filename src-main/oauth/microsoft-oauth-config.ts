/**
 * Microsoft 365 OAuth2 for mail connections: the identity platform's
 * endpoints, the scopes XOAUTH2 needs, and the per-connection settings
 * (client id, tenant, authority). The client id must be an application an
 * administrator registered in Microsoft Entra (README: « Microsoft 365 »);
 * the default is a placeholder the sign-in refuses, so nothing is ever sent
 * to Microsoft with a made-up id. The authority is a setting only so tests
 * point it at a fake on 127.0.0.1; http is refused anywhere else.
 */
import { MICROSOFT_DEFAULT_TENANT, MICROSOFT_PLACEHOLDER_CLIENT_ID } from '@shared/providers/microsoft/microsoft-oauth-defaults';

export { MICROSOFT_DEFAULT_TENANT, MICROSOFT_PLACEHOLDER_CLIENT_ID };
export const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com';

/** IMAP and SMTP for the user, a refresh token, and the signed-in address (id_token's preferred_username). */
export const MICROSOFT_MAIL_SCOPES = [
  'https://outlook.office.com/IMAP.AccessAsUser.All',
  'https://outlook.office.com/SMTP.Send',
  'offline_access',
  'openid',
  'profile',
] as const;

export interface MicrosoftOAuthSettings {
  clientId: string;
  tenant: string;
  /** Base of the identity platform (default MICROSOFT_AUTHORITY; a fake on 127.0.0.1 in tests). */
  authority: string;
}

export interface OAuthEndpoints {
  authorize: string;
  token: string;
}

const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/;
const clientIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class OAuthConfigError extends Error {
  constructor(message: string, readonly field: 'clientId' | 'tenant' | 'authority') {
    super(message);
    this.name = 'OAuthConfigError';
  }
}

/** Checks the settings (fail closed: plain http only to 127.0.0.1) and gives the two endpoints. */
export function microsoftEndpoints(settings: MicrosoftOAuthSettings): OAuthEndpoints {
  if (!tenantPattern.test(settings.tenant)) throw new OAuthConfigError(`Locataire (tenant) Microsoft invalide : « ${settings.tenant} ».`, 'tenant');
  let base: URL;
  try {
    base = new URL(settings.authority);
  } catch {
    throw new OAuthConfigError(`Adresse du service d'identité invalide : « ${settings.authority} ».`, 'authority');
  }
  const loopback = base.hostname === '127.0.0.1';
  if (!(base.protocol === 'https:' || (base.protocol === 'http:' && loopback))) {
    throw new OAuthConfigError("Le service d'identité ne s'utilise qu'en HTTPS (http n'est accepté que vers 127.0.0.1, pour les tests).", 'authority');
  }
  const root = base.toString().replace(/\/+$/, '');
  const tenant = encodeURIComponent(settings.tenant);
  return { authorize: `${root}/${tenant}/oauth2/v2.0/authorize`, token: `${root}/${tenant}/oauth2/v2.0/token` };
}

/** The client id is a real registration, not the placeholder (refused before anything is opened or sent). */
export function checkClientId(clientId: string): void {
  if (!clientId || clientId === MICROSOFT_PLACEHOLDER_CLIENT_ID) {
    throw new OAuthConfigError(
      "Indiquez l'ID d'application (client) que votre administrateur a enregistré pour Dropdesk dans Microsoft Entra (voir le README, « Microsoft 365 »).",
      'clientId',
    );
  }
  if (!clientIdPattern.test(clientId)) throw new OAuthConfigError(`ID d'application (client) invalide : « ${clientId} ».`, 'clientId');
}
