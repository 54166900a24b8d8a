import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { frenchDisplayNumber, reasonInWords } from './number-words';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { GridRow, ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { rowAt } from '../../store/row-pages';
import { formatCount } from '../../i18n/format';
import { GRID_ROW_HEIGHT, columnWidths, gridTemplate, gridWidth, moveActiveCell, moveForKey, pinnedOffsets, rowNumberWidth, scrollLeftToShow } from './grid-layout';
import { FixNotice } from './fix-notice';
import { ColumnHeader } from './column-header';
import { scrollScale, type ScrollScale } from './scroll-scale';

interface ActiveCell {
  position: number;
  column: number;
}

interface CellEdit extends ActiveCell {
  rowIndex: number;
  draft: string;
}

/**
 * The virtualised list grid: only the rows on screen exist in the DOM, and
 * their pages are fetched from main as the user scrolls.
 */
export function ListGrid({ list }: { list: ListView }) {
  const { t } = useTranslation('lists');
  const language = useDropdesk((state) => state.language);
  const rowCache = useDropdesk((state) => state.rowCache);
  const ensureRows = useDropdesk((state) => state.ensureRows);
  const applyEdit = useDropdesk((state) => state.applyEdit);
  const selection = useDropdesk((state) => state.selection);
  const setSelection = useDropdesk((state) => state.setSelection);
  const filter = useDropdesk((state) => state.filter);
  const search = useDropdesk((state) => state.search);
  const revealPosition = useDropdesk((state) => state.revealPosition);
  const clearReveal = useDropdesk((state) => state.clearReveal);
  const fixRow = useDropdesk((state) => state.fixRow);
  const keptRows = useDropdesk((state) => state.keptRows);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [editing, setEditing] = useState<CellEdit | null>(null);

  const total = rowCache.total ?? 0;
  const widths = useMemo(
    () => columnWidths(list.columns, list.summary.longestValues, list.mobileColumn),
    [list.columns, list.summary.longestValues, list.mobileColumn],
  );
  const numberWidth = rowNumberWidth(list.summary.rows);
  const template = gridTemplate(numberWidth, widths);
  const width = gridWidth(numberWidth, widths);
  // Pinned (CSS sticky): the row number, the status and the mobile column stay in view on a horizontal scroll.
  const pinned = pinnedOffsets(numberWidth);
  const mobileIndex = list.mobileColumn === null ? -1 : list.columns.indexOf(list.mobileColumn);
  const pinnedStyle = (column: number) => (column === mobileIndex ? { left: pinned.mobile, right: 0 } : undefined);
  const pinnedClass = (column: number) => (column === mobileIndex ? ' sticky-mobile' : '');
  const kept = useMemo(() => new Set(keptRows), [keptRows]);

  const viewportHeight = scrollRef.current?.clientHeight ?? 600;
  const scale = scrollScale(total * GRID_ROW_HEIGHT, viewportHeight);
  // The virtualizer reads and sets real offsets; the scroller holds page offsets.
  const scaleRef = useRef<ScrollScale>(scale);
  scaleRef.current = scale;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID_ROW_HEIGHT,
    overscan: 12,
    observeElementOffset: (instance, onOffset) =>
      observeElementOffset(instance, (offset, isScrolling) => onOffset(scaleRef.current.toReal(offset), isScrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(scaleRef.current.toDom(offset), options, instance),
  });
  useScaledWheel(scrollRef, scaleRef);
  const items = virtualizer.getVirtualItems();
  const realOffset = virtualizer.scrollOffset ?? 0;
  // Where a row sits in the page: its real offset, moved next to the scroll position when scaled.
  const rowTop = (start: number) => (scale.ratio === 1 ? start : scale.toDom(realOffset) + (start - realOffset));
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? first + 40;

  useEffect(() => {
    void ensureRows(first, last);
  }, [first, last, rowCache.queryKey, rowCache.generation, ensureRows]);

  // A new filter or search starts at the top with nothing active.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(null);
    setEditing(null);
  }, [rowCache.queryKey]);

  useEffect(() => {
    if (revealPosition === null || revealPosition >= total) return;
    setActive({ position: revealPosition, column: 0 });
    revealRow(revealPosition);
    scrollRef.current?.focus();
    clearReveal();
    // revealRow reads refs only; running again for a new render would scroll back.
  }, [revealPosition, total, clearReveal]);

  const bounds = { rows: total, columns: list.columns.length, pageRows: Math.max(1, items.length - 4) };

  /**
   * Scrolls just enough to show a row entirely. Done here rather than with the
   * virtualizer's scrollToIndex, which clamps to the page's (scaled) scroll range.
   */
  const revealRow = (position: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const headerHeight = element.querySelector('.grid-header')?.clientHeight ?? 0;
    const view = element.clientHeight - headerHeight;
    const rowStart = position * GRID_ROW_HEIGHT;
    const current = scaleRef.current.toReal(element.scrollTop);
    if (rowStart < current) element.scrollTop = Math.floor(scaleRef.current.toDom(rowStart));
    else if (rowStart + GRID_ROW_HEIGHT > current + view) {
      element.scrollTop = Math.ceil(scaleRef.current.toDom(rowStart + GRID_ROW_HEIGHT - view));
    }
  };

  /** Scrolls sideways just enough to show a column beside the pinned cells. */
  const revealColumn = (column: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const left = scrollLeftToShow(column, {
      rowNumber: numberWidth,
      widths,
      mobileColumn: mobileIndex >= 0 ? mobileIndex : null,
      scrollLeft: element.scrollLeft,
      viewWidth: element.clientWidth,
    });
    if (left !== element.scrollLeft) element.scrollLeft = left;
  };

  const focusCell = (cell: ActiveCell) => {
    setActive(cell);
    revealRow(cell.position);
    revealColumn(cell.column);
  };

  const startEdit = (cell: ActiveCell, draft?: string) => {
    const row = rowAt(rowCache, cell.position);
    if (!row) return;
    setActive(cell);
    setEditing({ ...cell, rowIndex: row.index, draft: draft ?? row.values[cell.column] ?? '' });
  };

  const commitEdit = (edit: CellEdit) => {
    setEditing(null);
    scrollRef.current?.focus();
    const row = rowAt(rowCache, edit.position);
    const previous = row?.index === edit.rowIndex ? row.values[edit.column] ?? '' : undefined;
    if (previous === edit.draft) return;
    const change = { type: 'set-cell' as const, row: edit.rowIndex, column: edit.column, value: edit.draft };
    // A new number for a row to fix: it stays in this view (even "Invalides") and a notice says how it turned out.
    if (row && row.status !== 'valid' && edit.column === mobileIndex) void fixRow(change, edit.position);
    else void applyEdit(change);
  };

  /** "Corriger" on a refused number: edit its mobile cell. */
  const startFix = (position: number) => {
    if (mobileIndex < 0) return;
    revealColumn(mobileIndex);
    startEdit({ position, column: mobileIndex });
  };

  const cancelEdit = () => {
    setEditing(null);
    scrollRef.current?.focus();
  };

  const toggleRow = (row: GridRow) => {
    const next = new Set(selection);
    if (next.has(row.index)) next.delete(row.index);
    else next.add(row.index);
    setSelection(next);
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in a cell editor or a dialog opened from a header are theirs, not the grid's.
    if (event.target !== event.currentTarget || editing || total === 0 || list.columns.length === 0) return;
    const cell = active ?? { position: first, column: 0 };
    const move = moveForKey(event.key, event.ctrlKey || event.metaKey);
    if (move) {
      event.preventDefault();
      focusCell(moveActiveCell(cell, move, bounds));
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(cell);
    } else if (event.key === ' ') {
      event.preventDefault();
      const row = rowAt(rowCache, cell.position);
      if (row) toggleRow(row);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing over a cell replaces its value, as in a spreadsheet.
      event.preventDefault();
      startEdit(cell, event.key);
    }
  };

  const activeId = active ? `cell-${active.position}-${active.column}` : undefined;
  const emptyMessage =
    rowCache.total === 0
      ? search
        ? t('grid.noMatch')
        : filter === 'invalid'
          ? t('grid.noInvalid')
          : filter === 'duplicates'
            ? t('grid.noDuplicates')
            : t('grid.empty')
      : null;

  return (
    <div className="grid-frame">
      <FixNotice />
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={t('grid.label', { name: list.name })}
        aria-rowcount={total + 1}
        aria-colcount={list.columns.length + 2}
        aria-multiselectable="true"
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onGridKeyDown}
        data-testid="grid"
      >
        <div className="grid-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
          <div role="columnheader" className="grid-cell row-number sticky-start">#</div>
          <div role="columnheader" className="grid-cell status-cell sticky-status" style={{ left: pinned.status }}>
            {t('grid.status')}
          </div>
          {list.columns.map((name, column) => (
            <ColumnHeader key={`${column}-${name}`} list={list} name={name} column={column} pinned={pinnedStyle(column)} />
          ))}
        </div>
        <div className="grid-body" style={{ height: scale.domHeight, width }}>
          {items.map((item) => {
            const row = rowAt(rowCache, item.index);
            const selected = row ? selection.has(row.index) : false;
            const fixed = row ? kept.has(row.index) : false;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`grid-row ${!row ? 'loading' : list.mobileColumn === null ? 'status-pending' : `status-${row.status}`}${selected ? ' selected' : ''}${fixed ? ' fixed' : ''}`}
                // `top`, not a transform: layout's fixed-point units place rows exactly at any offset.
                style={{ top: rowTop(item.start), gridTemplateColumns: template, width }}
                data-row-index={row?.index}
                data-fixed={fixed || undefined}
              >
                <div role="rowheader" className="grid-cell row-number sticky-start">
                  {row && (
                    <label className="row-select">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        checked={selected}
                        onChange={() => toggleRow(row)}
                        aria-label={t('grid.selectRow', { row: row.index + 1 })}
                      />
                      <span>{formatCount(row.index + 1, language)}</span>
                    </label>
                  )}
                </div>
                <div role="gridcell" className="grid-cell status-cell sticky-status" style={{ left: pinned.status }}>
                  {row ? (
                    <RowStatusBadge row={row} raw={mobileIndex >= 0 ? (row.values[mobileIndex] ?? '') : ''} awaitingMobileColumn={list.mobileColumn === null} />
                  ) : (
                    <span className="skeleton" />
                  )}
                </div>
                {list.columns.map((_name, column) => {
                  const isActive = active?.position === item.index && active.column === column;
                  const isEditing = editing?.position === item.index && editing.column === column;
                  return (
                    <div
                      key={column}
                      id={`cell-${item.index}-${column}`}
                      role="gridcell"
                      aria-colindex={column + 3}
                      className={`grid-cell data-cell${pinnedClass(column)}${isActive ? ' active' : ''}${isEditing ? ' editing' : ''}`}
                      style={pinnedStyle(column)}
                      onMouseDown={() => setActive({ position: item.index, column })}
                      onDoubleClick={() => startEdit({ position: item.index, column })}
                    >
                      {isEditing && editing ? (
                        <CellEditor
                          edit={editing}
                          label={t('grid.editCell', { column: list.columns[column], row: editing.rowIndex + 1 })}
                          onChange={(draft) => setEditing({ ...editing, draft })}
                          onCommit={() => commitEdit(editing)}
                          onCancel={cancelEdit}
                        />
                      ) : row ? (
                        <>
                          <span className="cell-text" title={row.values[column]}>{row.values[column]}</span>
                          {column === mobileIndex && fixed && (
                            // Its words are drawn by CSS (data-label): the cell's text stays the number alone, as copied or searched.
                            <span className="fixed-tag" data-testid="fixed-tag" data-label={t('grid.fixedTag')} role="img" aria-label={t('grid.fixedTag')} />
                          )}
                          {column === mobileIndex && !fixed && row.status === 'invalid' && (
                            // A mouse shortcut: from the keyboard, Enter on the cell does the same.
                            <button
                              type="button"
                              className="fix-button"
                              tabIndex={-1}
                              onMouseDown={(event) => event.stopPropagation()}
                              onClick={() => startFix(item.index)}
                              aria-label={t('grid.fixRow', { row: row.index + 1 })}
                              data-testid="fix-row"
                              data-label={t('grid.fix')}
                            />
                          )}
                        </>
                      ) : (
                        <span className="skeleton" />
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {emptyMessage && <p className="grid-empty muted">{emptyMessage}</p>}
      </div>
      <p className="grid-footer muted small" aria-live="polite" data-testid="grid-total">
        {rowCache.total === null ? t('grid.loading') : t('grid.total', { count: rowCache.total, formatted: formatCount(rowCache.total, language) })}
        {selection.size > 0 && ` · ${t('grid.selected', { count: selection.size })}`}
        {' · '}
        {t('grid.editHint')}
      </p>
    </div>
  );
}

/**
 * When the scroll range is scaled, a wheel notch would jump `ratio` times too
 * far: move the scroller by the notch divided by the ratio instead, keeping
 * the fractions so slow trackpad scrolls still move.
 */
function useScaledWheel(scrollRef: RefObject<HTMLDivElement | null>, scaleRef: RefObject<ScrollScale>) {
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let pending = 0;
    const onWheel = (event: WheelEvent) => {
      const ratio = scaleRef.current.ratio;
      if (ratio === 1 || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
      event.preventDefault();
      const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? GRID_ROW_HEIGHT : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? element.clientHeight : 1;
      pending += (event.deltaY * unit) / ratio;
      const step = Math.trunc(pending);
      pending -= step;
      element.scrollTop += step;
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scrollRef, scaleRef]);
}

function CellEditor({
  edit,
  label,
  onChange,
  onCommit,
  onCancel,
}: {
  edit: CellEdit;
  label: string;
  onChange: (draft: string) => void;
  onCommit: () => void;
  onCancel: () => void;
}) {
  // Escape must not be followed by the blur's commit.
  const cancelled = useRef(false);
  return (
    <input
      className="cell-editor"
      autoFocus
      aria-label={label}
      value={edit.draft}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          cancelled.current = true;
          onCommit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          cancelled.current = true;
          onCancel();
        }
      }}
      onBlur={() => {
        if (!cancelled.current) onCommit();
      }}
    />
  );
}

function RowStatusBadge({ row, raw, awaitingMobileColumn }: { row: GridRow; raw: string; awaitingMobileColumn: boolean }) {
  const { t } = useTranslation('lists');
  // No verdict can be given before the user says which column holds the numbers.
  if (awaitingMobileColumn) {
    return (
      <span className="status-badge pending">
        <span className="dot" aria-hidden="true" />
        {t('status.pending')}
      </span>
    );
  }
  if (row.status === 'invalid') {
    return (
      <span className="status-badge invalid">
        <span className="dot" aria-hidden="true" />
        {t('status.invalid')} · <ReasonText raw={raw} reason={row.reason} />
      </span>
    );
  }
  return (
    <span className={`status-badge ${row.status}`}>
      <span className="dot" aria-hidden="true" />
      {t(`status.${row.status}`)}
      {row.normalized && <span className="normalized" title={`+${row.normalized}`}>{frenchDisplayNumber(row.normalized)}</span>}
    </span>
  );
}

/** Why a number is refused, in words ("abîmé par Excel", "8 chiffres au lieu de 10"). */
function ReasonText({ raw, reason }: { raw: string; reason: GridRow['reason'] }) {
  const { t } = useTranslation('lists');
  const words = reasonInWords(raw, reason);
  const text =
    words.key === 'excel'
      ? t('reasonWords.excel')
      : words.key === 'digits'
        ? t('reasonWords.digits', { count: words.count })
        : words.key === 'letters'
          ? t('reasonWords.letters')
          : t(`reason.${words.key}`);
  // The status column is narrow: the whole sentence stays in the tooltip.
  return (
    <span data-testid="reason-words" title={text}>
      {text}
    </span>
  );
}
