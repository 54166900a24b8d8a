import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../store/store-context';

/** Always visible while the send step's chosen connection is a demo one: nothing real leaves. */
export function DemoBanner() {
  const { t } = useTranslation();
  const section = useDropdesk((state) => state.section);
  const sendStep = useDropdesk((state) => state.sendStep);
  const connection = useDropdesk((state) => state.connections.find((candidate) => candidate.id === state.sendForm.connectionId) ?? null);
  if (section !== 'campaigns' || sendStep === null || !connection?.demo) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <strong>{t('demoBanner.title')}</strong> {t('demoBanner.body', { name: connection.name })}
    </div>
  );
}
