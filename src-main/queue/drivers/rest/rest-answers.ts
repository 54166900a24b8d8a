/** Reading MediasFlow's answers into the REST job's events (pure checks of the JSON Dropdesk relies on). */
import { restCampaignStatuses, type RestCampaignStatus, type RestFigures } from '@shared/queue/rest/rest-job-types';
import type { JobReason } from '@shared/queue/job-types';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { RestError } from '../../../connectors/mediasflow-rest/rest-error';

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

function unreadable(what: string): RestError {
  return new RestError('no-answer', `La réponse de MediasFlow ${what} est incomplète ou illisible.`);
}

/** The list number from /lists/upload: `id`; `idlistItems`, when present, must agree. */
export function readListId(answer: Record<string, unknown>): number {
  const id = answer.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) throw unreadable('au dépôt de la liste');
  if (answer.idlistItems !== undefined && answer.idlistItems !== id) throw unreadable('au dépôt de la liste (deux numéros de liste différents)');
  return id;
}

export function readStatus(value: unknown): RestCampaignStatus {
  if (typeof value === 'string' && (restCampaignStatuses as readonly string[]).includes(value)) return value as RestCampaignStatus;
  throw unreadable(`(statut de campagne inconnu « ${String(value)} »)`);
}

/** The prepare's echo: campaign id, status and the figures Dropdesk compares. */
export function readPrepared(answer: Record<string, unknown>): { campaignId: number; status: RestCampaignStatus; answered: RestFigures } {
  const campaignId = answer.id;
  if (typeof campaignId !== 'number' || !Number.isInteger(campaignId) || campaignId <= 0) throw unreadable('à la préparation');
  const figures = {
    recipients: count(answer.countRecipient),
    invalid: count(answer.countInvalidRecipient),
    duplicates: count(answer.countDuplicateRecipient),
    blacklisted: count(answer.countInBlackListRecipient),
    renderingErrors: count(answer.countErrorRendering),
  };
  const credits = typeof answer.creditCount === 'number' && answer.creditCount >= 0 ? answer.creditCount : null;
  if (Object.values(figures).some((value) => value === null) || credits === null || typeof answer.message !== 'string') throw unreadable('à la préparation (chiffres manquants)');
  return {
    campaignId,
    status: readStatus(answer.status),
    answered: {
      ...(figures as Record<keyof typeof figures, number>),
      credits,
      sender: typeof answer.sender === 'string' ? answer.sender : null,
      message: answer.message,
    },
  };
}

export function reasonOfRestError(error: unknown): JobReason {
  if (error instanceof RestError) {
    const reason: JobReason = { code: error.status ? `http-${error.status}` : `rest-${error.kind}`, message: error.message };
    if (error.detail) reason.detail = error.detail;
    return reason;
  }
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', message: `Erreur inattendue pendant l'envoi : ${message}`, detail: message };
}
