/** In a list's summary: how many sendable numbers are in the opt-out list, and so left out of every drop. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';

export function OptedOutFigure({ list }: { list: ListView }) {
  const { t } = useTranslation('reports');
  const language = useDropdesk((state) => state.language);
  const count = useDropdesk((state) => state.countOptedOutInList);
  const optOutsVersion = useDropdesk((state) => state.optOutsVersion);
  const [result, setResult] = useState<{ listId: string; optedOut: number; lines: number[] } | null>(null);
  useEffect(() => {
    let current = true;
    void count(list.id).then((answer) => {
      if (current && answer) setResult({ listId: list.id, ...answer });
    });
    return () => {
      current = false;
    };
  }, [count, list.id, list.updatedAt, list.summary.sendable, optOutsVersion]);
  if (!result || result.listId !== list.id) return null;
  return (
    <p className={result.optedOut > 0 ? 'opted-out-figure warn' : 'opted-out-figure muted small'} data-testid="summary-opted-out" data-value={result.optedOut}>
      {result.optedOut > 0
        ? t('optOuts.excludedInList', { count: result.optedOut, formatted: formatCount(result.optedOut, language) })
        : t('screen.noneOptedOutInList')}
      {result.optedOut > 0 && result.lines.length > 0 && <span className="muted small"> {t('screen.optedOutLines', { count: result.lines.length, lines: result.lines.slice(0, 10).join(', ') + (result.optedOut > 10 ? '…' : '') })}</span>}
    </p>
  );
}
