import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView, RowFilter } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { TextPromptDialog } from '../../ui/text-prompt-dialog';

const SEARCH_DEBOUNCE_MS = 250;
const filters: RowFilter[] = ['all', 'invalid', 'duplicates'];

export function ListToolbar({ list }: { list: ListView }) {
  const { t } = useTranslation('lists');
  const language = useDropdesk((state) => state.language);
  const filter = useDropdesk((state) => state.filter);
  const search = useDropdesk((state) => state.search);
  const setFilter = useDropdesk((state) => state.setFilter);
  const setSearch = useDropdesk((state) => state.setSearch);
  const selection = useDropdesk((state) => state.selection);
  const applyEdit = useDropdesk((state) => state.applyEdit);
  const addRow = useDropdesk((state) => state.addRow);
  const [draft, setDraft] = useState(search);
  const [addingColumn, setAddingColumn] = useState(false);

  useEffect(() => setDraft(search), [search]);
  useEffect(() => {
    if (draft === search) return;
    const timer = window.setTimeout(() => setSearch(draft.trim() === '' ? '' : draft), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, search, setSearch]);

  const counts: Record<RowFilter, number> = {
    all: list.summary.rows,
    invalid: list.summary.invalid,
    duplicates: list.summary.duplicates,
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-row">
        <input
          type="search"
          className="input search"
          placeholder={t('toolbar.search')}
          aria-label={t('toolbar.search')}
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="segmented" role="radiogroup" aria-label={t('toolbar.filter')}>
          {filters.map((option) => (
            <label key={option} className={option === filter ? 'segment active' : 'segment'}>
              <input type="radio" name="row-filter" value={option} checked={option === filter} onChange={() => setFilter(option)} />
              <span>
                {t(`filter.${option}`)} <span className="count">{formatCount(counts[option], language)}</span>
              </span>
            </label>
          ))}
        </div>
      </div>
      <div className="toolbar-row">
        <button type="button" className="button small" onClick={() => void addRow()}>
          {t('toolbar.addRow')}
        </button>
        <button
          type="button"
          className="button small"
          disabled={selection.size === 0}
          onClick={() => void applyEdit({ type: 'delete-rows', rows: [...selection].sort((a, b) => a - b) })}
        >
          {t('toolbar.deleteRows', { count: selection.size })}
        </button>
        <button type="button" className="button small" onClick={() => setAddingColumn(true)}>
          {t('toolbar.addColumn')}
        </button>
      </div>
      {addingColumn && (
        <TextPromptDialog
          title={t('columns.addTitle')}
          label={t('columns.name')}
          confirmLabel={t('columns.add')}
          onCancel={() => setAddingColumn(false)}
          onConfirm={(name) => {
            setAddingColumn(false);
            void applyEdit({ type: 'insert-column', at: list.columns.length, name });
          }}
        />
      )}
    </div>
  );
}
