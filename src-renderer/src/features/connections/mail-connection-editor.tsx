/**
 * Add or edit an iSendPro mail-to-SMS connection: the outgoing server (SMTP),
 * the mailbox that receives iSendPro's answers (IMAP), the From address
 * iSendPro authorised, the account key (keyid), the answer address (default:
 * the IMAP mailbox) and iSendPro's address. Passwords and the keyid go to
 * main once and are kept encrypted; an empty field on an edit keeps them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, MailServerSecurity } from '@shared/ipc/channels/connections';
import { useDropdesk } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { MicrosoftAccountSection } from './microsoft-account-section';
import {
  emptyMailConnectionForm,
  mailFormFromConnection,
  mailFormProblems,
  mailFormToSaveInput,
  mailSecurities,
  microsoftFormOf,
  withSecurity,
  type MailConnectionFormState,
  type MailFormField,
  type MailServerForm,
} from './mail-connection-form';

export function MailConnectionEditor({ editing, onDone, onCancel }: { editing: ConnectionView | null; onDone: (saved: ConnectionView) => void; onCancel: () => void }) {
  const { t } = useTranslation('connections');
  const saveConnectionInput = useDropdesk((state) => state.saveConnectionInput);
  // Fail closed: until main says secrets can be encrypted here, do not promise it.
  const canStoreSecrets = useDropdesk((state) => state.appInfo?.canStoreSecrets ?? false);
  const [form, setForm] = useState<MailConnectionFormState>(() => (editing?.mail ? mailFormFromConnection(editing) : emptyMailConnectionForm()));
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const problems = mailFormProblems(form, editing !== null);
  const update = (patch: Partial<MailConnectionFormState>) => setForm((current) => ({ ...current, ...patch }));
  const updateServer = (kind: 'smtp' | 'imap', patch: Partial<MailServerForm>) => setForm((current) => ({ ...current, [kind]: { ...current[kind], ...patch } }));

  const fieldError = (field: MailFormField) => {
    const problem = showProblems ? problems.find((candidate) => candidate.field === field) : undefined;
    return problem ? (
      <span className="field-help bad" data-testid={`mail-problem-${field}`}>
        {t(`mail.problems.${problem.key}`)}
      </span>
    ) : null;
  };

  // « Se connecter à Microsoft 365 » needs the connection saved first (main signs in a saved connection).
  const saveForSignIn = async () => {
    if (problems.length > 0) {
      setShowProblems(true);
      return null;
    }
    const saved = await saveConnectionInput(mailFormToSaveInput(form));
    if (saved) setForm((current) => ({ ...current, id: saved.id }));
    return saved;
  };

  const submit = async () => {
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setSaving(true);
    const saved = await saveConnectionInput(mailFormToSaveInput(form));
    setSaving(false);
    if (saved) onDone(saved);
  };

  const server = (kind: 'smtp' | 'imap') => {
    const value = form[kind];
    const secretKept = editing?.mail?.[kind].passwordSource === 'stored';
    return (
      <fieldset className="mail-server" data-testid={`mail-${kind}`}>
        <legend>{t(`mail.${kind}.legend`)}</legend>
        <p className="field-help">{t(`mail.${kind}.help`)}</p>
        <div className="form-row">
          <label className="form-field grow">
            <span>{t('mail.host')}</span>
            <input className="input" value={value.host} placeholder={t(`mail.${kind}.hostPlaceholder`)} onChange={(event) => updateServer(kind, { host: event.target.value })} data-testid={`mail-${kind}-host`} />
            {fieldError(`${kind}.host`)}
          </label>
          <label className="form-field">
            <span>{t('mail.port')}</span>
            <input className="input narrow" inputMode="numeric" value={value.port} onChange={(event) => updateServer(kind, { port: event.target.value })} data-testid={`mail-${kind}-port`} />
            {fieldError(`${kind}.port`)}
          </label>
          <label className="form-field">
            <span>{t('mail.security')}</span>
            <select className="input" value={value.security} onChange={(event) => setForm((current) => ({ ...current, [kind]: withSecurity(current[kind], kind, event.target.value as MailServerSecurity) }))} data-testid={`mail-${kind}-security`}>
              {mailSecurities.map((security) => (
                <option key={security} value={security}>
                  {t(`mail.securities.${security}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label className="form-field grow">
            <span>{t('mail.user')}</span>
            <input className="input" autoComplete="off" value={value.user} onChange={(event) => updateServer(kind, { user: event.target.value })} data-testid={`mail-${kind}-user`} />
            {fieldError(`${kind}.user`)}
          </label>
          {form.microsoft?.enabled ? null : (
            <label className="form-field grow">
              <span>{t('mail.password')}</span>
              <input className="input" type="password" autoComplete="new-password" value={value.password} placeholder={secretKept ? t('screen.form.passwordKeep') : ''} onChange={(event) => updateServer(kind, { password: event.target.value })} data-testid={`mail-${kind}-password`} />
            </label>
          )}
        </div>
      </fieldset>
    );
  };

  return (
    <Modal
      title={editing ? t('screen.form.editTitle', { name: editing.name }) : t('mail.addTitle')}
      onCancel={onCancel}
      testId="mail-connection-editor"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="button primary" disabled={saving} onClick={() => void submit()} data-testid="mail-connection-save">
            {t('screen.form.save')}
          </button>
        </>
      }
    >
      <form
        className="connection-form mail-connection-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="field-help">{t('mail.intro')}</p>
        <label className="form-field">
          <span>{t('screen.form.name')}</span>
          <input className="input" value={form.name} onChange={(event) => update({ name: event.target.value })} data-testid="mail-name" />
          {fieldError('name')}
        </label>
        <MicrosoftAccountSection value={form.microsoft ?? microsoftFormOf(editing)} onChange={(microsoft) => update({ microsoft })} initial={editing} saveForSignIn={saveForSignIn} />
        {server('smtp')}
        {server('imap')}
        <div className="form-row">
          <label className="form-field grow">
            <span>{t('mail.from')}</span>
            <input className="input" value={form.from} placeholder="Boutique <contact@boutique.fr>" onChange={(event) => update({ from: event.target.value })} data-testid="mail-from" />
            <span className="field-help">{t('mail.fromHelp')}</span>
            {fieldError('from')}
          </label>
          <label className="form-field grow">
            <span>{t('mail.keyid')}</span>
            <input className="input mono" type="password" autoComplete="off" value={form.keyid} placeholder={editing?.mail?.keyidSource === 'stored' ? t('screen.form.passwordKeep') : ''} onChange={(event) => update({ keyid: event.target.value })} data-testid="mail-keyid" />
            <span className="field-help">{t(canStoreSecrets ? 'mail.keyidHelp' : 'mail.keyidHelpSessionOnly')}</span>
            {fieldError('keyid')}
          </label>
        </div>
        <div className="form-row">
          <label className="form-field grow">
            <span>{t('mail.answerAddress')}</span>
            <input className="input" value={form.answerAddress} placeholder={form.imap.user || t('mail.answerAddressPlaceholder')} onChange={(event) => update({ answerAddress: event.target.value })} data-testid="mail-answer-address" />
            <span className="field-help">{t('mail.answerAddressHelp')}</span>
            {fieldError('answerAddress')}
          </label>
          <label className="form-field grow">
            <span>{t('mail.to')}</span>
            <input className="input" value={form.to} onChange={(event) => update({ to: event.target.value })} data-testid="mail-to" />
            <span className="field-help">{t('mail.toHelp')}</span>
            {fieldError('to')}
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.nostop} onChange={(event) => update({ nostop: event.target.checked })} data-testid="mail-nostop" />
          <span>{t('mail.nostop')}</span>
        </label>
        <span className="field-help">{t('mail.nostopHelp')}</span>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
