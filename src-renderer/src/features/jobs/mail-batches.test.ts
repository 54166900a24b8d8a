import { describe, expect, it } from 'vitest';
import type { JobView } from '@shared/ipc/channels/queue';
import { mailBatchSummary } from './mail-batches';

const batch = (state: string, extra: Record<string, unknown> = {}) => ({ state, smtpAccepted: state !== 'ready', sendAttempts: state === 'ready' ? 0 : 1, ...extra });

describe('mail batches in Envois', () => {
  it('counts the e-mails sent, accepted and refused; batches cancelled before leaving are not counted', () => {
    const job = { mail: { recipients: 1200, batches: [batch('accepted'), batch('sent'), batch('ready'), batch('cancelled', { sendAttempts: 0, smtpAccepted: false })] } } as unknown as Pick<JobView, 'mail'>;
    expect(mailBatchSummary(job)).toEqual({ mails: 3, sent: 2, accepted: 1, rejected: 0, recipients: 1200 });
    expect(mailBatchSummary({})).toBeNull();
  });
});
