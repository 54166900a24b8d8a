/** Envois: an iSendPro mail-to-SMS job's e-mails (one per batch of 500 recipients) and where each one stands. */
import { useTranslation } from 'react-i18next';
import type { JobView } from '@shared/ipc/channels/queue';
import { mailBatchSummary } from './mail-batches';
import { MailboxWatchNote } from './mailbox-watch-note';

export function MailBatchesPanel({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const summary = mailBatchSummary(job);
  if (!summary || !job.mail) return null;
  return (
    <div className="mail-batches" data-testid="mail-batches">
      <p className="small" data-testid="mail-batches-summary">
        {t('mail.summary', { sent: summary.sent, mails: summary.mails, accepted: summary.accepted })}
        {summary.rejected > 0 && ` · ${t('mail.rejected', { count: summary.rejected })}`}
      </p>
      <MailboxWatchNote connectionId={job.connectionId} />
      <ul className="mail-batch-list">
        {job.mail.batches.map((batch) => (
          <li key={batch.emailId} className={`mail-batch state-${batch.state}`} data-testid="mail-batch" data-state={batch.state}>
            <span className="mono">{batch.emailId}</span> · {t('mail.recipients', { count: batch.recipients.length })} · {t(`mail.states.${batch.state}`)}
            {batch.ack && ` (${t('mail.code', { code: batch.ack.code })})`}
            {batch.followUpOf !== null && ` · ${t('mail.followUp', { emailId: batch.followUpOf })}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
