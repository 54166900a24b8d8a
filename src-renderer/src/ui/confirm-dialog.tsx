import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      onCancel={onCancel}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button type="button" className={danger ? 'button danger' : 'button primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Modal>
  );
}
