/**
 * What the composer's main-process side answers: one recipient's rendered
 * message, and the figures over the whole list. Plain data crossing the bridge.
 */

import type { CampaignFigures } from '../composer/campaign-figures';
import type { SmsEncoding, SmsSegmentation } from '../composer/sms-count';

export type MessageEncoding = SmsEncoding;

/** Encoding, units, SMS and where each SMS starts and ends (the engine's segmentation). */
export type MessageCount = SmsSegmentation;

export interface RecipientPreview {
  campaignId: string;
  /** Position among the sendable rows (0-based) and how many there are. */
  rowIndex: number;
  sendableTotal: number;
  /** Index of the record in the list (0-based). */
  listRow: number;
  /** International digits, as they will be dropped. */
  number: string;
  values: Record<string, string>;
  message: string;
  count: MessageCount;
  unknownFields: string[];
  overAccountLimit: boolean;
  /** AllMySMS only: whether the message fits 160 characters with '\n' counted double; null for other providers. */
  fitsAllMySms160: boolean | null;
}

/**
 * The engine's whole-list figures (shared/composer/campaign-figures.ts) plus
 * what only the campaign knows: the unknown fields of its template, and the
 * AllMySMS 160 check reported only when the campaign goes to AllMySMS.
 */
export type ListFigures = Omit<CampaignFigures, 'allMySms160Failures' | 'exampleLimit'> & {
  /** AllMySMS only: recipients whose message exceeds 160 characters ('\n' counted double); null for other providers. */
  allMySms160Failures: number | null;
  unknownFields: string[];
};

export interface FiguresJob {
  token: string;
  total: number;
}
