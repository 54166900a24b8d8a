/**
 * After a fix in the grid: the fixed row as main now sees it (once its page
 * of the fix's generation has arrived), for the notice "Ligne 12 corrigée :
 * 06 10 00 00 00". Pure, unit tested.
 */
import type { GridRow } from '@shared/lists/list-types';
import type { RowFix } from '../../store/lists-slice';
import { ROWS_PER_PAGE, type RowCache } from '../../store/row-pages';

export function fixedRow(cache: RowCache, fix: RowFix | null, pageSize = ROWS_PER_PAGE): GridRow | null {
  if (!fix) return null;
  const page = cache.pages.get(Math.floor(fix.position / pageSize));
  if (!page || page.generation < fix.generation) return null;
  const row = page.rows[fix.position % pageSize];
  return row?.index === fix.rowIndex ? row : null;
}
