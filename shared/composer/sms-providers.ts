/**
 * What each provider's spec says about the message itself (../shared/specs/):
 * sender rules, the STOP mention, text the provider adds, length limits.
 */

export type SmsProvider = 'mediasflow' | 'allmysms' | 'isendpro';
export type CampaignKind = 'marketing' | 'notification';

export const smsProviders: readonly SmsProvider[] = ['mediasflow', 'allmysms', 'isendpro'];

/**
 * The provider behind a connection name such as 'mediasflow-sftp' or
 * 'allmysms-ftp' (the transport does not change the message rules).
 */
export function smsProviderOf(target: string): SmsProvider | null {
  const provider = target.toLowerCase().split(/[-_ ]/)[0];
  return (smsProviders as readonly string[]).includes(provider) ? (provider as SmsProvider) : null;
}

export interface SenderRules {
  minLength: number;
  maxLength: number;
  /** Spaces allowed inside (AllMySMS only). */
  allowSpace: boolean;
  mustStartWithLetter: boolean;
  /** "ne peut pas contenir que des chiffres" (MediasFlow, iSendPro). */
  forbidDigitsOnly: boolean;
}

export const senderRules: Record<SmsProvider, SenderRules> = {
  // REST guide, "sender": 3 à 11 caractères alphanumériques [A-Z] [a-z] [0-9], pas que des chiffres.
  mediasflow: { minLength: 3, maxLength: 11, allowSpace: false, mustStartWithLetter: false, forbidDigitsOnly: true },
  // FTP/SFTP API 4.2: commence par une lettre, a-z0-9 et espace, sans accent, 3 à 11.
  allmysms: { minLength: 3, maxLength: 11, allowSpace: true, mustStartWithLetter: true, forbidDigitsOnly: false },
  // Mail2SMS § 4: 4 à 11 caractères alphanumériques, pas uniquement des chiffres.
  isendpro: { minLength: 4, maxLength: 11, allowSpace: false, mustStartWithLetter: false, forbidDigitsOnly: true },
};

/**
 * The unsubscribe mention each provider expects in marketing messages.
 * AllMySMS: "STOP au 36180" at the very end, after a space or a line break
 * (else a custom sender is ignored for France). MediasFlow: its examples end
 * with "STOP 36184" (the short number can differ per account: configurable).
 * iSendPro appends "STOP SMS au XXXXX" itself: nothing to add, but it counts.
 */
export const defaultStopMention: Record<SmsProvider, string | null> = {
  mediasflow: 'STOP 36184',
  allmysms: 'STOP au 36180',
  isendpro: null,
};

/**
 * iSendPro adds "STOP SMS au XXXXX" to messages sent with a custom sender and
 * says the message may then be 141 characters instead of 160: the added text
 * costs 160 − 141 = 19 characters (the 17-character mention and its separator).
 */
export const ISENDPRO_APPENDED_STOP_LENGTH = 160 - 141;

/** Stands for the appended mention when counting (19 GSM-7 basic characters). */
export const ISENDPRO_APPENDED_STOP_PLACEHOLDER = '  STOP SMS au XXXXX';

/** iSendPro's smslong is "1 numérique" (one digit): at most 9 SMS per message. */
export const ISENDPRO_MAX_SMSLONG = 9;

/** AllMySMS: "160 caractères maximum", each '\n' counting double. */
export const ALLMYSMS_MAX_CHARACTERS = 160;
