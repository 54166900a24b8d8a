/**
 * One recipient of the report as the user reads it: the list's columns, the
 * number written the French way, the status in words; MediasFlow's raw
 * columns (codes, line numbers, dates, MF_* flags) under "Détails".
 */
import { useTranslation } from 'react-i18next';
import type { RecipientLayout } from '@shared/reports/recipient-layout';
import { CATEGORY_COLOURS, type ReportChannel } from '@shared/reports/status-codes';
import { recipientStatus, type ReportCodeSystem } from '@shared/reports/recipient-status';
import { frenchDisplayNumber } from '../lists/number-words';
import { useDropdesk } from '../../store/store-context';
import { countryName } from '../../i18n/format';

export const COLUMN_WIDTH = 150;
/** The status in words and the "Détails" button come after the list's columns. */
export const STATUS_WIDTH = 240;
export const DETAILS_WIDTH = 96;
export const COUNTRY_WIDTH = 150;

interface RecipientRowProps {
  row: readonly string[];
  /** ISO code as the country breakdown counts the row ('' unknown; null when main did not say: MF_COUNTRY as written). */
  country: string | null;
  index: number;
  columns: readonly string[];
  layout: RecipientLayout;
  channel: ReportChannel;
  /** Whose codes the report holds (MediasFlow's table or iSendPro's annex). */
  codeSystem: ReportCodeSystem;
  expanded: boolean;
  onToggle(): void;
  /** Width of the visible part of the table: the details stay in view when the table is scrolled sideways. */
  visibleWidth: number;
}

const overseasTerritories = new Set(['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']);

/**
 * The number MediasFlow dialled, as French people write it (06 12 34 56 78,
 * 0690 12 34 56 for an overseas territory, even when written 33690…); the
 * raw cell when it has no digits.
 */
export function displayedNumber(intMobile: string, country = ''): string {
  const digits = intMobile.replace(/\D/g, '');
  if (!digits) return intMobile;
  if (overseasTerritories.has(country) && /^33\d{9}$/.test(digits)) {
    const national = `0${digits.slice(2)}`;
    return `${national.slice(0, 4)} ${national.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  }
  return frenchDisplayNumber(digits);
}

export function RecipientRow({ row, country, index, columns, layout, channel, codeSystem, expanded, onToggle, visibleWidth }: RecipientRowProps) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const countryCode = country ?? (layout.country >= 0 ? (row[layout.country] ?? '').trim().toUpperCase() : '');
  const countryLabel = countryCode ? countryName(countryCode, language) : t('figures.unknownCountry');
  const rawCode = layout.statusCode >= 0 ? (row[layout.statusCode] ?? '').trim() : '';
  const known = recipientStatus(codeSystem, channel, rawCode);
  const text = layout.statusText >= 0 ? (row[layout.statusText] ?? '').trim() : '';
  const status = known.known
    ? t(known.labelKey, { defaultValue: known.label })
    : text
      ? t('codes.unknownWithText', { code: rawCode, text })
      : t('codes.unknown', { code: rawCode });
  const category = known.category;
  const detailsId = `recipient-details-${index}`;
  return (
    <>
      <div className="recipients-line">
        {layout.listColumns.map((column) => {
          const value = column.number ? displayedNumber(row[layout.intMobile] ?? '', countryCode) : (row[column.index] ?? '');
          return (
            <div key={column.index} className={column.number ? 'recipients-cell numeric-text' : 'recipients-cell'} style={{ width: COLUMN_WIDTH }} title={value}>
              {value}
            </div>
          );
        })}
        <div className="recipients-cell" style={{ width: COUNTRY_WIDTH }} title={countryLabel} data-testid="recipient-country" data-value={countryCode}>
          {countryLabel}
        </div>
        <div className="recipients-cell" style={{ width: STATUS_WIDTH }} title={status} data-testid="recipient-status">
          <span className="swatch" style={{ background: CATEGORY_COLOURS[category].hex }} aria-hidden="true" /> {status}
        </div>
        <div className="recipients-cell recipients-details-cell" style={{ width: DETAILS_WIDTH }}>
          <button
            type="button"
            className="link-button small"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={onToggle}
            data-testid="recipient-details-toggle"
          >
            {t('recipientTable.details')}
          </button>
        </div>
      </div>
      {expanded && (
        <dl className="recipients-details" id={detailsId} style={{ width: visibleWidth }} data-testid="recipient-details">
          {/* Empty columns (no reply, no click…) are left out: only what MediasFlow wrote. */}
          {layout.detailColumns
            .filter((column) => (row[column.index] ?? '').trim() !== '')
            .map((column) => (
              <div key={column.index} className="recipients-detail">
                <dt>{columns[column.index]}</dt>
                <dd>{row[column.index]}</dd>
              </div>
            ))}
        </dl>
      )}
    </>
  );
}
