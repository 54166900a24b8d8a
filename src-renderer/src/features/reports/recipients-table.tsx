/**
 * Drill-down: the recipients of the category or code picked in a chart, with
 * a search, in a virtualised table that asks main for pages as it scrolls
 * (a 1,000,000-row report stays in main), and the CSV export of that view.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReportCampaignView } from '@shared/ipc/channels/reports';
import { REPORT_CATEGORIES, type ReportCategory } from '@shared/reports/status-codes';
import { recipientLayout } from '@shared/reports/recipient-layout';
import { reportCodeSystemOf } from '@shared/reports/recipient-status';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { ReportListActions } from './report-list-actions';
import { COLUMN_WIDTH, COUNTRY_WIDTH, DETAILS_WIDTH, RecipientRow, STATUS_WIDTH } from './recipient-row';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 30;

interface Pages {
  version: number;
  columns: string[];
  total: number | null;
  rows: Map<number, string[]>;
  countries: Map<number, string>;
}

export function RecipientsTable({ campaign }: { campaign: ReportCampaignView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const filter = useDropdesk((state) => state.drillDown);
  const version = useDropdesk((state) => state.drillDownVersion);
  const setDrillDown = useDropdesk((state) => state.setDrillDown);
  const loadReportRows = useDropdesk((state) => state.loadReportRows);
  const exportDrillDown = useDropdesk((state) => state.exportDrillDown);
  const [search, setSearch] = useState(filter.search ?? '');
  const [pages, setPages] = useState<Pages>({ version: -1, columns: [], total: null, rows: new Map(), countries: new Map() });
  const requested = useRef(new Set<string>());
  const scroller = useRef<HTMLDivElement>(null);

  // The search is applied after a short pause in typing.
  useEffect(() => {
    if ((filter.search ?? '') === search) return;
    const timer = window.setTimeout(() => setDrillDown({ ...filter, search }), 250);
    return () => window.clearTimeout(timer);
  }, [search, filter, setDrillDown]);

  const fetchPage = (page: number, forVersion: number) => {
    const key = `${forVersion}:${page}`;
    if (requested.current.has(key)) return;
    requested.current.add(key);
    void loadReportRows(page * PAGE_SIZE, PAGE_SIZE).then((result) => {
      if (!result) return;
      setPages((current) => {
        if (current.version !== forVersion && current.version !== -1 && forVersion < current.version) return current;
        const same = current.version === forVersion;
        const rows = same ? new Map(current.rows) : new Map<number, string[]>();
        const countries = same ? new Map(current.countries) : new Map<number, string>();
        result.rows.forEach((row, index) => rows.set(result.offset + index, row));
        result.countries?.forEach((country, index) => countries.set(result.offset + index, country));
        return { version: forVersion, columns: result.columns, total: result.total, rows, countries };
      });
    });
  };

  useEffect(() => {
    requested.current = new Set();
    scroller.current?.scrollTo({ top: 0 });
    fetchPage(0, version);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, campaign.jobId]);

  const total = pages.version === version ? (pages.total ?? 0) : 0;
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setExpanded(new Set()), [version, campaign.jobId]);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const item of items) {
      if (!pages.rows.has(item.index)) fetchPage(Math.floor(item.index / PAGE_SIZE), version);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.map((item) => item.index).join(','), version]);

  const layout = recipientLayout(pages.columns, campaign.channel);
  const width = layout.listColumns.length * COLUMN_WIDTH + COUNTRY_WIDTH + STATUS_WIDTH + DETAILS_WIDTH;
  const toggle = (index: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const describe = filter.code ? t('screen.filterCode', { code: filter.code }) : filter.category ? t(`categories.${filter.category}`) : t('drillDown.allCategories');

  return (
    <section className="card report-card recipients" data-testid="recipients">
      <header className="report-card-header">
        <h3>
          {t('screen.recipientsTitle')} — <span data-testid="recipients-filter">{describe}</span>
        </h3>
        <span className="muted small" data-testid="recipients-total" data-value={total}>
          {t('drillDown.rows', { count: total, formatted: formatCount(total, language) })}
        </span>
      </header>
      <div className="toolbar-row recipients-toolbar">
        <select
          className="input"
          aria-label={t('screen.categoryFilter')}
          value={filter.code ? `code:${filter.code}` : (filter.category ?? '')}
          onChange={(event) => {
            const value = event.target.value;
            setDrillDown({ ...(value ? { category: value as ReportCategory } : {}), ...(search ? { search } : {}) });
          }}
          data-testid="recipients-category"
        >
          <option value="">{t('drillDown.allCategories')}</option>
          {REPORT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
          {filter.code && <option value={`code:${filter.code}`}>{t('screen.filterCode', { code: filter.code })}</option>}
        </select>
        <input
          className="input recipients-search"
          type="search"
          placeholder={t('drillDown.search')}
          aria-label={t('drillDown.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="recipients-search"
        />
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void exportDrillDown()} disabled={total === 0} data-testid="recipients-export">
          {t('drillDown.export')}
        </button>
        <ReportListActions campaignName={campaign.campaignName} shown={total} />
      </div>
      {/* Focusable so the keyboard scrolls it too (axe: scrollable-region-focusable). */}
      <div className="recipients-scroll" ref={scroller} tabIndex={0} data-testid="recipients-scroll">
        <div className="recipients-header" style={{ width }} data-testid="recipients-header">
          {layout.listColumns.map((column) => (
            <div key={`${column.name}-${column.index}`} className="recipients-cell" style={{ width: COLUMN_WIDTH }} title={column.name}>
              {column.number ? t('recipientTable.number') : column.name}
            </div>
          ))}
          <div className="recipients-cell" style={{ width: COUNTRY_WIDTH }}>
            {t('recipientTable.country')}
          </div>
          <div className="recipients-cell" style={{ width: STATUS_WIDTH }}>
            {t('recipientTable.status')}
          </div>
          <div className="recipients-cell" style={{ width: DETAILS_WIDTH }}>
            <span className="visually-hidden">{t('recipientTable.details')}</span>
          </div>
        </div>
        <div className="recipients-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {items.map((item) => {
            const row = pages.rows.get(item.index);
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="recipients-row"
                style={{ transform: `translateY(${item.start}px)`, width }}
                data-testid="recipient-row"
              >
                {row ? (
                  <RecipientRow
                    row={row}
                    country={pages.countries.get(item.index) ?? null}
                    index={item.index}
                    columns={pages.columns}
                    layout={layout}
                    channel={campaign.channel}
                    codeSystem={reportCodeSystemOf(campaign.providerId)}
                    expanded={expanded.has(item.index)}
                    onToggle={() => toggle(item.index)}
                    visibleWidth={Math.max(320, (scroller.current?.clientWidth ?? 720) - 2)}
                  />
                ) : (
                  <span className="skeleton" />
                )}
              </div>
            );
          })}
        </div>
        {total === 0 && pages.version === version && <p className="muted grid-empty">{t('screen.noRecipients')}</p>}
      </div>
    </section>
  );
}
