/**
 * The report's list actions (issue 11 §10): "Retirer ces numéros de la liste"
 * on the recipients shown (e.g. the unknown numbers), with a confirmation
 * that says how many rows and a "Défaire"; "Relancer les non-délivrés", which
 * creates a new draft on a new list and opens it in the composer. Neither
 * sends anything.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListActionPreview, RemovedFromList } from '@shared/ipc/channels/reports';
import { useDropdesk } from '../../store/store-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatCount } from '../../i18n/format';

type Pending = { action: 'remove' | 'retarget'; preview: ListActionPreview } | null;

export function ReportListActions({ campaignName, shown }: { campaignName: string; shown: number }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const previewAction = useDropdesk((state) => state.previewReportListAction);
  const remove = useDropdesk((state) => state.removeReportNumbersFromList);
  const undo = useDropdesk((state) => state.undoReportRemoval);
  const retarget = useDropdesk((state) => state.retargetReport);
  const [pending, setPending] = useState<Pending>(null);
  const [removed, setRemoved] = useState<RemovedFromList | null>(null);
  const [busy, setBusy] = useState(false);
  const count = (value: number) => formatCount(value, language);

  const ask = async (action: 'remove' | 'retarget') => {
    setBusy(true);
    const preview = await previewAction(action);
    setBusy(false);
    if (preview) setPending({ action, preview });
  };

  const confirm = async () => {
    if (!pending) return;
    const { action } = pending;
    setPending(null);
    setBusy(true);
    if (action === 'remove') setRemoved(await remove());
    else await retarget();
    setBusy(false);
  };

  const dialog = pending && pending.preview.rows === 0 ? null : pending;
  return (
    <>
      <button type="button" className="button" onClick={() => void ask('remove')} disabled={busy || shown === 0} data-testid="report-remove-from-list">
        {t('listActions.remove')}
      </button>
      <button type="button" className="button" onClick={() => void ask('retarget')} disabled={busy} data-testid="report-retarget">
        {t('listActions.retarget')}
      </button>
      {pending && pending.preview.rows === 0 && (
        <ConfirmDialog
          title={t(pending.action === 'remove' ? 'listActions.removeTitle' : 'listActions.retargetTitle')}
          message={t(pending.action === 'remove' ? 'listActions.removeNone' : 'listActions.retargetNone', { list: pending.preview.listName, count: pending.preview.optedOut, formatted: count(pending.preview.optedOut) })}
          confirmLabel={t('listActions.understood')}
          onConfirm={() => setPending(null)}
          onCancel={() => setPending(null)}
        />
      )}
      {dialog?.action === 'remove' && (
        <ConfirmDialog
          title={t('listActions.removeTitle')}
          message={t('listActions.removeMessage', { count: dialog.preview.rows, formatted: count(dialog.preview.rows), list: dialog.preview.listName })}
          confirmLabel={t('listActions.removeConfirm', { count: dialog.preview.rows, formatted: count(dialog.preview.rows) })}
          danger
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
      {dialog?.action === 'retarget' && (
        <ConfirmDialog
          title={t('listActions.retargetTitle')}
          message={[
            t('listActions.retargetMessage', { count: dialog.preview.rows, formatted: count(dialog.preview.rows), name: `${campaignName} — relance`, list: dialog.preview.listName }),
            dialog.preview.optedOut > 0 ? t('listActions.retargetOptedOut', { count: dialog.preview.optedOut, formatted: count(dialog.preview.optedOut) }) : '',
            t('listActions.retargetNothingSent'),
          ].filter(Boolean).join(' ')}
          confirmLabel={t('listActions.retargetConfirm')}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
      {removed && (
        <div className="report-removed" role="status" data-testid="report-removed">
          <span>{t('listActions.removed', { count: removed.removed, formatted: count(removed.removed), list: removed.listName })}</span>
          {removed.canUndo && removed.removed > 0 && (
            <button
              type="button"
              className="button small"
              onClick={() => void undo(removed.listId).then((done) => done && setRemoved(null))}
              data-testid="report-removed-undo"
            >
              {t('listActions.undo')}
            </button>
          )}
          <button type="button" className="button ghost small" onClick={() => setRemoved(null)}>
            {t('listActions.close')}
          </button>
        </div>
      )}
    </>
  );
}
