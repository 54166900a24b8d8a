/**
 * « Compte Microsoft 365 » in the mail connection form: the choice of a
 * Microsoft sign-in instead of passwords, the registration (Application ID,
 * tenant), and the sign-in itself — « Se connecter à Microsoft 365 » saves
 * the form, then main opens the system browser and waits for the redirect —,
 * the signed-in address and « Se déconnecter ». A refused renewal shows
 * « Reconnectez-vous à Microsoft 365 ».
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { useDropdesk } from '../../store/store-context';
import type { MicrosoftAccountForm } from './mail-connection-form';

export function MicrosoftAccountSection({
  value,
  onChange,
  initial,
  saveForSignIn,
}: {
  value: MicrosoftAccountForm;
  onChange: (value: MicrosoftAccountForm) => void;
  /** The connection as saved when the form opened (null: a new one). */
  initial: ConnectionView | null;
  /** Saves the form as it is (problems shown, null when refused); the sign-in needs a saved connection. */
  saveForSignIn: () => Promise<ConnectionView | null>;
}) {
  const { t } = useTranslation('connections');
  const signInMicrosoft = useDropdesk((state) => state.signInMicrosoft);
  const signOutMicrosoft = useDropdesk((state) => state.signOutMicrosoft);
  const [current, setCurrent] = useState<ConnectionView | null>(initial);
  const [busy, setBusy] = useState<'signing-in' | 'signing-out' | null>(null);
  const oauth = current?.mail?.oauth ?? null;
  const status = oauth?.status ?? 'signed-out';

  const signIn = async () => {
    setBusy('signing-in');
    try {
      const saved = await saveForSignIn();
      if (!saved) return;
      setCurrent(saved);
      const signedIn = await signInMicrosoft(saved.id);
      if (signedIn) setCurrent(signedIn);
    } finally {
      setBusy(null);
    }
  };
  const signOut = async () => {
    if (!current) return;
    setBusy('signing-out');
    try {
      const after = await signOutMicrosoft(current.id);
      if (after) setCurrent(after);
    } finally {
      setBusy(null);
    }
  };

  return (
    <fieldset className="mail-server microsoft-account" data-testid="mail-microsoft">
      <legend>{t('mail.microsoft.legend')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value.enabled} onChange={(event) => onChange({ ...value, enabled: event.target.checked })} data-testid="mail-microsoft-enabled" />
        <span>{t('mail.microsoft.enable')}</span>
      </label>
      <p className="field-help">{t(value.enabled ? 'mail.microsoft.help' : 'mail.microsoft.helpShort')}</p>
      {value.enabled ? (
        <>
          {/* One field per row: an Application ID is 36 characters, a tenant often a long domain. */}
          <label className="form-field">
            <span>{t('mail.microsoft.clientId')}</span>
            <input className="input mono" autoComplete="off" value={value.clientId} placeholder="00000000-0000-0000-0000-000000000000" onChange={(event) => onChange({ ...value, clientId: event.target.value })} data-testid="mail-microsoft-client-id" />
            <span className="field-help">{t('mail.microsoft.clientIdHelp')}</span>
          </label>
          <label className="form-field">
            <span>{t('mail.microsoft.tenant')}</span>
            <input className="input" autoComplete="off" value={value.tenant} placeholder="organizations" onChange={(event) => onChange({ ...value, tenant: event.target.value })} data-testid="mail-microsoft-tenant" />
            <span className="field-help">{t('mail.microsoft.tenantHelp')}</span>
          </label>
          <div className={status === 'sign-in-required' ? 'connection-check bad' : status === 'signed-in' ? 'connection-check ok' : 'connection-check'} role={status === 'sign-in-required' ? 'alert' : 'status'} data-testid="microsoft-account" data-status={busy === 'signing-in' ? 'signing-in' : status}>
            <p className="check-title" data-testid="microsoft-account-status">
              {busy === 'signing-in'
                ? t('mail.microsoft.waiting')
                : status === 'signed-in'
                  ? t('mail.microsoft.signedIn', { account: oauth?.account ?? '' })
                  : status === 'sign-in-required'
                    ? t('mail.microsoft.signInRequired', { account: oauth?.account ?? '' })
                    : t('mail.microsoft.signedOut')}
            </p>
            {status === 'signed-in' && oauth?.tokenSource === 'session' ? <p className="field-help">{t('mail.microsoft.sessionOnly')}</p> : null}
            <div className="form-row">
              {status === 'signed-in' ? (
                <button type="button" className="button" disabled={busy !== null} onClick={() => void signOut()} data-testid="microsoft-sign-out">
                  {t('mail.microsoft.signOut')}
                </button>
              ) : (
                <button type="button" className="button primary" disabled={busy !== null} onClick={() => void signIn()} data-testid="microsoft-sign-in">
                  {t('mail.microsoft.signIn')}
                </button>
              )}
            </div>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
