/** The connection's "Mention STOP": the account's unsubscribe mention, the provider's default when empty. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StopMentionField({
  value,
  providerMention,
  onChange,
  error,
}: {
  value: string;
  /** What an empty field means (the provider's mention); null when the provider adds it itself. */
  providerMention: string | null;
  onChange: (value: string) => void;
  error: ReactNode;
}) {
  const { t } = useTranslation('connections');
  if (providerMention === null) return null;
  return (
    <label className="form-field">
      <span>{t('screen.form.stopMention')}</span>
      <input
        className="input"
        value={value}
        placeholder={providerMention}
        maxLength={40}
        onChange={(event) => onChange(event.target.value)}
        data-testid="connection-stop-mention"
      />
      <span className="field-help">{t('screen.form.stopMentionHelp', { default: providerMention })}</span>
      {error}
    </label>
  );
}
