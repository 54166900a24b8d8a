/** Steps through the sendable recipients and shows what each one receives. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { describeError } from '../../i18n/describe-error';
import { counterFigures } from './message-counter';
import { segmentRuns } from './segment-runs';

export function RecipientPreviewPanel() {
  const { t, i18n } = useTranslation('composer');
  const language = useDropdesk((state) => state.language);
  const preview = useDropdesk((state) => state.recipientPreview);
  const showRecipient = useDropdesk((state) => state.showRecipient);
  const result = preview.result;
  const total = result?.sendableTotal ?? 0;
  const [goTo, setGoTo] = useState('');
  useEffect(() => setGoTo(result ? String(result.rowIndex + 1) : ''), [result]);

  const runs = useMemo(() => (result ? segmentRuns(result.message, result.count.spans) : []), [result]);
  const figures = result ? counterFigures(result.count) : null;

  return (
    <section className="card preview" aria-labelledby="preview-title" data-testid="recipient-preview">
      <header className="composer-header">
        <h2 id="preview-title">{t('screen.preview.title')}</h2>
        <div className="preview-nav">
          <button
            type="button"
            className="button small"
            disabled={!result || preview.rowIndex <= 0 || preview.loading}
            onClick={() => void showRecipient(preview.rowIndex - 1)}
            data-testid="preview-previous"
          >
            {t('screen.preview.previous')}
          </button>
          <form
            className="preview-goto"
            onSubmit={(event) => {
              event.preventDefault();
              const wanted = Number.parseInt(goTo, 10);
              if (Number.isFinite(wanted) && total > 0) void showRecipient(Math.min(Math.max(wanted, 1), total) - 1);
            }}
          >
            <label>
              <span className="visually-hidden">{t('screen.preview.goTo')}</span>
              <input
                className="input preview-goto-input"
                inputMode="numeric"
                value={goTo}
                onChange={(event) => setGoTo(event.target.value.replace(/\D/g, ''))}
                data-testid="preview-goto"
              />
            </label>
            <span className="muted">{t('screen.preview.of', { total: formatCount(total, language) })}</span>
          </form>
          <button
            type="button"
            className="button small"
            disabled={!result || preview.rowIndex >= total - 1 || preview.loading}
            onClick={() => void showRecipient(preview.rowIndex + 1)}
            data-testid="preview-next"
          >
            {t('screen.preview.next')}
          </button>
        </div>
      </header>

      {preview.error && (
        <p className="composer-warning" role="alert">
          {describeError(t, preview.error, (key) => i18n.exists(key))}
        </p>
      )}
      {!result && !preview.error && <p className="muted">{t(preview.loading ? 'screen.preview.loading' : 'screen.preview.empty')}</p>}
      {result && figures && (
        <div className={preview.loading ? 'preview-body loading' : 'preview-body'}>
          <p className="preview-recipient" data-testid="preview-recipient">
            <strong>{t('screen.preview.recipient', { number: result.rowIndex + 1 })}</strong>
            <span className="muted"> · +{result.number}</span>
          </p>
          <p
            className="composer-counter"
            data-testid="preview-counter"
            data-encoding={figures.encoding}
            data-segments={figures.segments}
          >
            {t('counter.label', { units: figures.units, capacity: figures.capacity, segments: figures.segments, encoding: figures.encoding })}
          </p>
          {result.message === '' && <p className="muted">{t('screen.preview.emptyMessage')}</p>}
          {result.message !== '' && (
          <div className="sms-parts" data-testid="preview-segments">
            {runs.map((part, index) => (
              <div className="sms-part" key={index}>
                <div className="sms-part-label">{t('screen.segments.part', { number: index + 1 })}</div>
                <p className="sms-part-text" data-testid="preview-message">
                  {part.map((run) =>
                    run.kind === 'outside' ? (
                      <mark key={run.start} className="run-outside static">
                        {run.text}
                      </mark>
                    ) : (
                      <span key={run.start} className={run.kind === 'extension' ? 'run-extension' : undefined}>
                        {run.text}
                      </span>
                    ),
                  )}
                </p>
              </div>
            ))}
          </div>
          )}
          {result.unknownFields.length > 0 && (
            <p className="composer-warning" role="alert">
              {t('screen.fields.unknown', { fields: result.unknownFields.join(', '), count: result.unknownFields.length })}
            </p>
          )}
          {result.overAccountLimit && <p className="composer-warning">{t('screen.preview.overLimit')}</p>}
          {result.fitsAllMySms160 === false && <p className="composer-warning">{t('screen.preview.allMySms160')}</p>}
          <details className="preview-values">
            <summary>{t('screen.preview.values')}</summary>
            <dl>
              {Object.entries(result.values).map(([column, value]) => (
                <div key={column}>
                  <dt>{column}</dt>
                  <dd>{value === '' ? <span className="muted">{t('screen.preview.emptyValue')}</span> : value}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      )}
    </section>
  );
}
