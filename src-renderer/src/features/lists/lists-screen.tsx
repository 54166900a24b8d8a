import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { useFileDrop } from './use-file-drop';
import { ListLibrary } from './list-library';
import { ListWorkspace } from './list-workspace';

export function ListsScreen() {
  const { t } = useTranslation('lists');
  const openList = useDropdesk((state) => state.openList);
  const importDroppedFile = useDropdesk((state) => state.importDroppedFile);
  const notify = useDropdesk((state) => state.notify);
  const busy = useDropdesk((state) => state.busy);

  const onFile = useCallback(
    (file: File) => {
      void file.arrayBuffer().then((buffer) => importDroppedFile(file.name, new Uint8Array(buffer)));
    },
    [importDroppedFile],
  );
  const onRejected = useCallback(
    (fileName: string) =>
      notify({ kind: 'error', error: { code: 'unsupported-file', message: '', params: { fileName } } }),
    [notify],
  );
  const dragging = useFileDrop(onFile, onRejected);

  return (
    <>
      {openList ? <ListWorkspace list={openList} /> : <ListLibrary />}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <p className="drop-overlay-title">{t('drop.title')}</p>
            <p>{t('drop.hint')}</p>
          </div>
        </div>
      )}
      {busy === 'importing' && (
        <div className="busy-overlay" role="status" aria-live="polite">
          <div className="busy-card">
            <span className="spinner" aria-hidden="true" />
            {t('import.busy')}
          </div>
        </div>
      )}
    </>
  );
}
