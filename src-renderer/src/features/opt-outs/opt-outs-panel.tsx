/** The local opt-out list: STOP and blacklisted numbers from the reports, plus the user's own; add, remove, import, export. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { BlacklistSync } from './blacklist-sync';
import { useDropdesk } from '../../store/store-context';
import { formatCount, formatDateTime } from '../../i18n/format';

const ROW_HEIGHT = 34;

export function OptOutsPanel() {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const list = useDropdesk((state) => state.optOuts);
  const loadOptOuts = useDropdesk((state) => state.loadOptOuts);
  const addOptOut = useDropdesk((state) => state.addOptOut);
  const removeOptOuts = useDropdesk((state) => state.removeOptOuts);
  const importOptOuts = useDropdesk((state) => state.importOptOuts);
  const exportOptOuts = useDropdesk((state) => state.exportOptOuts);
  const status = useDropdesk((state) => state.optOutsStatus);
  const restoreBackup = useDropdesk((state) => state.restoreOptOutsBackup);
  const repairFromCsv = useDropdesk((state) => state.repairOptOutsFromCsv);
  const [number, setNumber] = useState('');
  const [search, setSearch] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void loadOptOuts();
  }, [loadOptOuts]);
  const entries = useMemo(() => {
    const needle = search.replace(/[\s.+-]/g, '');
    return (list?.entries ?? []).filter((entry) => !needle || entry.number.includes(needle.replace(/^0/, '')) || (entry.sourceCampaign ?? '').includes(needle));
  }, [list, search]);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const submit = async () => {
    if (number.trim() && (await addOptOut(number.trim()))) setNumber('');
  };
  return (
    <section className="card report-card opt-outs" data-testid="opt-outs">
      <header className="report-card-header">
        <h3>
          {t('optOuts.title')} <span className="muted small" data-testid="opt-outs-count" data-value={list?.entries.length ?? 0}>({formatCount(list?.entries.length ?? 0, language)})</span>
        </h3>
        <div className="toolbar-row">
          <button type="button" className="button" onClick={() => void importOptOuts()} data-testid="opt-outs-import">
            {t('screen.optOutsImport')}
          </button>
          <button type="button" className="button" onClick={() => void exportOptOuts()} data-testid="opt-outs-export">
            {t('screen.optOutsExport')}
          </button>
        </div>
        <BlacklistSync />
      </header>
      {status && !status.readable && (
        <div className="opt-outs-unreadable" role="alert" data-testid="opt-outs-unreadable">
          <strong>{t('optOuts.unreadableTitle')}</strong>
          <p className="small">{t('optOuts.unreadableHelp')}</p>
          {status.problem && <p className="muted small">{t('optOuts.unreadableDetail', { problem: status.problem })}</p>}
          <div className="toolbar-row">
            {status.backup ? (
              <button type="button" className="button primary" onClick={() => void restoreBackup()} data-testid="opt-outs-restore">
                {t('optOuts.restoreBackup', { count: status.backup.entries })}
              </button>
            ) : (
              <span className="muted small" data-testid="opt-outs-no-backup">
                {t('optOuts.noBackup')}
              </span>
            )}
            <button type="button" className="button" onClick={() => void repairFromCsv()} data-testid="opt-outs-repair-import">
              {t('optOuts.repairImport')}
            </button>
          </div>
        </div>
      )}
      <p className="muted small">{t('screen.optOutsHelp')}</p>
      <form
        className="toolbar-row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <input className="input" value={number} onChange={(event) => setNumber(event.target.value)} placeholder="06 12 34 56 78" aria-label={t('screen.optOutsNumber')} data-testid="opt-outs-number" />
        <button type="submit" className="button primary" data-testid="opt-outs-add">
          {t('screen.optOutsAdd')}
        </button>
        <span className="toolbar-spacer" />
        <input className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('screen.optOutsSearch')} aria-label={t('screen.optOutsSearch')} />
      </form>
      <div className="opt-outs-head">
        <span>{t('optOuts.columns.number')}</span>
        <span>{t('optOuts.columns.reason')}</span>
        <span>{t('optOuts.columns.code')}</span>
        <span>{t('optOuts.columns.date')}</span>
        <span>{t('optOuts.columns.sourceCampaign')}</span>
        <span />
      </div>
      <div className="opt-outs-scroll" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index];
            return (
              <div key={entry.number} className="opt-outs-row" style={{ transform: `translateY(${item.start}px)` }} data-testid="opt-out-row">
                <span className="normalized">+{entry.number}</span>
                <span>{t(`optOuts.reasons.${entry.reason}`)}</span>
                <span>{entry.code ?? '—'}</span>
                <span>{formatDateTime(entry.date, language)}</span>
                <span>{entry.sourceCampaign ?? '—'}</span>
                <span className="row-actions">
                  <button type="button" className="button ghost small danger-text" onClick={() => void removeOptOuts([entry.number])} aria-label={t('screen.optOutsRemove', { number: entry.number })}>
                    {t('screen.optOutsRemoveShort')}
                  </button>
                </span>
              </div>
            );
          })}
        </div>
        {entries.length === 0 && <p className="muted grid-empty">{t('screen.optOutsEmpty')}</p>}
      </div>
    </section>
  );
}
