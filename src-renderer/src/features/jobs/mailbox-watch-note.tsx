/** Envois, on a mail-to-SMS job: « Boîte de réception surveillée » while the app watches its connection's answer mailbox (IMAP IDLE), with the last read. */
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { formatParisShort } from '../../i18n/format';

export function MailboxWatchNote({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation('queue');
  const language = useDropdesk((state) => state.language);
  const watch = useDropdesk((state) => state.mailboxWatch.find((entry) => entry.connectionId === connectionId));
  if (!watch) return null;
  return (
    <p className="small mailbox-watch" title={t('mail.watch.help')} data-testid="mailbox-watch" data-connected={watch.connected ? 'yes' : 'no'}>
      <span className={`mailbox-watch-dot${watch.connected ? ' connected' : ''}`} aria-hidden="true" />
      {t('mail.watch.watched')}
      {watch.lastScanAt && ` · ${t('mail.watch.lastScan', { at: formatParisShort(watch.lastScanAt, language) })}`}
      {!watch.connected && ` · ${t('mail.watch.reconnecting')}`}
    </p>
  );
}
