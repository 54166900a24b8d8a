import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

/** Asks for one line of text (Electron has no window.prompt). */
export function TextPromptDialog({
  title,
  label,
  initialValue = '',
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  label: string;
  initialValue?: string;
  confirmLabel: string;
  onConfirm: (value: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialValue);
  const trimmed = value.trim();
  const submit = () => {
    if (trimmed) onConfirm(trimmed);
  };
  return (
    <Modal
      title={title}
      onCancel={onCancel}
      testId="prompt-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button type="button" className="button primary" disabled={!trimmed} onClick={submit}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">{label}</span>
        <input
          className="input"
          value={value}
          maxLength={200}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit();
          }}
          onFocus={(event) => event.currentTarget.select()}
        />
      </label>
    </Modal>
  );
}
