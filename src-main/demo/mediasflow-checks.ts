/**
 * What the demo MediasFlow box answers about one dropped file (guide §2.2,
 * §3), as a pure function of the name, the folder, the reception time, the
 * header and the account's templates. Order of the checks, where the guide
 * is silent: name and IDCAMPAGNE characters (02/06), stamp (01), PROG (05), template (03, 09, 08),
 * channel folder (07), header (04).
 */
import { mediasflowStampValidityMs, parseMediasflowName, type ParsedMediasflowName } from '@shared/providers/mediasflow/mediasflow-name';
import { validateCampaignName } from '@shared/providers/mediasflow/campaign-name';
import { isMediasflowMobileHeader } from '@shared/providers/mediasflow/mediasflow-file';
import type { MediasflowAckCode } from '@shared/providers/mediasflow/mediasflow-ack';
import type { DemoTemplate } from './demo-options';

export interface MediasflowDropInput {
  fileName: string;
  /** Channel of the folder the file was dropped in (/Campagnes/SMS or /Campagnes/VMS). */
  folderChannel: 'sms' | 'vms';
  /** When the file arrived. */
  receivedAt: Date;
  /** First record of the file, or null when it has none (empty, binary). */
  header: readonly string[] | null;
  templates: readonly DemoTemplate[];
}

export type MediasflowDropVerdict =
  | { accepted: true; parsed: ParsedMediasflowName; template: DemoTemplate; mobileColumn: number }
  | { accepted: false; code: MediasflowAckCode; parsed: ParsedMediasflowName | null };

export function checkMediasflowDrop(input: MediasflowDropInput): MediasflowDropVerdict {
  const parsed = parseMediasflowName(input.fileName);
  const nameProblems = parsed ? validateCampaignName(parsed.campaignName).problems : [];
  // IDCAMPAGNE: letters, accents, digits and spaces only (guide §2.2, "caractères spéciaux NON acceptés").
  if (!parsed || parsed.extension === null || nameProblems.includes('invalid-characters') || nameProblems.includes('empty')) {
    // 06 lists the programmed forms too: answer it when the sender clearly tried one.
    return { accepted: false, code: /PROG/i.test(input.fileName) ? '06' : '02', parsed: null };
  }
  const received = input.receivedAt.getTime();
  if (parsed.stamp && received - parsed.stamp.at.getTime() >= mediasflowStampValidityMs) return { accepted: false, code: '01', parsed };
  if (parsed.prog && parsed.prog.at.getTime() < received) return { accepted: false, code: '05', parsed };

  const template = input.templates.find((candidate) => candidate.id === parsed.idMediasflow.replace(/^0+(?=\d)/, ''));
  if (!template) return { accepted: false, code: '03', parsed };
  if (template.status === 'envoyee') return { accepted: false, code: '09', parsed };
  if (template.channel !== input.folderChannel) return { accepted: false, code: '07', parsed };

  const mobileColumn = input.header ? input.header.findIndex((name) => isMediasflowMobileHeader(name)) : -1;
  if (mobileColumn === -1) return { accepted: false, code: '04', parsed };
  if (template.status === 'internal-error') return { accepted: false, code: '08', parsed };
  return { accepted: true, parsed, template, mobileColumn };
}
