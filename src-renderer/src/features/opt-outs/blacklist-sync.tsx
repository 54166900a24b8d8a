/**
 * Rapports → Liste d'opposition: "Synchroniser la liste noire" with a
 * MediasFlow API connection — the account's blacklist is added to the local
 * list; "envoyer aussi" sends the local opt-outs to the account. Shown only
 * when such a connection exists.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';

export function BlacklistSync() {
  const { t } = useTranslation('reports');
  const connections = useDropdesk((state) => state.connections).filter((connection) => connection.profile === 'mediasflow-rest');
  const syncBlacklist = useDropdesk((state) => state.syncBlacklist);
  const [chosen, setChosen] = useState<string>('');
  const [push, setPush] = useState(false);
  const [busy, setBusy] = useState(false);
  if (connections.length === 0) return null;
  const connectionId = connections.some((connection) => connection.id === chosen) ? chosen : connections[0].id;
  return (
    <div className="blacklist-sync toolbar-row" data-testid="blacklist-sync">
      {connections.length > 1 && (
        <select className="input" value={connectionId} onChange={(event) => setChosen(event.target.value)} aria-label={t('blacklistSync.connection')} data-testid="blacklist-sync-connection">
          {connections.map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.name}
            </option>
          ))}
        </select>
      )}
      <label className="checkbox small">
        <input type="checkbox" checked={push} onChange={(event) => setPush(event.target.checked)} data-testid="blacklist-sync-push" />
        <span>{t('blacklistSync.push')}</span>
      </label>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await syncBlacklist(connectionId, push);
          setBusy(false);
        }}
        data-testid="blacklist-sync-button"
      >
        {t('blacklistSync.button')}
      </button>
    </div>
  );
}
