/** The MediasFlow SMS REST API fields of the connection form: API address, brand, and the login call (documented defaults). */
import { useTranslation } from 'react-i18next';
import type { ConnectionFormState } from './connection-form';

export const restFieldDefaults = {
  baseUrl: 'https://app.mediasflow.com/MediasflowApi/v1',
  loginPath: '/login',
  loginField: 'login',
  passwordField: 'password',
} as const;

const emptyRest = { baseUrl: '', brand: '', loginPath: '', loginField: '', passwordField: '' };

export function RestConnectionFields({ form, update }: { form: ConnectionFormState; update: (patch: Partial<ConnectionFormState>) => void }) {
  const { t } = useTranslation('connections');
  const rest = form.rest ?? emptyRest;
  const set = (patch: Partial<typeof rest>) => update({ rest: { ...rest, ...patch } });
  if (form.provider === 'demo-mediasflow-rest') {
    return (
      <p className="security-note ok" data-testid="rest-demo-note">
        {t('rest.demoNote')}
      </p>
    );
  }
  return (
    <fieldset className="rest-fields" data-testid="rest-fields">
      <label className="form-field">
        <span>{t('rest.baseUrl')}</span>
        <input className="input mono" value={rest.baseUrl} placeholder={restFieldDefaults.baseUrl} onChange={(event) => set({ baseUrl: event.target.value })} data-testid="connection-rest-url" />
        <span className="field-help">{t('rest.baseUrlHelp')}</span>
      </label>
      <label className="form-field">
        <span>{t('rest.brand')}</span>
        <input className="input" value={rest.brand} onChange={(event) => set({ brand: event.target.value })} data-testid="connection-rest-brand" />
        <span className="field-help">{t('rest.brandHelp')}</span>
      </label>
      <details className="rest-login-call">
        <summary>{t('rest.loginCall')}</summary>
        <p className="field-help">{t('rest.loginCallHelp')}</p>
        <div className="form-row">
          <label className="form-field grow">
            <span>{t('rest.loginPath')}</span>
            <input className="input mono" value={rest.loginPath} placeholder={restFieldDefaults.loginPath} onChange={(event) => set({ loginPath: event.target.value })} data-testid="connection-rest-login-path" />
          </label>
          <label className="form-field">
            <span>{t('rest.loginField')}</span>
            <input className="input mono narrow" value={rest.loginField} placeholder={restFieldDefaults.loginField} onChange={(event) => set({ loginField: event.target.value })} />
          </label>
          <label className="form-field">
            <span>{t('rest.passwordField')}</span>
            <input className="input mono narrow" value={rest.passwordField} placeholder={restFieldDefaults.passwordField} onChange={(event) => set({ passwordField: event.target.value })} />
          </label>
        </div>
      </details>
      <p className="field-help">{t('rest.httpsOnly')}</p>
    </fieldset>
  );
}
