/**
 * The MediasFlow SMS REST API as a channel driver: 'rest-upload-list' →
 * 'rest-prepare' (startNow false, figures checked) → 'rest-inject' (once) →
 * accepted; 'rest-reconcile' reads after an unknown outcome; 'rest-cancel'
 * cancels a scheduled campaign. Pure rules: shared/queue/rest/.
 */
import { restDueAction, restNextWakeAt } from '@shared/queue/rest/rest-schedule';
import { restTransition } from '@shared/queue/rest/rest-transition';
import type { ChannelDriver } from '../../channel-driver';
import type { JobRecord } from '../../job-record';
import type { QueueConnections } from '../../queue-types';
import { RestError } from '../../../connectors/mediasflow-rest/rest-error';
import { createRestClient, type RestClientOptions, type RestEndpoint } from '../../../connectors/mediasflow-rest/rest-client';
import { cancelScheduled, inject, prepare, reconcile, uploadList } from './rest-steps';
import { reasonOfRestError } from './rest-answers';

export interface RestDriverSettings {
  /** The job's connection → where and as whom to call the API. */
  endpointFor(record: JobRecord): Promise<RestEndpoint>;
  /** Fixed options, or per endpoint (the proxy depends on the host). */
  clientOptions?: RestClientOptions | ((endpoint: RestEndpoint) => RestClientOptions);
  /** The opt-out numbers now, re-checked before the list leaves (throws 'opt-outs-unreadable': the job waits, nothing sent). */
  optOutNumbers?: () => Promise<ReadonlySet<string>>;
}

/** The job's connection → its API endpoint, through the connections service (password resolved as for SFTP). */
export async function restEndpointOfJob(connections: QueueConnections, record: JobRecord): Promise<RestEndpoint> {
  if (!connections.resolveRestEndpoint) throw new RestError('config', "Cette installation ne sait pas joindre l'API MediasFlow.");
  // A UserFacingError (password-required, demo-unavailable, connection-not-found) keeps its code in the job's reason.
  return connections.resolveRestEndpoint(await connections.getStored(record.job.connectionId));
}

export function createRestDriver(settings: RestDriverSettings): ChannelDriver {
  const optOutNumbers = settings.optOutNumbers ?? (async () => new Set<string>());
  return {
    name: 'rest',
    handles: (providerId) => providerId === 'mediasflow-rest',
    dueAction: (job, now, context) => (context.online || job.state === 'uploading' ? restDueAction(job, now) : null),
    nextWakeAt: restNextWakeAt,
    transition: restTransition,
    async work(action, record, ctx) {
      let endpoint: RestEndpoint;
      try {
        endpoint = await settings.endpointFor(record);
      } catch (error) {
        if (action === 'rest-reconcile') return ctx.apply(record.job.state === 'uploading' ? await ctx.apply(record, { type: 'interrupted' }) : record, { type: 'rest-reconcile-not-yet', error: reasonOfRestError(error) });
        if (action === 'rest-cancel') return record;
        return ctx.apply(record, { type: 'permanent-error', error: reasonOfRestError(error) });
      }
      const client = createRestClient(endpoint, typeof settings.clientOptions === 'function' ? settings.clientOptions(endpoint) : settings.clientOptions);
      try {
        if (action === 'rest-upload-list') return await uploadList(record, ctx, client, optOutNumbers);
        if (action === 'rest-prepare') return await prepare(record, ctx, client);
        if (action === 'rest-inject') return await inject(record, ctx, client);
        if (action === 'rest-reconcile') return await reconcile(record, ctx, client);
        if (action === 'rest-cancel') return await cancelScheduled(record, ctx, client);
        throw new Error(`rest: unknown step ${action}`);
      } finally {
        await client.close();
      }
    },
    async checkAnswer(record, ctx) {
      return this.work('rest-reconcile', record, ctx);
    },
    async beforeResend(record) {
      // Nothing to prove: the state machine refuses any decision once the inject may have left.
      return { record, found: false };
    },
  };
}
