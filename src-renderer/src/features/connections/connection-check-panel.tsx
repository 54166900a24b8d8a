/**
 * What "Tester la connexion" found: folders present and missing, a first SSH
 * host key to verify and pin, a changed key (blocking), a password to type.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestView, ConnectionView } from '@shared/ipc/channels/connections';
import { useDropdesk } from '../../store/store-context';
import { describeError } from '../../i18n/describe-error';
import type { ConnectionCheck } from './connections-slice';

export function ConnectionCheckPanel({ connection, check }: { connection: ConnectionView; check: ConnectionCheck }) {
  const { t, i18n } = useTranslation('connections');
  if (check.status === 'testing') {
    return (
      <div className="connection-check" role="status" data-testid="connection-check" data-status="testing">
        <span className="spinner" aria-hidden="true" /> {t('screen.test.running')}
      </div>
    );
  }
  if (check.status === 'password-required') return <PasswordPrompt connection={connection} />;
  if (check.status === 'error') {
    return (
      <div className="connection-check bad" role="alert" data-testid="connection-check" data-status="error">
        {describeError(t, check.error, (key) => i18n.exists(key))}
      </div>
    );
  }
  return <TestResult connection={connection} result={check.result} />;
}

function TestResult({ connection, result }: { connection: ConnectionView; result: ConnectionTestView }) {
  const { t } = useTranslation('connections');
  if (result.connected) {
    const ok = result.missingFolders.length === 0;
    return (
      <div className={ok ? 'connection-check ok' : 'connection-check warn'} role="status" data-testid="connection-check" data-status={ok ? 'ok' : 'missing-folders'}>
        <p className="check-title">{ok ? t('screen.test.ok') : t('screen.test.missing', { n: result.missingFolders.length })}</p>
        <ul className="folder-list">
          {result.presentFolders.map((folder) => (
            <li key={folder} className="folder present" data-testid="folder-present">
              <span aria-hidden="true">✓</span> <code>{folder}</code> <span className="muted">{t('screen.test.present')}</span>
            </li>
          ))}
          {result.missingFolders.map((folder) => (
            <li key={folder} className="folder missing" data-testid="folder-missing">
              <span aria-hidden="true">✗</span> <code>{folder}</code> <span>{t('screen.test.absent')}</span>
            </li>
          ))}
        </ul>
        {!ok && <p className="small">{t('screen.test.missingHelp')}</p>}
        {connection.profile === 'mediasflow-rest' && <p className="small" data-testid="rest-test-ok">{t('rest.connected', { host: connection.demo ? '127.0.0.1' : connection.host })}</p>}
        {result.passwordTravelsInClear && <p className="small warn-text">{t('security.plainFtp')}</p>}
      </div>
    );
  }
  const { error } = result;
  const fingerprint = result.hostKeyFingerprint ?? (typeof error.params.fingerprint === 'string' ? error.params.fingerprint : null);
  if (error.kind === 'host-key-unknown' && fingerprint) return <FirstHostKey connection={connection} fingerprint={fingerprint} />;
  if (error.kind === 'host-key-mismatch' && fingerprint) return <ChangedHostKey connection={connection} fingerprint={fingerprint} />;
  return (
    <div className="connection-check bad" role="alert" data-testid="connection-check" data-status="failed" data-kind={error.kind}>
      <p className="check-title">{t('screen.test.failed')}</p>
      <p>{t(error.messageKey, { ...(error.params as Record<string, unknown>), detail: error.params.detail ?? '—', defaultValue: error.message })}</p>
    </div>
  );
}

/** A panel that needs the user's attention scrolls into view when it appears. */
function useRevealed<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return ref;
}

/** First connection to an SSH server: the user compares the fingerprint with the provider's, then pins it. */
function FirstHostKey({ connection, fingerprint }: { connection: ConnectionView; fingerprint: string }) {
  const { t } = useTranslation('connections');
  const pinHostKey = useDropdesk((state) => state.pinHostKey);
  const panel = useRevealed<HTMLDivElement>();
  return (
    <div ref={panel} className="connection-check host-key" role="alert" data-testid="host-key-first" data-status="host-key-unknown">
      <p className="check-title">{t('screen.hostKey.firstTitle', { host: connection.host })}</p>
      <p>{t('screen.hostKey.firstExplain')}</p>
      <div className="fingerprint-box">
        <span className="small muted">{t('security.fingerprintLabel')}</span>
        <code className="fingerprint" data-testid="fingerprint">{fingerprint}</code>
      </div>
      <p className="strong-line">{t('screen.hostKey.verify')}</p>
      <div className="check-actions">
        <button type="button" className="button primary" onClick={() => void pinHostKey(connection.id, fingerprint)} data-testid="pin-host-key">
          {t('security.confirmFingerprint')}
        </button>
      </div>
    </div>
  );
}

/** The server shows another key than the pinned one: stop, explain, call the provider. */
function ChangedHostKey({ connection, fingerprint }: { connection: ConnectionView; fingerprint: string }) {
  const { t } = useTranslation('connections');
  const pinHostKey = useDropdesk((state) => state.pinHostKey);
  const [confirmedByProvider, setConfirmedByProvider] = useState(false);
  const panel = useRevealed<HTMLDivElement>();
  return (
    <div ref={panel} className="connection-check danger" role="alert" data-testid="host-key-mismatch" data-status="host-key-mismatch">
      <p className="check-title">{t('screen.hostKey.mismatchTitle')}</p>
      <p>{t('screen.hostKey.mismatchExplain', { host: connection.host })}</p>
      <ul className="danger-steps">
        <li>{t('screen.hostKey.mismatchStop')}</li>
        <li>{t('screen.hostKey.mismatchCall')}</li>
      </ul>
      <dl className="fingerprint-compare">
        <div>
          <dt>{t('screen.hostKey.pinned')}</dt>
          <dd>
            <code className="fingerprint">{connection.hostKey}</code>
          </dd>
        </div>
        <div>
          <dt>{t('screen.hostKey.shown')}</dt>
          <dd>
            <code className="fingerprint" data-testid="fingerprint">{fingerprint}</code>
          </dd>
        </div>
      </dl>
      <details className="danger-details">
        <summary>{t('screen.hostKey.providerChangedIt')}</summary>
        <label className="checkbox">
          <input type="checkbox" checked={confirmedByProvider} onChange={(event) => setConfirmedByProvider(event.target.checked)} />
          <span>{t('screen.hostKey.providerConfirmed')}</span>
        </label>
        <button type="button" className="button danger" disabled={!confirmedByProvider} onClick={() => void pinHostKey(connection.id, fingerprint)}>
          {t('screen.hostKey.replace')}
        </button>
      </details>
    </div>
  );
}

/** Encryption unavailable (or another computer): the password is typed for this session only. */
function PasswordPrompt({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation('connections');
  const testConnection = useDropdesk((state) => state.testConnection);
  const [password, setPassword] = useState('');
  return (
    <form
      className="connection-check warn"
      data-testid="connection-check"
      data-status="password-required"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) void testConnection(connection.id, password);
      }}
    >
      <p className="check-title">{t('screen.password.neededTitle')}</p>
      <p className="small">
        {connection.passwordEnv ? t('screen.password.neededWithEnv', { env: connection.passwordEnv }) : t('screen.password.needed')}
      </p>
      <div className="check-actions">
        <input
          className="input"
          type="password"
          autoComplete="off"
          value={password}
          aria-label={t('screen.form.password')}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="session-password"
        />
        <button type="submit" className="button primary" disabled={!password}>
          {t('screen.test.run')}
        </button>
      </div>
    </form>
  );
}
