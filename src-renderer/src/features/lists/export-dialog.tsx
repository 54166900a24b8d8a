import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportEncoding } from '@shared/lists/list-types';
import { Modal } from '../../ui/modal';

export function ExportDialog({
  sendable,
  onExport,
  onCancel,
}: {
  sendable: string;
  onExport: (options: { encoding: ExportEncoding; sendableOnly: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('lists');
  const [encoding, setEncoding] = useState<ExportEncoding>('utf-8');
  const [sendableOnly, setSendableOnly] = useState(false);
  return (
    <Modal
      title={t('export.title')}
      onCancel={onCancel}
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="button primary" onClick={() => onExport({ encoding, sendableOnly })}>
            {t('export.confirm')}
          </button>
        </>
      }
    >
      <p className="muted">{t('export.format')}</p>
      <fieldset className="field">
        <legend className="field-label">{t('export.encoding')}</legend>
        <label className="radio">
          <input type="radio" name="encoding" checked={encoding === 'utf-8'} onChange={() => setEncoding('utf-8')} />
          {t('export.utf8')}
        </label>
        <label className="radio">
          <input type="radio" name="encoding" checked={encoding === 'windows-1252'} onChange={() => setEncoding('windows-1252')} />
          {t('export.windows1252')}
        </label>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={sendableOnly} onChange={(event) => setSendableOnly(event.target.checked)} />
        {t('export.sendableOnly', { sendable })}
      </label>
    </Modal>
  );
}
