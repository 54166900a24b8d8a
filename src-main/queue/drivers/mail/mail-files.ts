/** A batch's mail is saved in the job's folder of the queue (<dataDir>/queue/<jobId>/<emailId>.eml), atomically, before the record naming it. */
import type { BatchMailWriter } from '../../../isendpro-mail/create-batches';
import type { JobStore } from '../../job-store';

export function mailWriter(store: Pick<JobStore, 'saveFile'>): BatchMailWriter {
  return {
    async writeMail(jobId, mailFile, bytes) {
      await store.saveFile(jobId, mailFile, bytes, 0);
    },
  };
}
