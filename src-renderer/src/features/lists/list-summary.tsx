import { useTranslation } from 'react-i18next';
import type { ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { countryBreakdown, formatCount } from '../../i18n/format';
import { OptedOutFigure } from '../opt-outs/opted-out-figure';

const delimiterNames: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

/** The import summary, with the same figures as the provider's /lists/upload answer. */
export function ListSummary({ list }: { list: ListView }) {
  const { t } = useTranslation('lists');
  const language = useDropdesk((state) => state.language);
  const applyEdit = useDropdesk((state) => state.applyEdit);
  const showSection = useDropdesk((state) => state.showSection);
  const createCampaign = useDropdesk((state) => state.createCampaign);
  const { summary } = list;
  const figures = [
    { key: 'rows', value: summary.rows, tone: '' },
    { key: 'valid', value: summary.valid, tone: 'ok' },
    { key: 'invalid', value: summary.invalid, tone: summary.invalid > 0 ? 'bad' : '' },
    { key: 'duplicates', value: summary.duplicates, tone: summary.duplicates > 0 ? 'warn' : '' },
    { key: 'sendable', value: summary.sendable, tone: 'strong' },
  ] as const;
  const countries = countryBreakdown(summary.countries, language);
  const longest = list.columns
    .map((column) => ({ column, longest: summary.longestValues[column] }))
    .filter((entry) => entry.longest);

  return (
    <aside className="summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title" className="summary-title">{t('summary.title')}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} className={`figure ${figure.tone}`}>
            <dt>{t(`summary.${figure.key}`)}</dt>
            <dd data-testid={`summary-${figure.key}`} data-value={figure.value}>
              {formatCount(figure.value, language)}
            </dd>
          </div>
        ))}
      </dl>
      <OptedOutFigure list={list} />
      {/* One action each, undoable: the cleanup the figures above call for. */}
      <div className="cleanup-actions">
        <button type="button" className="button small" disabled={summary.invalid === 0} onClick={() => void applyEdit({ type: 'remove-invalid' })}>
          {t('toolbar.removeInvalid', { count: summary.invalid, formatted: formatCount(summary.invalid, language) })}
        </button>
        <button type="button" className="button small" disabled={summary.duplicates === 0} onClick={() => void applyEdit({ type: 'remove-duplicates' })}>
          {t('toolbar.removeDuplicates', { count: summary.duplicates, formatted: formatCount(summary.duplicates, language) })}
        </button>
      </div>
      <button
        type="button"
        className="button primary start-campaign"
        disabled={summary.sendable === 0}
        data-testid="create-campaign-from-list"
        onClick={() => {
          void createCampaign(list.name, list.id).then(() => showSection('campaigns'));
        }}
      >
        {t('summary.createCampaign')}
      </button>

      <h3 className="summary-heading">{t('summary.countries')}</h3>
      {countries.length === 0 ? (
        <p className="muted small">{t('summary.noCountries')}</p>
      ) : (
        <ul className="country-list" data-testid="summary-countries">
          {countries.map((country) => (
            <li key={country.code}>
              <span>{country.name}</span>
              <span className="numeric">{formatCount(country.count, language)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="summary-heading">{t('summary.emptyColumns')}</h3>
      {summary.emptyColumns.length === 0 ? (
        <p className="muted small">{t('summary.noEmptyColumns')}</p>
      ) : (
        <ul className="tag-list" data-testid="summary-empty-columns">
          {summary.emptyColumns.map((column) => (
            <li key={column} className="tag">{column}</li>
          ))}
        </ul>
      )}

      <h3 className="summary-heading">{t('summary.longestValues')}</h3>
      <table className="longest-table">
        <tbody>
          {longest.map(({ column, longest: value }) => (
            <tr key={column}>
              <th scope="row" title={column}>{column}</th>
              <td className="numeric">{t('summary.characters', { count: value.length })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="summary-heading">{t('summary.file')}</h3>
      <dl className="file-facts">
        <div>
          <dt>{t('summary.encoding')}</dt>
          <dd data-testid="summary-encoding">{t(`encoding.${list.encoding}`)}</dd>
        </div>
        {list.encoding === 'xlsx' ? null : (
          <div>
            <dt>{t('summary.delimiter')}</dt>
            <dd data-testid="summary-delimiter">{t(`delimiter.${delimiterNames[list.delimiter] ?? 'semicolon'}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('summary.mobileColumn')}</dt>
          <dd>{list.mobileColumn ?? t('summary.noMobileColumn')}</dd>
        </div>
      </dl>
    </aside>
  );
}
