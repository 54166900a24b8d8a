/**
 * One recipient of the report as the user reads it: the list's columns, the
 * number written the French way, the status in words; MediasFlow's raw
 * columns (codes, line numbers, dates, MF_* flags) under "Détails".
 */
import { useTranslation } from 'react-i18next';
import type { RecipientLayout } from '@shared/reports/recipient-layout';
import { CATEGORY_COLOURS, categoryOfCode, statusCodeInfo, type ReportChannel } from '@shared/reports/status-codes';
import { frenchDisplayNumber } from '../lists/number-words';

export const COLUMN_WIDTH = 150;
/** The status in words and the "Détails" button come after the list's columns. */
export const STATUS_WIDTH = 240;
export const DETAILS_WIDTH = 96;

interface RecipientRowProps {
  row: readonly string[];
  index: number;
  columns: readonly string[];
  layout: RecipientLayout;
  channel: ReportChannel;
  expanded: boolean;
  onToggle(): void;
  /** Width of the visible part of the table: the details stay in view when the table is scrolled sideways. */
  visibleWidth: number;
}

/** The number MediasFlow dialled, as French people write it (06 12 34 56 78); the raw cell when it has no digits. */
export function displayedNumber(intMobile: string): string {
  const digits = intMobile.replace(/\D/g, '');
  return digits ? frenchDisplayNumber(digits) : intMobile;
}

export function RecipientRow({ row, index, columns, layout, channel, expanded, onToggle, visibleWidth }: RecipientRowProps) {
  const { t } = useTranslation('reports');
  const rawCode = layout.statusCode >= 0 ? (row[layout.statusCode] ?? '').trim() : '';
  const numeric = /^\d{1,10}$/.test(rawCode) ? Number(rawCode) : null;
  const known = numeric !== null ? statusCodeInfo(channel, numeric) : undefined;
  const text = layout.statusText >= 0 ? (row[layout.statusText] ?? '').trim() : '';
  const status = known
    ? t(`codes.${channel}.${numeric}`, { defaultValue: known.label })
    : text
      ? t('codes.unknownWithText', { code: rawCode, text })
      : t('codes.unknown', { code: rawCode });
  const category = numeric !== null ? categoryOfCode(channel, numeric) : 'other';
  const detailsId = `recipient-details-${index}`;
  return (
    <>
      <div className="recipients-line">
        {layout.listColumns.map((column) => {
          const value = column.number ? displayedNumber(row[layout.intMobile] ?? '') : (row[column.index] ?? '');
          return (
            <div key={column.index} className={column.number ? 'recipients-cell numeric-text' : 'recipients-cell'} style={{ width: COLUMN_WIDTH }} title={value}>
              {value}
            </div>
          );
        })}
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
