import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { TextPromptDialog } from '../../ui/text-prompt-dialog';
import { ListSummary } from './list-summary';
import { ListToolbar } from './list-toolbar';
import { ListGrid } from './list-grid';
import { MobileColumnPicker } from './mobile-column-picker';
import { ExportDialog } from './export-dialog';
import { useUndoShortcuts } from './use-undo-shortcuts';

/** One open list: header actions, toolbar, grid and summary. */
export function ListWorkspace({ list }: { list: ListView }) {
  const { t } = useTranslation('lists');
  const language = useDropdesk((state) => state.language);
  const busy = useDropdesk((state) => state.busy);
  const closeList = useDropdesk((state) => state.closeList);
  const renameList = useDropdesk((state) => state.renameList);
  const exportList = useDropdesk((state) => state.exportList);
  const undo = useDropdesk((state) => state.undo);
  const redo = useDropdesk((state) => state.redo);
  const [dialog, setDialog] = useState<'rename' | 'export' | null>(null);
  useUndoShortcuts(() => void undo(), () => void redo());

  return (
    <section className="workspace" aria-labelledby="list-name">
      <header className="workspace-header">
        <button type="button" className="button ghost" onClick={closeList}>
          ← {t('workspace.back')}
        </button>
        <div className="workspace-title">
          <h1 id="list-name" title={list.name}>{list.name}</h1>
          <p className="muted small">{t('workspace.source', { file: list.sourceFileName })}</p>
        </div>
        <div className="workspace-actions">
          {busy === 'saving' && <span className="saving muted small" role="status">{t('workspace.saving')}</span>}
          <button type="button" className="button ghost" disabled={!list.canUndo} onClick={() => void undo()} title={t('workspace.undoHint')}>
            {t('workspace.undo')}
          </button>
          <button type="button" className="button ghost" disabled={!list.canRedo} onClick={() => void redo()} title={t('workspace.redoHint')}>
            {t('workspace.redo')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('rename')}>
            {t('library.rename')}
          </button>
          <button type="button" className="button primary" onClick={() => setDialog('export')} disabled={busy === 'exporting'}>
            {t('export.button')}
          </button>
        </div>
      </header>

      <div className="workspace-body">
        <div className="grid-area">
          {list.mobileColumn === null && <MobileColumnPicker key={list.id} list={list} />}
          <ListToolbar list={list} />
          <ListGrid list={list} />
        </div>
        <ListSummary list={list} />
      </div>

      {dialog === 'rename' && (
        <TextPromptDialog
          title={t('library.renameTitle')}
          label={t('library.name')}
          initialValue={list.name}
          confirmLabel={t('library.rename')}
          onCancel={() => setDialog(null)}
          onConfirm={(name) => {
            setDialog(null);
            void renameList(list.id, name);
          }}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog
          sendable={formatCount(list.summary.sendable, language)}
          onCancel={() => setDialog(null)}
          onExport={(options) => {
            setDialog(null);
            void exportList(options);
          }}
        />
      )}
    </section>
  );
}
