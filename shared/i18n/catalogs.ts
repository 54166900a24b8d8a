/**
 * French and English catalogues, one JSON file per feature namespace so each
 * feature owns its text. French is the reference language.
 */
import frCommon from './fr/common.json';
import frLists from './fr/lists.json';
import frComposer from './fr/composer.json';
import frCampaigns from './fr/campaigns.json';
import frConnections from './fr/connections.json';
import frQueue from './fr/queue.json';
import frReports from './fr/reports.json';
import frErrors from './fr/errors.json';
import enCommon from './en/common.json';
import enLists from './en/lists.json';
import enComposer from './en/composer.json';
import enCampaigns from './en/campaigns.json';
import enConnections from './en/connections.json';
import enQueue from './en/queue.json';
import enReports from './en/reports.json';
import enErrors from './en/errors.json';

export const namespaces = ['common', 'lists', 'composer', 'campaigns', 'connections', 'queue', 'reports', 'errors'] as const;
export type Namespace = (typeof namespaces)[number];

export const catalogs = {
  fr: {
    common: frCommon,
    lists: frLists,
    composer: frComposer,
    campaigns: frCampaigns,
    connections: frConnections,
    queue: frQueue,
    reports: frReports,
    errors: frErrors,
  },
  en: {
    common: enCommon,
    lists: enLists,
    composer: enComposer,
    campaigns: enCampaigns,
    connections: enConnections,
    queue: enQueue,
    reports: enReports,
    errors: enErrors,
  },
} as const;
