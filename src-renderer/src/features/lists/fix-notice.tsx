/**
 * The short notice after a fix in the grid ("Ligne 12 corrigée : 06 10 00 00 00",
 * or why the number is still refused), with "Actualiser le filtre" while fixed
 * rows are kept in a filtered view.
 */
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { frenchDisplayNumber } from './number-words';
import { fixedRow } from './fixed-rows';

export function FixNotice() {
  const { t } = useTranslation('lists');
  const language = useDropdesk((state) => state.language);
  const lastFix = useDropdesk((state) => state.lastFix);
  const keptRows = useDropdesk((state) => state.keptRows);
  const filter = useDropdesk((state) => state.filter);
  const search = useDropdesk((state) => state.search);
  const row = useDropdesk((state) => fixedRow(state.rowCache, state.lastFix));
  const refreshFilter = useDropdesk((state) => state.refreshFilter);
  const dismissFix = useDropdesk((state) => state.dismissFix);
  const filtered = filter !== 'all' || search !== '';
  // Always in the page, so screen readers hear the notice when it appears.
  return (
    <div className="fix-notice-area" role="status" aria-live="polite">
      {lastFix && row && (
        <div className={`fix-notice ${row.status === 'valid' ? 'ok' : 'warn'}`} data-testid="fix-notice">
          <span>
            {row.status === 'valid'
              ? t('grid.fixed', { row: formatCount(row.index + 1, language), number: row.normalized ? frenchDisplayNumber(row.normalized) : '' })
              : t(`grid.notFixed.${row.status}`, { row: formatCount(row.index + 1, language) })}
          </span>
          {filtered && keptRows.length > 0 && (
            <button type="button" className="button small" onClick={refreshFilter} data-testid="refresh-filter">
              {t('grid.refreshFilter')}
            </button>
          )}
          <button type="button" className="button small ghost" onClick={dismissFix} aria-label={t('grid.dismissFix')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
