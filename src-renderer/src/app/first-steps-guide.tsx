import { useTranslation } from 'react-i18next';
import type { Section } from '../store/app-slice';
import { useDropdesk } from '../store/store-context';

const steps: readonly { key: string; section: Section }[] = [
  { key: 'import', section: 'lists' },
  { key: 'compose', section: 'campaigns' },
  { key: 'demo', section: 'connections' },
  { key: 'report', section: 'reports' },
];

/** « Premiers pas »: four steps, each a link to its screen, shown until the user hides it (remembered in settings). */
export function FirstStepsGuide() {
  const { t } = useTranslation();
  const settings = useDropdesk((state) => state.settings);
  const showSection = useDropdesk((state) => state.showSection);
  const dismissFirstSteps = useDropdesk((state) => state.dismissFirstSteps);
  // Nothing until the settings are known, so a dismissed guide never flashes.
  if (!settings || settings.firstStepsDismissed) return null;
  return (
    <section className="first-steps" aria-labelledby="first-steps-title" data-testid="first-steps">
      <div className="first-steps-head">
        <h2 id="first-steps-title">{t('firstSteps.title')}</h2>
        <button type="button" className="button small" onClick={() => void dismissFirstSteps()} data-testid="first-steps-dismiss">
          {t('firstSteps.dismiss')}
        </button>
      </div>
      <p className="muted small">{t('firstSteps.intro')}</p>
      <ol className="first-steps-list" aria-label={t('firstSteps.label')}>
        {steps.map((step) => (
          <li key={step.key}>
            <a
              href={`#${step.section}`}
              onClick={(event) => {
                event.preventDefault();
                showSection(step.section);
              }}
            >
              {t(`firstSteps.${step.key}`)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
