/** "Connexions": the provider accounts drops go to, with the demo sandbox first. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { useDropdesk } from '../../store/store-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ConnectionEditor } from './connection-editor';
import { ConnectionCheckPanel } from './connection-check-panel';
import { isMailProvider, protocolOf, providerStopMention } from './connection-form';
import { MailConnectionEditor } from './mail-connection-editor';
import { MailConnectionFacts, MailTestResult } from './mail-connection-card';
import './connections.css';
import { ScreenHeader } from '../../ui/screen-header';
import { EmptyState } from '../../ui/empty-state';

export function ConnectionsScreen() {
  const { t } = useTranslation('connections');
  const connections = useDropdesk((state) => state.connections);
  const loaded = useDropdesk((state) => state.connectionsLoaded);
  const loadConnections = useDropdesk((state) => state.loadConnections);
  const testConnection = useDropdesk((state) => state.testConnection);
  const deleteConnection = useDropdesk((state) => state.deleteConnection);
  // Fail closed: until main says passwords can be encrypted here, do not promise it.
  const canStoreSecrets = useDropdesk((state) => state.appInfo?.canStoreSecrets ?? false);
  const [editing, setEditing] = useState<ConnectionView | 'new' | 'new-mail' | null>(null);
  const [deleting, setDeleting] = useState<ConnectionView | null>(null);

  useEffect(() => {
    void loadConnections();
  }, [loadConnections]);

  return (
    <section className="screen connections-screen" aria-labelledby="connections-title">
      <ScreenHeader titleId="connections-title" title={t('screen.title')} subtitle={t(canStoreSecrets ? 'screen.subtitle' : 'screen.subtitleSessionOnly')}>
        <button type="button" className="button primary" onClick={() => setEditing('new')} data-testid="add-connection">
          {t('screen.add')}
        </button>
        <button type="button" className="button" onClick={() => setEditing('new-mail')} data-testid="add-mail-connection">
          {t('mail.addButton')}
        </button>
      </ScreenHeader>

      {loaded && connections.length === 0 && (
        <EmptyState testId="connections-empty" title={t('screen.emptyTitle')} hint={t('screen.emptyHint')} />
      )}

      <ul className="connection-list" data-testid="connections">
        {connections.map((connection) => (
          <ConnectionCard
            key={connection.id}
            connection={connection}
            onTest={() => void testConnection(connection.id)}
            onEdit={() => setEditing(connection)}
            onDelete={() => setDeleting(connection)}
          />
        ))}
      </ul>

      {(editing === 'new-mail' || (editing !== null && editing !== 'new' && editing.mail)) && (
        <MailConnectionEditor
          editing={editing === 'new-mail' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            void testConnection(saved.id);
          }}
        />
      )}
      {editing && editing !== 'new-mail' && !(editing !== 'new' && editing.mail) && (
        <ConnectionEditor
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            // Test at once: it shows the server's SSH key to confirm on a first connection.
            void testConnection(saved.id);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('screen.delete.title', { name: deleting.name })}
          message={deleting.demo ? t('screen.delete.demoMessage') : t('screen.delete.message')}
          confirmLabel={t('screen.delete.confirm')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void deleteConnection(id);
          }}
        />
      )}
    </section>
  );
}

function ConnectionCard({
  connection,
  onTest,
  onEdit,
  onDelete,
}: {
  connection: ConnectionView;
  onTest: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('connections');
  const check = useDropdesk((state) => state.connectionChecks[connection.id]);
  const passwordOutcome = useDropdesk((state) => state.passwordOutcomes[connection.id]);
  const isMail = connection.mail !== undefined;
  // The demo iSendPro connection has no servers of its own to show (the local box gives them): the demo facts below.
  const isSftp = !isMail && !isMailProvider(connection.provider) && protocolOf(connection.provider) === 'sftp';
  const stopMention = connection.stopMention || providerStopMention(connection.provider);
  return (
    <li className="card connection-card" data-testid="connection" data-connection={connection.name} data-demo={connection.demo}>
      <div className="connection-head">
        <div className="connection-title">
          <h2>{connection.name}</h2>
          {connection.demo && (
            <span className="tag demo-tag" data-testid="demo-tag" title={t('screen.demoHelp')}>
              {t('screen.demo')}
            </span>
          )}
          <span className="muted small">{t(`screen.providers.${connection.provider}`)}</span>
        </div>
        <div className="connection-actions">
          <button type="button" className="button small" onClick={onTest} disabled={check?.status === 'testing'} data-testid="test-connection">
            {t('screen.test.run')}
          </button>
          {!connection.demo && (
            <button type="button" className="button small" onClick={onEdit} data-testid="edit-connection">
              {t('screen.edit')}
            </button>
          )}
          <button type="button" className="button small ghost danger-text" onClick={onDelete} data-testid="delete-connection">
            {t('screen.delete.button')}
          </button>
        </div>
      </div>
      {isMail && <MailConnectionFacts connection={connection} />}
      {!isMail && (
      <dl className="connection-facts">
        {connection.demo ? (
          <div>
            <dt>{t('screen.facts.server')}</dt>
            <dd>{t('screen.demoServer')}</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t('screen.facts.server')}</dt>
              <dd className="mono">
                {connection.host}:{connection.port}
              </dd>
            </div>
            <div>
              <dt>{t('screen.facts.user')}</dt>
              <dd>{connection.user}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('screen.facts.password')}</dt>
          <dd data-testid="password-source">{t(`screen.passwordSource.${connection.passwordSource}`)}</dd>
        </div>
        {connection.passwordEnv && (
          <div>
            <dt>{t('screen.facts.passwordEnv')}</dt>
            <dd className="mono">{connection.passwordEnv}</dd>
          </div>
        )}
        {isSftp && !connection.demo && (
          <div>
            <dt>{t('screen.facts.hostKey')}</dt>
            <dd className={connection.hostKey ? 'mono' : 'muted'}>{connection.hostKey ?? t('screen.facts.hostKeyNone')}</dd>
          </div>
        )}
        {!isSftp && !connection.demo && (
          <div>
            <dt>{t('screen.facts.security')}</dt>
            <dd className={connection.ftps ? '' : 'warn-text'}>{connection.ftps ? t('screen.facts.ftps') : t('screen.facts.plainFtp')}</dd>
          </div>
        )}
        {stopMention && (
          <div>
            <dt>{t('screen.facts.stopMention')}</dt>
            <dd data-testid="stop-mention">{stopMention}</dd>
          </div>
        )}
      </dl>
      )}
      {connection.passwordTravelsInClear && (
        <p className="security-note warn small" data-testid="plain-ftp-warning">
          {t('security.plainFtp')}
        </p>
      )}
      {passwordOutcome === 'session-only' && (
        <p className="security-note warn small" data-testid="session-only-password">
          {connection.passwordEnv ? t('screen.password.sessionOnlyWithEnv', { env: connection.passwordEnv }) : t('screen.password.sessionOnly')}
        </p>
      )}
      {check?.status === 'tested' && check.result.mail ? <MailTestResult result={check.result.mail} /> : check && <ConnectionCheckPanel connection={connection} check={check} />}
    </li>
  );
}
