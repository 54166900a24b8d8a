import { useTranslation } from 'react-i18next';
import type { Section } from '../../store/app-slice';

export function ComingSoonPanel({ section }: { section: Exclude<Section, 'lists' | 'settings'> }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="coming-soon-title">
      <header className="screen-header">
        <h1 id="coming-soon-title">{t(`nav.${section}`)}</h1>
      </header>
      <div className="coming-soon card">
        <p className="coming-soon-badge">{t('comingSoon.badge')}</p>
        <p>{t(`comingSoon.${section}`)}</p>
      </div>
    </section>
  );
}
