import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListMeta } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { formatCount, formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextPromptDialog } from '../../ui/text-prompt-dialog';
import { ScreenHeader } from '../../ui/screen-header';
import { EmptyState } from '../../ui/empty-state';

type PendingAction = { kind: 'rename' | 'delete'; list: ListMeta } | null;

export function ListLibrary() {
  const { t } = useTranslation('lists');
  const lists = useDropdesk((state) => state.lists);
  const language = useDropdesk((state) => state.language);
  const importByDialog = useDropdesk((state) => state.importByDialog);
  const openSavedList = useDropdesk((state) => state.openSavedList);
  const renameList = useDropdesk((state) => state.renameList);
  const duplicateList = useDropdesk((state) => state.duplicateList);
  const deleteList = useDropdesk((state) => state.deleteList);
  const [pending, setPending] = useState<PendingAction>(null);

  return (
    <section className="screen" aria-labelledby="lists-title">
      <ScreenHeader titleId="lists-title" title={t('library.title')} subtitle={t('library.subtitle')}>
        <button type="button" className="button primary" onClick={() => void importByDialog()}>
          {t('import.button')}
        </button>
      </ScreenHeader>

      {lists.length === 0 ? (
        <EmptyState testId="library-empty" title={t('library.emptyTitle')} hint={t('library.emptyHint')} />
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="library">
            <thead>
              <tr>
                <th scope="col">{t('library.name')}</th>
                <th scope="col" className="numeric">{t('library.rows')}</th>
                <th scope="col" className="numeric">{t('library.sendable')}</th>
                <th scope="col">{t('library.updated')}</th>
                <th scope="col"><span className="visually-hidden">{t('library.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={list.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => void openSavedList(list.id)}>
                      {list.name}
                    </button>
                  </td>
                  <td className="numeric">{formatCount(list.rows, language)}</td>
                  <td className="numeric">{formatCount(list.sendable, language)}</td>
                  <td>{formatDateTime(list.updatedAt, language)}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" onClick={() => void openSavedList(list.id)}>
                      {t('library.open')}
                    </button>
                    <button type="button" className="button small ghost" onClick={() => setPending({ kind: 'rename', list })}>
                      {t('library.rename')}
                    </button>
                    <button type="button" className="button small ghost" onClick={() => void duplicateList(list.id)}>
                      {t('library.duplicate')}
                    </button>
                    <button type="button" className="button small ghost danger-text" onClick={() => setPending({ kind: 'delete', list })}>
                      {t('library.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted drop-hint">{t('import.dropHint')}</p>

      {pending?.kind === 'rename' && (
        <TextPromptDialog
          title={t('library.renameTitle')}
          label={t('library.name')}
          initialValue={pending.list.name}
          confirmLabel={t('library.rename')}
          onCancel={() => setPending(null)}
          onConfirm={(name) => {
            setPending(null);
            void renameList(pending.list.id, name);
          }}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={t('library.deleteTitle')}
          message={t('library.deleteMessage', { name: pending.list.name })}
          confirmLabel={t('library.delete')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            void deleteList(pending.list.id);
          }}
        />
      )}
    </section>
  );
}
