import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../store/store-context';
import { sections } from '../store/app-slice';
import { formatCount } from '../i18n/format';

export function Sidebar() {
  const { t } = useTranslation();
  const current = useDropdesk((state) => state.section);
  const language = useDropdesk((state) => state.language);
  const showSection = useDropdesk((state) => state.showSection);
  const unreadReports = useDropdesk((state) => state.unreadReports.total);
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
              {section === 'reports' && unreadReports > 0 && (
                <span className="nav-badge" data-testid="nav-reports-badge" data-value={unreadReports}>
                  <span aria-hidden="true">{formatCount(unreadReports, language)}</span>
                  <span className="visually-hidden">{t('reports:unread.navBadge', { count: unreadReports })}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
