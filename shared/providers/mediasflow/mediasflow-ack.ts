/**
 * MediasFlow acknowledgements (guide §3). Once processed, the dropped file
 * moves to '<drop folder>/TRAITEMENT OK' beside a '.ar' text file holding the
 * campaign number, or to '<drop folder>/TRAITEMENT KO' beside a '.bad' text
 * file holding a code 01–09. "Same name with the extension .ar" reads two
 * ways — 'name.ar' or 'name.csv.ar' — and both are accepted.
 */
import frCampaigns from '../../i18n/fr/campaigns.json';
import { fillTemplate, type AckResult } from '../ack-result';
import type { Channel } from '../provider-ids';

export const mediasflowRootFolder = '/Campagnes';
export const mediasflowOkFolderName = 'TRAITEMENT OK';
export const mediasflowKoFolderName = 'TRAITEMENT KO';

export const mediasflowAckCodes = ['01', '02', '03', '04', '05', '06', '07', '08', '09'] as const;
export type MediasflowAckCode = (typeof mediasflowAckCodes)[number];

export function mediasflowDropFolder(channel: Channel): string {
  return `${mediasflowRootFolder}/${channel === 'vms' ? 'VMS' : 'SMS'}`;
}

export function mediasflowAckFolders(channel: Channel): { ok: string; ko: string } {
  const drop = mediasflowDropFolder(channel);
  return { ok: `${drop}/${mediasflowOkFolderName}`, ko: `${drop}/${mediasflowKoFolderName}` };
}

function withoutCsv(name: string): string {
  return name.replace(/\.csv$/i, '');
}

/** Both readings of the acknowledgement's name, for '.ar' or '.bad'. */
export function ackFileNames(remoteName: string, extension: '.ar' | '.bad'): string[] {
  const names = [`${withoutCsv(remoteName)}${extension}`, `${remoteName}${extension}`];
  return names[0] === names[1] ? [names[0]] : names;
}

/** Which acknowledgement `fileName` is for `remoteName`, if any (case-insensitive, providers may change case). */
export function matchMediasflowAckName(fileName: string, remoteName: string): 'ar' | 'bad' | null {
  const lower = fileName.toLowerCase();
  if (ackFileNames(remoteName, '.ar').some((name) => name.toLowerCase() === lower)) return 'ar';
  if (ackFileNames(remoteName, '.bad').some((name) => name.toLowerCase() === lower)) return 'bad';
  return null;
}

export function isMediasflowAckCode(code: string): code is MediasflowAckCode {
  return (mediasflowAckCodes as readonly string[]).includes(code);
}

/** Plain-French problem and action of a code 01–09. */
export function describeMediasflowCode(code: MediasflowAckCode): { problem: string; action: string } {
  return frCampaigns.mediasflowAck.codes[code];
}

function cleanContent(content: string): string {
  return content.replace(/^\uFEFF/, '').trim();
}

/**
 * The answer held by an acknowledgement file: '.ar' → accepted with the
 * campaign number (the first run of digits; null if the file is empty),
 * '.bad' → rejected with the code (the first standalone 1–2 digit number,
 * '2' or '02'). A '.bad' we cannot read is still a rejection, with the text
 * kept verbatim. Null when the name is neither.
 */
export function interpretMediasflowAck(fileName: string, content: string): AckResult | null {
  const lower = fileName.toLowerCase();
  const text = cleanContent(content);
  if (lower.endsWith('.ar')) {
    const number = /\d+/.exec(text);
    return { kind: 'accepted', campaignId: number ? number[0] : null };
  }
  if (!lower.endsWith('.bad')) return null;
  const codeMatch = /(?:^|\D)(\d{1,2})(?!\d)/.exec(text);
  const code = codeMatch ? codeMatch[1].padStart(2, '0') : '';
  if (isMediasflowAckCode(code)) {
    const { problem, action } = describeMediasflowCode(code);
    return { kind: 'rejected', code, message: problem, action };
  }
  const detail = text.slice(0, 500) || '(vide)';
  const unknown = frCampaigns.mediasflowAck.unknownCode;
  return { kind: 'rejected', code: 'unknown', message: fillTemplate(unknown.problem, { detail }), action: unknown.action, detail };
}
