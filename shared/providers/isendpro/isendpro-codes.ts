/**
 * iSendPro's answer codes (Mail2SMS § III.5 and Annexes): the acknowledgement
 * codes (etatAck) and the per-recipient codes of the notification (etatNot),
 * each with its plain-French label (the annex's text, accents restored), the
 * report category it counts under, and what it means for the batch.
 *
 * Code 0 of a notification is "Votre message a bien été envoyé": iSendPro
 * handed the SMS to the operator but says nothing about delivery, so it is
 * counted as sentUnconfirmed (like MediasFlow's "Envoyé"), never as delivered.
 */
import type { ReportCategory } from '../../reports/status-codes';

export type AckCode = 0 | 1 | 2;

export const ACK_LABELS: Readonly<Record<AckCode, string>> = {
  0: 'Votre e-mail a bien été traité',
  1: 'emailId déjà traité',
  2: 'emailId non renseigné',
};

/**
 * What a notification code means for the batch:
 * - 'final': the recipient's outcome is known (sent, refused number, blacklist);
 * - 'hold': not sent because of the commercial hours (24): resend later, inside the window;
 * - 'retry': iSendPro could not process it now (29 overflow, 999): resend later;
 * - 'account': the account or its set-up is wrong: the campaign fails with what to do.
 */
export type IsendproCodeEffect = 'final' | 'hold' | 'retry' | 'account';

export interface IsendproCodeInfo {
  code: number;
  label: string;
  category: ReportCategory;
  effect: IsendproCodeEffect;
  /** Plain French: what the user should do (account errors). */
  action?: string;
}

const info = (code: number, label: string, category: ReportCategory, effect: IsendproCodeEffect = 'final', action?: string): IsendproCodeInfo => ({
  code,
  label,
  category,
  effect,
  ...(action ? { action } : {}),
});

const CONTACT = 'Vérifiez votre compte iSendPro (espace client) ou contactez support@isendpro.com.';

export const ISENDPRO_NOTIFICATION_CODES: readonly IsendproCodeInfo[] = [
  info(0, 'Votre message a bien été envoyé', 'sentUnconfirmed'),
  info(1, 'Le champ Login est vide', 'notSent', 'account', 'Vérifiez la clé iSendPro (keyid) de la connexion : elle est vide ou illisible.'),
  info(2, 'Le champ PWD est vide', 'notSent', 'account', 'Vérifiez la clé iSendPro (keyid) de la connexion.'),
  info(3, 'Vos identifiants sont incorrects', 'notSent', 'account', 'La clé iSendPro (keyid) est refusée : recopiez-la depuis « Mon compte » de votre espace client iSendPro.'),
  info(6, 'Vous devez saisir un numéro de téléphone', 'notSent'),
  info(7, 'Un numéro de téléphone est sur 10 chiffres', 'notSent'),
  info(11, 'Le numéro de téléphone est dans la liste noire', 'blacklisted'),
  info(12, 'Votre crédit de MT est épuisé', 'notSent', 'account', 'Votre crédit iSendPro est épuisé : rechargez-le depuis votre espace client, puis relancez la campagne.'),
  info(14, "L'adresse IP n'est pas autorisée", 'notSent', 'account', "iSendPro refuse l'adresse d'envoi : faites autoriser l'adresse de l'expéditeur (From) et son domaine auprès d'iSendPro."),
  info(16, "L'émetteur ne peut pas être vide", 'notSent', 'account', "Votre compte iSendPro exige un expéditeur : indiquez-en un (4 à 11 lettres ou chiffres) et relancez."),
  info(21, "Le numéro de téléphone n'est pas attribué", 'notSent'),
  info(22, 'Le téléphone est attribué à un Full MVNO', 'notSent'),
  info(23, 'Le nombre maximum de téléphones par requête est de 500', 'notSent'),
  info(24, 'Pas d’envoi commercial entre 20h et 08h, ni les dimanches et jours fériés', 'notSent', 'hold'),
  info(27, "L'indicatif pays du téléphone n'est pas autorisé !", 'notSent'),
  info(29, 'Nous ne pouvons donner suite à votre demande (overflow)', 'notSent', 'retry'),
  info(30, 'Erreur sur le domaine de connexion', 'notSent', 'account', "iSendPro refuse le domaine de l'adresse d'envoi : faites autoriser le domaine de l'expéditeur (From) auprès d'iSendPro."),
  info(33, "Cet émetteur n'est pas autorisé !", 'notSent', 'account', "iSendPro n'a pas autorisé cet expéditeur : choisissez un expéditeur validé sur votre compte, ou laissez l'expéditeur vide."),
  info(34, 'La valeur de smslong doit être un entier !', 'notSent'),
  info(999, 'Une erreur est survenue. Merci de contacter le service technique', 'notSent', 'retry'),
];

const byCode = new Map(ISENDPRO_NOTIFICATION_CODES.map((entry) => [entry.code, entry]));

/** The annex's entry for a code; unknown codes count under 'other' and are final (never retried blindly). */
export function isendproCodeInfo(code: number): IsendproCodeInfo {
  return byCode.get(code) ?? { code, label: `Code iSendPro ${code}`, category: 'other', effect: 'final' };
}

/** Code 11 (liste noire) feeds the local opt-out list. */
export const ISENDPRO_BLACKLIST_CODE = 11;

export const ISENDPRO_ACCOUNT_CODES: ReadonlySet<number> = new Set(ISENDPRO_NOTIFICATION_CODES.filter((entry) => entry.effect === 'account').map((entry) => entry.code));

export { CONTACT as ISENDPRO_CONTACT_HINT };
