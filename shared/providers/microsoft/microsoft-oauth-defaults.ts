/** Microsoft 365 sign-in defaults both sides show and use (main: src-main/oauth/microsoft-oauth-config.ts). */
export const MICROSOFT_DEFAULT_TENANT = 'organizations';
/** Placeholder: an admin registers Dropdesk in Microsoft Entra and gives its Application (client) ID; the sign-in refuses this one. */
export const MICROSOFT_PLACEHOLDER_CLIENT_ID = 'a-enregistrer-dans-microsoft-entra';
