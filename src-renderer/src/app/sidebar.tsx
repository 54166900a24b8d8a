import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../store/store-context';
import { sections } from '../store/app-slice';

export function Sidebar() {
  const { t } = useTranslation();
  const current = useDropdesk((state) => state.section);
  const showSection = useDropdesk((state) => state.showSection);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">D</span>
        <span className="brand-name">Dropdesk</span>
      </div>
      <ul className="nav-list">
        {sections.map((section) => (
          <li key={section}>
            <button
              type="button"
              className={section === current ? 'nav-item active' : 'nav-item'}
              aria-current={section === current ? 'page' : undefined}
              onClick={() => showSection(section)}
            >
              {t(`nav.${section}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
