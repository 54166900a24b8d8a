/** The facts of an iSendPro mail-to-SMS connection on its card, and what "Tester la connexion" found (both logins, nothing sent). */
import { useTranslation } from 'react-i18next';
import type { ConnectionView, MailTestView } from '@shared/ipc/channels/connections';

export function MailConnectionFacts({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation('connections');
  const mail = connection.mail!;
  return (
    <dl className="connection-facts" data-testid="mail-facts">
      <div>
        <dt>{t('mail.facts.smtp')}</dt>
        <dd className="mono">
          {mail.smtp.host}:{mail.smtp.port} ({t(`mail.securities.${mail.smtp.security}`)})
        </dd>
      </div>
      <div>
        <dt>{t('mail.facts.imap')}</dt>
        <dd className="mono">
          {mail.imap.host}:{mail.imap.port} ({mail.imap.user})
        </dd>
      </div>
      <div>
        <dt>{t('mail.facts.from')}</dt>
        <dd>{mail.from}</dd>
      </div>
      <div>
        <dt>{t('mail.facts.answers')}</dt>
        <dd>{mail.emailAck}</dd>
      </div>
      <div>
        <dt>{t('mail.facts.keyid')}</dt>
        <dd data-testid="keyid-source">{t(`screen.passwordSource.${mail.keyidSource}`)}</dd>
      </div>
      {mail.oauth ? (
        <div>
          <dt>{t('mail.microsoft.legend')}</dt>
          <dd data-testid="microsoft-facts" data-status={mail.oauth.status} className={mail.oauth.status === 'sign-in-required' ? 'bad' : undefined}>
            {mail.oauth.status === 'signed-in'
              ? t('mail.microsoft.signedIn', { account: mail.oauth.account ?? '' })
              : mail.oauth.status === 'sign-in-required'
                ? t('mail.microsoft.factsSignInRequired')
                : t('mail.microsoft.factsSignedOut')}
          </dd>
        </div>
      ) : null}
      {/* A Microsoft 365 connection has no password: its sign-in is the line above. */}
      {mail.oauth ? null : (
        <div>
          <dt>{t('screen.facts.password')}</dt>
          <dd data-testid="password-source">{t(`screen.passwordSource.${connection.passwordSource}`)}</dd>
        </div>
      )}
    </dl>
  );
}

export function MailTestResult({ result }: { result: MailTestView }) {
  const { t } = useTranslation('connections');
  const ok = result.smtp.ok && result.imap.ok;
  return (
    <div className={ok ? 'connection-check ok' : 'connection-check bad'} role={ok ? 'status' : 'alert'} data-testid="connection-check" data-status={ok ? 'ok' : 'mail-failed'}>
      <p className="check-title">{ok ? t('mail.test.ok') : t('mail.test.failed')}</p>
      <ul className="folder-list">
        {(['smtp', 'imap'] as const).map((kind) => (
          <li key={kind} className={result[kind].ok ? 'folder present' : 'folder missing'} data-testid={`mail-test-${kind}`}>
            <span aria-hidden="true">{result[kind].ok ? '✓' : '✗'}</span> {t(`mail.facts.${kind}`)} : {result[kind].messageKey ? t(result[kind].messageKey, { ...result[kind].params, defaultValue: result[kind].message }) : result[kind].message}
          </li>
        ))}
      </ul>
    </div>
  );
}
