/**
 * AllMySMS file names (API §4.2): 'Name_YYYYMMDDHHMMSS_HQ.csv', fields
 * separated by '_', Name made of letters and digits only, the date being the
 * SEND date in Paris time (the programmed time, or the upload start for an
 * immediate send). The file is uploaded as '.tmp' and renamed '.csv' once
 * complete, so the provider never reads a partial file.
 *
 * Dropdesk's Name = the campaign name cleaned to letters and digits, then the
 * part number when a big file is split ('P2'), then IDDELIVERY: the spec
 * gives no other place for a token that makes the drop recognisable on the
 * server (the exactly-once scan and the acknowledgement lookup search it).
 * The MULT option is never used: duplicates are removed by the list engine.
 */
import { formatStamp14, parisWallClockToInstant, parseStampDigits } from '../../scheduling/paris-time';
import { endsWithAllMySmsStop, type StopOptions } from '../../composer/stop-mention';
import { isValidDeliveryId } from '../delivery-id';
import type { ParsedProviderDate } from '../mediasflow/mediasflow-name';

/** Letters/digits kept from the campaign name; the whole name stays short in the provider's e-mails. */
export const maxAllmysmsCampaignPartLength = 40;
export const allmysmsFallbackName = 'Campagne';

const ligatures: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/**
 * 'Soldes d'hiver 2024 !' → 'SoldesDHiver2024': accents dropped, every word
 * after the first capitalised so the name stays readable without spaces.
 */
export function cleanAllmysmsCampaignName(input: string, maxLength = maxAllmysmsCampaignPartLength): string {
  const ascii = input
    .replace(/[œŒæÆß]/g, (character) => ligatures[character])
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const joined = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  return joined.slice(0, maxLength);
}

export interface AllmysmsNameInput {
  campaignName: string;
  idDelivery: string;
  /** Send date: the programmed time, or the upload start for an immediate send. */
  sendAt: Date;
  /** 1-based part of a split drop; no suffix when count is 1. */
  part?: { index: number; count: number };
}

export type AllmysmsNameResult = { ok: true; name: string } | { ok: false; problems: ('delivery-id' | 'part')[] };

export function buildAllmysmsName(input: AllmysmsNameInput): AllmysmsNameResult {
  if (!isValidDeliveryId(input.idDelivery)) return { ok: false, problems: ['delivery-id'] };
  const part = input.part;
  if (part && !(Number.isInteger(part.index) && Number.isInteger(part.count) && part.index >= 1 && part.index <= part.count)) {
    return { ok: false, problems: ['part'] };
  }
  const campaign = cleanAllmysmsCampaignName(input.campaignName) || allmysmsFallbackName;
  const partSuffix = part && part.count > 1 ? `P${part.index}` : '';
  return { ok: true, name: `${campaign}${partSuffix}${input.idDelivery}_${formatStamp14(input.sendAt)}_HQ.csv` };
}

export interface ParsedAllmysmsName {
  /** The Name field (letters and digits). */
  name: string;
  sendDate: ParsedProviderDate;
  multiple: boolean;
  /** '.csv' or '.tmp' as written. */
  extension: string;
}

const allmysmsNamePattern = /^([A-Za-z0-9]+)_(\d{14})_HQ(_MULT)?(\.csv|\.tmp)$/i;

export function parseAllmysmsName(fileName: string): ParsedAllmysmsName | null {
  const match = allmysmsNamePattern.exec(fileName);
  if (!match) return null;
  const wall = parseStampDigits(match[2]);
  const resolved = wall ? parisWallClockToInstant(wall) : null;
  if (!resolved?.ok) return null;
  return {
    name: match[1],
    sendDate: { text: match[2], digits: match[2], at: resolved.instant },
    multiple: match[3] !== undefined,
    extension: match[4],
  };
}

/** The '.tmp' name a drop is uploaded under before the rename. */
export function allmysmsTemporaryName(remoteName: string): string {
  return remoteName.replace(/\.csv$/i, '') + '.tmp';
}

export type AllmysmsSenderProblem = 'must-start-with-letter' | 'invalid-characters' | 'too-short' | 'too-long' | 'missing-stop-mention';

/**
 * AllMySMS sender rules (API §4.2, third column): starts with a letter,
 * unaccented letters, digits or spaces, 3 to 11 characters. With a message
 * sample, also checks the 'STOP au 36180' ending without which the sender is
 * ignored for France (the composer's rule, endsWithAllMySmsStop: one rule),
 * with the account's own mention when its connection sets one.
 */
export function checkAllmysmsSender(sender: string, messageSample?: string, options: StopOptions = {}): AllmysmsSenderProblem[] {
  const problems: AllmysmsSenderProblem[] = [];
  if (!/^[A-Za-z]/.test(sender)) problems.push('must-start-with-letter');
  if (!/^[A-Za-z0-9 ]*$/.test(sender)) problems.push('invalid-characters');
  if (sender.length < 3) problems.push('too-short');
  if (sender.length > 11) problems.push('too-long');
  if (messageSample !== undefined && !endsWithAllMySmsStop(messageSample, options)) problems.push('missing-stop-mention');
  return problems;
}
