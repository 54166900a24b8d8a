import type { ReportSummary } from './summarize-report';

/**
 * Whether the report confirms no delivery either way (none delivered, none
 * undelivered) while some messages went without confirmation, as iSendPro's
 * answers by mail do: a delivery rate of 0 % would then read as a failure.
 */
export function deliveryUnconfirmed(summary: Pick<ReportSummary, 'categories'>): boolean {
  const { delivered, undelivered, sentUnconfirmed } = summary.categories;
  return delivered === 0 && undelivered === 0 && sentUnconfirmed > 0;
}

/** The figures Rapports shows beside a campaign's name in its list, from the latest version's summary. */
export function reportHeadline(summary: ReportSummary) {
  return {
    recipients: summary.recipients,
    delivered: summary.categories.delivered,
    deliveredRate: summary.deliveredRate,
    deliveryUnconfirmed: deliveryUnconfirmed(summary),
    stop: summary.stop,
    clicks: summary.clicks,
  };
}

export type ReportHeadline = ReturnType<typeof reportHeadline>;
