/** Add or edit a connection: provider (fills the default port), server, user, password, CLI variable, FTPS. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { useDropdesk } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { StopMentionField } from './stop-mention-field';
import {
  connectionFormProblems,
  editableProviders,
  emptyConnectionForm,
  formFromConnection,
  isRestProvider,
  protocolOf,
  providerStopMention,
  suggestPasswordEnv,
  withProvider,
  type ConnectionFormField,
  type ConnectionFormState,
  type EditableProvider,
} from './connection-form';
import { RestConnectionFields } from './rest-connection-fields';

export function ConnectionEditor({
  editing,
  onDone,
  onCancel,
}: {
  /** null: a new connection. */
  editing: ConnectionView | null;
  onDone: (saved: ConnectionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('connections');
  const saveConnection = useDropdesk((state) => state.saveConnection);
  const canStoreSecrets = useDropdesk((state) => state.appInfo?.canStoreSecrets ?? false);
  const [form, setForm] = useState<ConnectionFormState>(() => (editing ? formFromConnection(editing) : emptyConnectionForm()));
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const problems = connectionFormProblems(form);
  const problemOf = (field: ConnectionFormField) => (showProblems ? problems.find((problem) => problem.field === field) : undefined);
  const isFtp = protocolOf(form.provider) === 'ftp';
  const isRest = isRestProvider(form.provider);
  const isDemoRest = form.provider === 'demo-mediasflow-rest';
  const update = (patch: Partial<ConnectionFormState>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setSaving(true);
    const saved = await saveConnection(form);
    setSaving(false);
    if (saved) onDone(saved);
  };

  const fieldError = (field: ConnectionFormField) => {
    const problem = problemOf(field);
    return problem ? (
      <span className="field-help bad" data-testid={`problem-${field}`}>
        {t(`screen.form.problems.${problem.key}`)}
      </span>
    ) : null;
  };

  return (
    <Modal
      title={editing ? t('screen.form.editTitle', { name: editing.name }) : t('screen.form.addTitle')}
      onCancel={onCancel}
      testId="connection-editor"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="button primary" disabled={saving} onClick={() => void submit()} data-testid="connection-save">
            {t('screen.form.save')}
          </button>
        </>
      }
    >
      <form
        className="connection-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="form-field">
          <span>{t('screen.form.provider')}</span>
          <select
            className="input"
            value={form.provider}
            onChange={(event) => setForm((current) => withProvider(current, event.target.value as EditableProvider))}
            data-testid="connection-provider"
          >
            {editableProviders.map((provider) => (
              <option key={provider} value={provider}>
                {t(`screen.providers.${provider}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t('screen.form.name')}</span>
          <input className="input" value={form.name} onChange={(event) => update({ name: event.target.value })} data-testid="connection-name" />
          {fieldError('name')}
        </label>
        {isRest && <RestConnectionFields form={form} update={update} />}
        {!isRest && <div className="form-row">
          <label className="form-field grow">
            <span>{t('screen.form.host')}</span>
            <input
              className="input"
              value={form.host}
              placeholder={t(`screen.form.hostPlaceholder.${form.provider}`)}
              onChange={(event) => update({ host: event.target.value })}
              data-testid="connection-host"
            />
            {fieldError('host')}
          </label>
          <label className="form-field">
            <span>{t('screen.form.port')}</span>
            <input
              className="input narrow"
              inputMode="numeric"
              value={form.port}
              onChange={(event) => update({ port: event.target.value })}
              data-testid="connection-port"
            />
            {fieldError('port')}
          </label>
        </div>}
        {!isDemoRest && <>
        <label className="form-field">
          <span>{t('screen.form.user')}</span>
          <input className="input" autoComplete="off" value={form.user} onChange={(event) => update({ user: event.target.value })} data-testid="connection-user" />
          {fieldError('user')}
        </label>
        <label className="form-field">
          <span>{t('screen.form.password')}</span>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            value={form.password}
            placeholder={editing && editing.passwordSource === 'stored' ? t('screen.form.passwordKeep') : ''}
            onChange={(event) => update({ password: event.target.value })}
            data-testid="connection-password"
          />
          <span className="field-help">{t(canStoreSecrets ? 'screen.form.passwordHelp' : 'screen.form.passwordHelpSessionOnly')}</span>
        </label>
        <label className="form-field">
          <span>{t('screen.form.passwordEnv')}</span>
          <div className="inline-field">
            <input
              className="input grow mono"
              value={form.passwordEnv}
              placeholder={suggestPasswordEnv(form.name)}
              onChange={(event) => update({ passwordEnv: event.target.value })}
              data-testid="connection-password-env"
            />
            {!form.passwordEnv && (
              <button type="button" className="button small" onClick={() => update({ passwordEnv: suggestPasswordEnv(form.name) })}>
                {t('screen.form.useSuggestion')}
              </button>
            )}
          </div>
          <span className="field-help">{t('screen.form.passwordEnvHelp')}</span>
          {fieldError('passwordEnv')}
        </label>
        <label className="form-field">
          <span>{t('screen.form.pricePerSms')}</span>
          <input
            className="input narrow"
            inputMode="decimal"
            value={form.pricePerSms ?? ''}
            placeholder="0,045"
            onChange={(event) => update({ pricePerSms: event.target.value })}
            data-testid="connection-price"
          />
          <span className="field-help">{t('screen.form.pricePerSmsHelp')}</span>
          {fieldError('pricePerSms')}
        </label>
        </>}
        <StopMentionField
          value={form.stopMention ?? ''}
          providerMention={providerStopMention(form.provider)}
          onChange={(stopMention) => update({ stopMention })}
          error={fieldError('stopMention')}
        />
        {isFtp && (
          <div className={form.ftps ? 'security-note ok' : 'security-note warn'} data-testid="plain-ftp-notice">
            {!form.ftps && <p>{t('security.plainFtp')}</p>}
            <label className="checkbox">
              <input type="checkbox" checked={form.ftps} onChange={(event) => update({ ftps: event.target.checked })} data-testid="connection-ftps" />
              <span>{t('screen.form.ftps')}</span>
            </label>
            <span className="field-help">{t('screen.form.ftpsHelp')}</span>
          </div>
        )}
        {!isFtp && !isRest && <p className="field-help">{t('screen.form.sshHelp')}</p>}
        {form.provider === 'mediasflow-sftp' && (
          <label className="form-field">
            <span>{t('screen.form.stagingFolder')}</span>
            <input
              className="input mono"
              value={form.stagingFolder ?? ''}
              placeholder="/Attente"
              onChange={(event) => update({ stagingFolder: event.target.value })}
              data-testid="connection-staging-folder"
            />
            <span className="field-help">{t('screen.form.stagingFolderHelp')}</span>
          </label>
        )}
        {/* Enter in any field submits. */}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
