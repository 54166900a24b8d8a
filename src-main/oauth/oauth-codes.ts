/** Error codes of the Microsoft 365 sign-in the queue reacts to (UserFacingError.code). */
/** Microsoft refused the refresh (invalid_grant…): « Reconnectez-vous à Microsoft 365 », nothing is sent. */
export const SIGN_IN_REQUIRED_CODE = 'oauth-sign-in-required';
/** The identity service could not be reached: nothing is sent now, tried again later. */
export const OAUTH_UNAVAILABLE_CODE = 'oauth-unavailable';
