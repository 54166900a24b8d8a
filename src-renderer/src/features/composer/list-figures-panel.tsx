/** The whole-list figures, computed by main in a worker; a progress bar while they run. */
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { formatCount } from '../../i18n/format';
import { describeError } from '../../i18n/describe-error';

export function ListFiguresPanel() {
  const { t, i18n } = useTranslation('composer');
  const language = useDropdesk((state) => state.language);
  const figures = useDropdesk((state) => state.listFigures);
  const draft = useDropdesk((state) => state.draft);
  const compute = useDropdesk((state) => state.computeListFigures);
  const showRecipient = useDropdesk((state) => state.showRecipient);
  const editDraft = useDropdesk((state) => state.editDraft);
  // MediasFlow renders the fields itself: without allowUCS2 it replaces every accent (autoREPLACETOGSM7); AllMySMS gets our rendering.
  const fieldsReplaced = draft ? (draft.provider === 'mediasflow-sftp' ? !draft.allowUcs2 : draft.replaceInFields) : false;
  const replaceInFields = (on: boolean) => (draft?.provider === 'mediasflow-sftp' ? editDraft({ allowUcs2: !on }) : editDraft({ replaceInFields: on }));
  const result = figures.result;
  const n = (value: number) => formatCount(value, language);
  const percent = figures.total > 0 ? Math.round((figures.done / figures.total) * 100) : 0;
  const distribution = result
    ? Object.entries(result.distribution)
        .map(([segments, recipients]) => ({ segments: Number(segments), recipients }))
        .sort((a, b) => a.segments - b.segments)
    : [];
  const widest = Math.max(1, ...distribution.map((entry) => entry.recipients));

  return (
    <section className="card figures-panel" aria-labelledby="figures-title" data-testid="list-figures">
      <header className="composer-header">
        <h2 id="figures-title">{t('screen.figures.title')}</h2>
        <button
          type="button"
          className="button small"
          disabled={!draft?.listId || figures.running}
          onClick={() => void compute()}
          data-testid="figures-compute"
        >
          {t(result ? 'screen.figures.recompute' : 'screen.figures.compute')}
        </button>
      </header>

      {figures.running && (
        <div className="progress" data-testid="figures-progress">
          <progress max={100} value={percent} aria-label={t('screen.figures.progressLabel')} />
          <span className="muted small">
            {t('screen.figures.progress', { done: n(figures.done), total: n(figures.total) })}
          </span>
        </div>
      )}
      {figures.error && (
        <p className="composer-warning" role="alert">
          {describeError(t, figures.error, (key) => i18n.exists(key))}
        </p>
      )}
      {!result && !figures.running && !figures.error && <p className="muted">{t('screen.figures.hint')}</p>}
      {result && (
        <div className={figures.stale ? 'figures-body stale' : 'figures-body'} data-testid="figures-result">
          {figures.stale && !figures.running && <p className="muted small">{t('screen.figures.stale')}</p>}
          <dl className="figures">
            <Figure label={t('screen.figures.totalSegments')} value={n(result.segments.total)} testId="figures-total" strong />
            <Figure label={t('screen.figures.recipients')} value={n(result.recipients)} testId="figures-recipients" />
            <Figure
              label={t('screen.figures.minMax')}
              value={result.recipients ? `${n(result.segments.min)} – ${n(result.segments.max)}` : '—'}
              testId="figures-minmax"
            />
            <Figure label={t('screen.figures.encoding', { encoding: 'GSM-7' })} value={n(result.encodings['GSM-7'])} testId="figures-gsm7" />
            <Figure label={t('screen.figures.encoding', { encoding: 'UCS-2' })} value={n(result.encodings['UCS-2'])} testId="figures-ucs2" />
          </dl>
          {distribution.length > 0 && (
            <div className="distribution" aria-label={t('screen.figures.distribution')}>
              {distribution.map((entry) => (
                <div className="distribution-row" key={entry.segments}>
                  <span className="distribution-label">{t('screen.figures.segmentsCount', { count: entry.segments })}</span>
                  <span className="distribution-bar">
                    <span className="distribution-fill" style={{ width: `${(entry.recipients / widest) * 100}%` }} />
                  </span>
                  <span className="numeric">{n(entry.recipients)}</span>
                </div>
              ))}
            </div>
          )}
          <ul className="figures-checks">
            <Check
              ok={result.switchedToUcs2 === 0}
              text={
                result.switchedToUcs2 === 0
                  ? t('screen.figures.switched', { count: 0, formatted: n(0) })
                  : t('screen.figures.switchedAsk', { count: result.switchedToUcs2, formatted: n(result.switchedToUcs2) })
              }
              example={result.examples.switchedToUcs2[0]}
              onShow={showRecipient}
              testId="figures-switched"
            />
            {result.switchedToUcs2 > 0 && !fieldsReplaced && (
              <li className="check-action">
                <button type="button" className="button small primary" onClick={() => replaceInFields(true)} data-testid="replace-in-fields">
                  {t('screen.figures.replaceInFields')}
                </button>
              </li>
            )}
            {fieldsReplaced && draft?.provider !== 'mediasflow-sftp' && (
              <li className="check ok" data-testid="fields-replaced">
                <span className="check-mark" aria-hidden="true">✓</span>
                <span>
                  {t('screen.figures.replaceInFieldsOn')}{' '}
                  <button type="button" className="link-button" onClick={() => replaceInFields(false)}>
                    {t('screen.figures.replaceInFieldsUndo')}
                  </button>
                </span>
              </li>
            )}
            <Check
              ok={result.overAccountLimit === 0}
              text={t('screen.figures.overLimit', { count: result.overAccountLimit, formatted: n(result.overAccountLimit), max: result.maxSegments })}
              example={result.examples.overAccountLimit[0]}
              onShow={showRecipient}
              testId="figures-over-limit"
            />
            {result.allMySms160Failures !== null && (
              <Check
                ok={result.allMySms160Failures === 0}
                text={t('screen.figures.allMySms160', { count: result.allMySms160Failures, formatted: n(result.allMySms160Failures) })}
                example={result.examples.allMySms160Failures[0]}
                onShow={showRecipient}
                testId="figures-allmysms"
              />
            )}
            <Check
              ok={result.unknownFields.length === 0}
              text={
                result.unknownFields.length === 0
                  ? t('screen.figures.noUnknownFields')
                  : t('screen.fields.unknown', { fields: result.unknownFields.join(', '), count: result.unknownFields.length })
              }
              onShow={showRecipient}
              testId="figures-unknown"
            />
          </ul>
        </div>
      )}
    </section>
  );
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className={strong ? 'figure strong' : 'figure'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function Check({
  ok,
  text,
  example,
  onShow,
  testId,
}: {
  ok: boolean;
  text: string;
  example?: number;
  onShow(rowIndex: number): Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation('composer');
  return (
    <li className={ok ? 'check ok' : 'check warn'} data-testid={testId}>
      <span className="check-mark" aria-hidden="true">{ok ? '✓' : '!'}</span>
      <span>
        {text}
        {!ok && example !== undefined && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => void onShow(example)}>
              {t('screen.figures.showExample', { number: example + 1 })}
            </button>
          </>
        )}
      </span>
    </li>
  );
}
