import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { mobileColumnOptions } from './mobile-column-options';

/** Shown when no column, or several, carry an accepted mobile name. */
export function MobileColumnPicker({ list }: { list: ListView }) {
  const { t } = useTranslation('lists');
  const setMobileColumn = useDropdesk((state) => state.setMobileColumn);
  const options = mobileColumnOptions(list.columns, list.mobileColumnCandidates);
  // A recognised name is a good first guess; otherwise the user must look and choose.
  const [choice, setChoice] = useState(list.mobileColumnCandidates[0] ?? '');
  const several = list.mobileColumnCandidates.length > 1;
  return (
    <div className="card picker" role="region" aria-labelledby="mobile-picker-title" data-testid="mobile-column-picker">
      <h2 id="mobile-picker-title" className="picker-title">{t('mobileColumn.title')}</h2>
      <p className="muted">{several ? t('mobileColumn.several') : t('mobileColumn.none')}</p>
      <div className="picker-options" role="radiogroup" aria-labelledby="mobile-picker-title">
        {options.map((option) => (
          <label key={option.name} className={option.name === choice ? 'picker-option active' : 'picker-option'}>
            <input type="radio" name="mobile-column" value={option.name} checked={option.name === choice} onChange={() => setChoice(option.name)} />
            <span className="picker-name">{option.name}</span>
            {option.recognised && <span className="tag">{t('mobileColumn.recognised')}</span>}
          </label>
        ))}
      </div>
      <button type="button" className="button primary" disabled={!choice} onClick={() => void setMobileColumn(choice)}>
        {t('mobileColumn.use')}
      </button>
    </div>
  );
}
