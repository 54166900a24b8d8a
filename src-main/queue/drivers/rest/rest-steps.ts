/**
 * The REST driver's effects, one step per call, each persisted through
 * ctx.apply before the next request leaves. The inject is the only request
 * that can send messages: "inject sent" is on disk before it leaves, and a
 * lost answer is never followed by a second inject — only by reads.
 */
import { UserFacingError } from '@shared/ipc/ipc-result';
import { frenchCount } from '@shared/i18n/french-count';
import { restPrepareBody } from '@shared/queue/rest/rest-request';
import type { JobEvent } from '@shared/queue/job-types';
import type { DriverContext } from '../../channel-driver';
import type { JobRecord } from '../../job-record';
import { RestError } from '../../../connectors/mediasflow-rest/rest-error';
import type { RestClient } from '../../../connectors/mediasflow-rest/rest-client';
import { readListId, readPrepared, readStatus, reasonOfRestError } from './rest-answers';
import { recheckOptOutsBeforeFirstUpload } from '../../../opt-outs/recheck-before-upload';

/** A failure before the inject: transient → backoff; refused → failed (nothing was sent either way). */
function beforeInjectEvent(error: unknown): JobEvent {
  const reason = reasonOfRestError(error);
  if (error instanceof RestError && error.transient) return { type: 'network-error', error: reason };
  return { type: 'permanent-error', error: reason };
}

/**
 * Before the list leaves: numbers that answered STOP since the job was queued
 * are left out (the shared file-drop rule), the saved list and Dropdesk's
 * expected figures rebuilt and saved first. 'blocked' (nothing sent, the job
 * waits for the opt-outs) when the opt-out list cannot be read.
 */
async function recheckOptOuts(start: JobRecord, ctx: DriverContext, optOutNumbers: () => Promise<ReadonlySet<string>>): Promise<JobRecord> {
  let recheck;
  let saved: JobRecord | null = null;
  try {
    recheck = await recheckOptOutsBeforeFirstUpload(start, {
      store: ctx.store,
      numberSet: optOutNumbers,
      family: 'mediasflow',
      persist: async (next) => {
        const rest = next.job.rest!;
        const before = rest.expected.recipients;
        const kept = next.file.recipients;
        // Credits scale with the rows kept (exact for a message without fields; otherwise MediasFlow's figure differing holds the job, never sends it).
        const credits = before > 0 ? Math.round((rest.expected.credits * kept * 100) / before) / 100 : 0;
        saved = { ...next, job: { ...next.job, rest: { ...rest, expected: { ...rest.expected, recipients: kept, credits } } } };
        await ctx.store.write(saved);
        ctx.show(saved);
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'opt-outs-unreadable') {
      ctx.say(`${start.job.id} : ${error.message} Envoi laissé en attente.`);
      const problem = error.params?.problem;
      return ctx.apply(start, { type: 'opt-outs-unreadable', ...(typeof problem === 'string' ? { detail: problem } : {}) });
    }
    throw error;
  }
  if (recheck.emptied) {
    return ctx.apply(start, {
      type: 'permanent-error',
      error: {
        code: 'all-opted-out',
        message: `Tous les destinataires de cet envoi (${recheck.removed}) ont demandé à ne plus recevoir de messages depuis sa programmation : rien n'a été envoyé.`,
        action: 'Annulez cet envoi.',
      },
    });
  }
  if (recheck.removed > 0) ctx.say(`${start.job.id} : ${frenchCount(recheck.removed, 'destinataire opposé depuis la programmation retiré', 'destinataires opposés depuis la programmation retirés')} de la liste avant l'envoi.`);
  return saved ?? recheck.record;
}

/** True when the recheck left the job waiting or failed: nothing may leave. */
function stoppedByRecheck(record: JobRecord): boolean {
  return record.job.state === 'failed' || (record.job.state === 'waiting' && record.job.waitingFor === 'opt-outs');
}

export async function uploadList(start: JobRecord, ctx: DriverContext, client: RestClient, optOutNumbers: () => Promise<ReadonlySet<string>>): Promise<JobRecord> {
  const record = await recheckOptOuts(start, ctx, optOutNumbers);
  if (stoppedByRecheck(record)) return record;
  try {
    const data = await ctx.store.readFile(record.job.id, record.file);
    const form = new FormData();
    form.set('filename', `${record.job.campaignName} ${record.job.idDelivery}`.slice(0, 200));
    form.set('File', new Blob([new Uint8Array(data)], { type: 'text/csv' }), record.file.name);
    const answer = await client.callJson<Record<string, unknown>>({ method: 'POST', path: '/lists/upload', form });
    return await ctx.apply(record, { type: 'rest-list-uploaded', listId: readListId(answer) });
  } catch (error) {
    return ctx.apply(record, beforeInjectEvent(error));
  }
}

export async function prepare(record: JobRecord, ctx: DriverContext, client: RestClient): Promise<JobRecord> {
  const rest = record.job.rest!;
  try {
    const answer = await client.callJson<Record<string, unknown>>({ method: 'POST', path: '/campaigns/inject', json: restPrepareBody(rest) });
    const prepared = readPrepared(answer);
    return await ctx.apply(record, { type: 'rest-prepared', ...prepared });
  } catch (error) {
    return ctx.apply(record, beforeInjectEvent(error));
  }
}

export async function inject(start: JobRecord, ctx: DriverContext, client: RestClient): Promise<JobRecord> {
  if (!(await ctx.stillOwned())) return start;
  // On disk before the request leaves: from now on this job is never injected again by itself.
  let record = await ctx.apply(start, { type: 'rest-inject-sending' });
  const campaignId = record.job.rest!.campaignId!;
  ctx.say(`${record.job.id} : envoi de la campagne MediasFlow n° ${campaignId}`);
  try {
    const answer = await client.callJson<Record<string, unknown>>({ method: 'POST', path: '/campaigns/inject', json: { campaignId, startNow: true } });
    record = await ctx.apply(record, { type: 'rest-injected', status: readStatus(answer.status) });
    ctx.notify('accepted', record, 'MediasFlow');
    return record;
  } catch (error) {
    if (error instanceof RestError && (error.kind === 'refused' || error.kind === 'not-sent' || error.kind === 'rate-limited')) {
      // An answer that refuses, or a connection never opened: nothing was sent.
      return ctx.apply(record, { type: 'rest-inject-refused', error: reasonOfRestError(error) });
    }
    ctx.log(`queue: the answer to the inject of ${record.job.id} was lost`, error);
    return ctx.apply(record, { type: 'rest-inject-unknown', error: reasonOfRestError(error) });
  }
}

/** After an unknown outcome: a read (the campaign's report) — never a second inject. */
export async function reconcile(start: JobRecord, ctx: DriverContext, client: RestClient): Promise<JobRecord> {
  let record = start;
  if (record.job.state === 'uploading') record = await ctx.apply(record, { type: 'interrupted' });
  const campaignId = record.job.rest!.campaignId!;
  try {
    const rows = await client.callJson<unknown>({ method: 'GET', path: `/campaigns/reportjson/${campaignId}` });
    if (Array.isArray(rows) && rows.length > 0) {
      record = await ctx.apply(record, { type: 'rest-reconciled', status: 'INJECTED' });
      ctx.notify('accepted', record, 'MediasFlow');
      return record;
    }
    return await ctx.apply(record, { type: 'rest-reconcile-not-yet' });
  } catch (error) {
    return ctx.apply(record, { type: 'rest-reconcile-not-yet', error: reasonOfRestError(error) });
  }
}

export async function cancelScheduled(record: JobRecord, ctx: DriverContext, client: RestClient): Promise<JobRecord> {
  const campaignId = record.job.rest!.campaignId!;
  try {
    await client.call({ method: 'POST', path: `/campaigns/${campaignId}/cancel` });
    return await ctx.apply(record, { type: 'rest-campaign-cancelled' });
  } catch (error) {
    if (error instanceof RestError && error.kind === 'refused') return ctx.apply(record, { type: 'rest-cancel-refused', error: reasonOfRestError(error) });
    ctx.log(`queue: cancel of campaign ${campaignId} (${record.job.id}) did not get an answer; will try again`, error);
    return record;
  }
}
