/**
 * MediasFlow status codes (FTP2SMS/FTP2VMS guide §6 and §8), the categories the
 * charts use (issue 5) and their colours.
 *
 * Colours: the guide colours VMS codes only (§8: Vert, Rouge, Orange, Grise, Noir).
 * One palette serves both channels so cross-campaign charts read the same:
 *   delivered Vert, inProgress light Vert (the guide colours 1/9 Vert too, a lighter
 *   tint keeps the donut readable), sentUnconfirmed blue (SMS only, no spec colour:
 *   "posted, outcome unknown" is neither good nor bad), undelivered Rouge (117),
 *   notSent Orange (8 is Orange; 2 is Rouge in §8 and Orange in the extranet guide),
 *   blacklisted Grise (14, 18; 15 is Noir and keeps black in the per-code chart),
 *   other purple (unknown codes, no spec colour).
 * Where the two VMS guides disagree (extranet Annexe 3 vs FTP guide §8), the FTP
 * guide wins: it documents the report files we read.
 */

export type ReportChannel = 'sms' | 'vms';

export const REPORT_CATEGORIES = [
  'delivered',
  'inProgress',
  'sentUnconfirmed',
  'undelivered',
  'notSent',
  'blacklisted',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** Index of each category in REPORT_CATEGORIES (the per-row Uint8Array stores it). */
export const CATEGORY_INDEX: Readonly<Record<ReportCategory, number>> = Object.freeze(
  Object.fromEntries(REPORT_CATEGORIES.map((category, index) => [category, index])) as Record<ReportCategory, number>,
);
export const OTHER_CATEGORY_INDEX = CATEGORY_INDEX.other;

export type SpecColourName = 'Vert' | 'Rouge' | 'Orange' | 'Grise' | 'Noir';

export interface StatusCodeInfo {
  code: number;
  /** French label of the spec table (STATUS_TEXT). */
  label: string;
  category: ReportCategory;
  /** True for 17: delivered, and the recipient replied STOP. */
  stop?: true;
  /** Colour the guide gives this code (VMS only). */
  specColour?: SpecColourName;
}

const status = (code: number, label: string, category: ReportCategory, extra: Partial<StatusCodeInfo> = {}): StatusCodeInfo => ({
  code,
  label,
  category,
  ...extra,
});

/** §6. Category grouping from issue 5. */
export const SMS_STATUS_CODES: readonly StatusCodeInfo[] = [
  status(1, 'En cours de traitement', 'inProgress'),
  status(9, "En cours d'envoi", 'inProgress'),
  status(10, 'Posté', 'sentUnconfirmed'),
  status(28, 'Posté', 'sentUnconfirmed'),
  status(24, 'Envoyé', 'sentUnconfirmed'),
  status(16, 'Délivré', 'delivered'),
  status(21, 'Délivré', 'delivered'),
  status(17, 'Délivré + STOP demandé', 'delivered', { stop: true }),
  status(20, 'Non délivré', 'undelivered'),
  status(25, 'Non délivré', 'undelivered'),
  status(29, 'Numéro non attribué', 'undelivered'),
  status(30, 'Numéro non attribué', 'undelivered'),
  status(31, 'Mobile non disponible', 'undelivered'),
  status(32, 'SMS rejeté', 'undelivered'),
  status(13, 'Refus opérateur', 'undelivered'),
  status(27, 'Rejet opérateur', 'undelivered'),
  status(22, 'Message expiré', 'undelivered'),
  status(23, 'Message supprimé', 'undelivered'),
  status(26, 'Erreur inconnue', 'undelivered'),
  status(2, 'Numéro mal formaté', 'notSent'),
  status(3, 'Destination non autorisée', 'notSent'),
  status(4, 'Doublons', 'notSent'),
  status(5, 'Erreur de personnalisation', 'notSent'),
  status(6, 'Caractère UCS2 non autorisé', 'notSent'),
  status(7, 'Message trop long', 'notSent'),
  status(8, 'Crédit insuffisant', 'notSent'),
  status(12, 'Erreur de traitement', 'notSent'),
  status(19, 'Tarif manquant', 'notSent'),
  status(14, 'Destinataire dans votre blacklist', 'blacklisted'),
  status(15, 'Destinataire dans notre blacklist globale', 'blacklisted'),
  status(18, 'Destinataire dans votre blacklist client', 'blacklisted'),
];

/**
 * §8. 116 is not in either VMS table of the guides; issue 5 lists it as a blacklist
 * code, so it is kept here with a neutral label until MediasFlow documents it.
 */
export const VMS_STATUS_CODES: readonly StatusCodeInfo[] = [
  status(1, 'En cours de traitement', 'inProgress', { specColour: 'Vert' }),
  status(9, "En cours d'envoi", 'inProgress', { specColour: 'Vert' }),
  status(2, 'Numéro mal formaté', 'notSent', { specColour: 'Rouge' }),
  status(21, 'Délivré', 'delivered', { specColour: 'Vert' }),
  status(117, 'Non délivré', 'undelivered', { specColour: 'Rouge' }),
  status(8, 'Crédit insuffisant', 'notSent', { specColour: 'Orange' }),
  status(14, 'Destinataire dans votre blacklist', 'blacklisted', { specColour: 'Grise' }),
  status(15, 'Destinataire dans notre blacklist globale', 'blacklisted', { specColour: 'Noir' }),
  status(18, 'Destinataire dans votre blacklist client', 'blacklisted', { specColour: 'Grise' }),
  status(116, 'Destinataire en liste d’opposition', 'blacklisted', { specColour: 'Grise' }),
];

/** Codes that feed the opt-out list (issue 5): STOP and every blacklist code. */
export const STOP_CODE = 17;
export const BLACKLIST_CODES: ReadonlySet<number> = new Set([14, 15, 18, 116]);

const tables: Record<ReportChannel, ReadonlyMap<number, StatusCodeInfo>> = {
  sms: new Map(SMS_STATUS_CODES.map((info) => [info.code, info])),
  vms: new Map(VMS_STATUS_CODES.map((info) => [info.code, info])),
};

export function statusCodeInfo(channel: ReportChannel, code: number): StatusCodeInfo | undefined {
  return tables[channel].get(code);
}

export function categoryOfCode(channel: ReportChannel, code: number): ReportCategory {
  return tables[channel].get(code)?.category ?? 'other';
}

/**
 * Lookup table code → category index for the hot loop (codes 0..255; larger codes go
 * through categoryOfCode). Codes missing from the spec table map to 'other'.
 */
export function categoryIndexTable(channel: ReportChannel): Uint8Array {
  const table = new Uint8Array(256).fill(OTHER_CATEGORY_INDEX);
  for (const info of tables[channel].values()) if (info.code < 256) table[info.code] = CATEGORY_INDEX[info.category];
  return table;
}

export interface CategoryColour {
  hex: string;
  /** The spec's colour word when the guide gives one for this category. */
  specName?: SpecColourName;
}

export const CATEGORY_COLOURS: Readonly<Record<ReportCategory, CategoryColour>> = {
  delivered: { hex: '#2e7d32', specName: 'Vert' },
  inProgress: { hex: '#81c784', specName: 'Vert' },
  sentUnconfirmed: { hex: '#1e88e5' },
  undelivered: { hex: '#d32f2f', specName: 'Rouge' },
  notSent: { hex: '#f57c00', specName: 'Orange' },
  blacklisted: { hex: '#757575', specName: 'Grise' },
  other: { hex: '#8e24aa' },
};

export const SPEC_COLOUR_HEX: Readonly<Record<SpecColourName, string>> = {
  Vert: '#2e7d32',
  Rouge: '#d32f2f',
  Orange: '#f57c00',
  Grise: '#757575',
  Noir: '#212121',
};

/** Colour of one code in the per-code chart: the spec's own colour when it has one, else its category's. */
export function codeColour(channel: ReportChannel, code: number): string {
  const info = tables[channel].get(code);
  if (!info) return CATEGORY_COLOURS.other.hex;
  if (info.specColour && !(info.category === 'inProgress')) return SPEC_COLOUR_HEX[info.specColour];
  return CATEGORY_COLOURS[info.category].hex;
}
