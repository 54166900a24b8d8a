/**
 * The desktop notification of a new report version (issue 11 §9), in the
 * words of the report screen: "Nouveau rapport pour « Soldes d’hiver » :
 * 1 234 délivrés sur 1 300". French, like the queue's own notifications.
 */
import type { ReportSummary } from '@shared/reports/summarize-report';

const count = (value: number) => new Intl.NumberFormat('fr-FR').format(value);

export function newReportNotification(campaignName: string, latest: Pick<ReportSummary, 'recipients' | 'categories'>): { title: string; body: string } {
  const delivered = latest.categories.delivered;
  const word = delivered > 1 ? 'délivrés' : 'délivré';
  return {
    title: 'Nouveau rapport de remise',
    body: `Nouveau rapport pour « ${campaignName} » : ${count(delivered)} ${word} sur ${count(latest.recipients)}`,
  };
}
