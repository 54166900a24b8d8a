/**
 * The message box and everything around it: live counter, the segments drawn
 * one after another, characters outside GSM-7 with their replacement, the
 * field menu, the defaults for empty fields and the STOP mention.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { segmentSms } from '@shared/composer/sms-count';
import type { CampaignDraft } from '@shared/campaigns/campaign-draft';
import { messageSourceOf } from '@shared/providers/provider-registry';
import { useMenuPlacement } from '../../ui/use-menu-placement';
import { counterFigures } from './message-counter';
import { segmentRuns, type TextRun } from './segment-runs';
import {
  compileTemplate,
  fieldPlaceholder,
  outsideGsm7Characters,
  replaceAllOutsideGsm7,
  replaceCharacterAt,
  replacementFor,
  stopIssues,
  stopMentionText,
  withStopMention,
} from './composer-engine';
import { useDropdesk } from '../../store/store-context';
import { draftStopMention } from './draft-stop-mention';
import './composer.css';

interface MessageComposerProps {
  draft: CampaignDraft;
  columns: string[];
  onChange(patch: Partial<Pick<CampaignDraft, 'message' | 'defaultForHeader'>>): void;
}

export function MessageComposer({ draft, columns, onChange }: MessageComposerProps) {
  const { t } = useTranslation('composer');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [fieldMenuOpen, setFieldMenuOpen] = useState(false);
  const fieldMenuButton = useRef<HTMLButtonElement>(null);
  const fieldMenu = useRef<HTMLUListElement>(null);
  // Inside the window near its edges (issue 11 §12).
  const fieldMenuStyle = useMenuPlacement(fieldMenuOpen, fieldMenuButton, fieldMenu);
  const message = draft.message;
  const segmentation = useMemo(() => segmentSms(message), [message]);
  const figures = counterFigures(segmentation);
  const runs = useMemo(() => segmentRuns(message, segmentation.spans), [message, segmentation]);
  const outside = useMemo(() => outsideGsm7Characters(message), [message]);
  const template = useMemo(
    () => compileTemplate(message, columns, { defaultForHeader: draft.defaultForHeader }),
    [message, columns, draft.defaultForHeader],
  );
  // Defaults are keyed by the column when the field names one (what the provider's defaultForHeader reads).
  const fields = template.fields.map((field) => ({ name: field.name, key: field.column ?? field.name }));
  const unknownFields = columns.length > 0 ? template.unknownFields : [];
  // MediasFlow file drops send the template campaign's text: the one typed here only estimates the cost.
  const fromTemplate = messageSourceOf(draft.provider) === 'template';
  // The account's "Mention STOP" (its connection), else the provider's default.
  const stop = { stopMention: useDraftStopMention(draft) };
  const stopWarnings = message.trim() === '' || fromTemplate ? [] : stopIssues(draft, stop).filter((issue) => issue.severity === 'warning');
  const stopMissing = stopWarnings.length > 0;
  const overLimit = draft.channel === 'sms' && segmentation.segments > draft.maxSegments;

  const setMessage = (next: string, caret?: number) => {
    onChange({ message: next });
    if (caret !== undefined) {
      requestAnimationFrame(() => {
        textarea.current?.focus();
        textarea.current?.setSelectionRange(caret, caret);
      });
    }
  };

  const insertField = (column: string) => {
    const box = textarea.current;
    const start = box?.selectionStart ?? message.length;
    const end = box?.selectionEnd ?? message.length;
    const marker = fieldPlaceholder(column);
    setMessage(message.slice(0, start) + marker + message.slice(end), start + marker.length);
    setFieldMenuOpen(false);
  };

  const replaceRun = (run: TextRun) => setMessage(replaceCharacterAt(message, run.start));

  return (
    <section className="card composer" aria-labelledby="composer-title" data-testid="composer">
      <header className="composer-header">
        <h2 id="composer-title" data-testid="composer-title">
          {fromTemplate
            ? draft.templateId
              ? t('screen.message.titleTemplate', { id: draft.templateId })
              : t('screen.message.titleTemplateNoId')
            : t('screen.message.titleTyped')}
        </h2>
        <p
          className={`composer-counter${overLimit ? ' bad' : ''}`}
          data-testid="composer-counter"
          data-encoding={figures.encoding}
          data-segments={figures.segments}
          title={t(figures.encoding === 'GSM-7' ? 'counter.tooltipGsm' : 'counter.tooltipUcs2')}
          aria-live="polite"
        >
          {t('counter.label', { units: figures.units, capacity: figures.capacity, segments: figures.segments, encoding: figures.encoding })}
        </p>
      </header>
      {draft.channel === 'sms' && figures.segments > 0 && (
        <p className="composer-remaining muted small" data-testid="composer-remaining">
          {t('counter.remaining', { count: figures.remaining, next: figures.segments + 1, ordinal: t('counter.ordinal', { count: figures.segments + 1, ordinal: true }) })}
        </p>
      )}

      <p className={fromTemplate ? 'composer-source template' : 'composer-source'} data-testid="message-source" data-source={fromTemplate ? 'template' : 'typed'}>
        {fromTemplate
          ? draft.templateId
            ? t('screen.message.sourceTemplate', { id: draft.templateId })
            : t('screen.message.sourceTemplateNoId')
          : t('screen.message.sourceTyped')}
      </p>
      {template.fields.length > 0 && <p className="composer-note">{t('screen.counterWithFields')}</p>}

      <div className="composer-toolbar">
        <div className="field-menu">
          <button
            ref={fieldMenuButton}
            type="button"
            className="button small"
            aria-haspopup="menu"
            aria-expanded={fieldMenuOpen}
            disabled={columns.length === 0}
            onClick={() => setFieldMenuOpen((open) => !open)}
            data-testid="field-menu-button"
          >
            {t('screen.fields.insert')}
          </button>
          {fieldMenuOpen && (
            <ul ref={fieldMenu} className="field-menu-list" style={fieldMenuStyle} role="menu" data-testid="field-menu">
              {columns.map((column) => (
                <li key={column} role="none">
                  <button type="button" role="menuitem" onMouseDown={(event) => event.preventDefault()} onClick={() => insertField(column)}>
                    {column}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {!fromTemplate && (draft.type === 'marketing' || stopMissing) && stopMentionText(draft.provider, stop) !== null && (
          <button
            type="button"
            className="button small"
            disabled={withStopMention(draft, stop) === message}
            onClick={() => setMessage(withStopMention(draft, stop))}
            data-testid="add-stop"
          >
            {t('screen.stop.add')}
          </button>
        )}
        {columns.length === 0 && <span className="muted small">{t('screen.fields.noList')}</span>}
      </div>

      <label className="visually-hidden" htmlFor="composer-message">
        {t('screen.message.label')}
      </label>
      <textarea
        id="composer-message"
        ref={textarea}
        className="composer-textarea"
        value={message}
        rows={6}
        spellCheck
        placeholder={t('screen.message.placeholder')}
        onChange={(event) => setMessage(event.target.value)}
        data-testid="composer-message"
      />

      {stopWarnings.map((issue) => (
        <p key={issue.code} className="composer-warning" role="alert" data-testid="stop-warning">
          {t(`stopIssues.${issue.code}`, { mention: issue.params.mention ?? '' })}
        </p>
      ))}
      {overLimit && (
        <p className="composer-warning" role="alert" data-testid="over-limit-warning">
          {t('screen.overLimit', { segments: segmentation.segments, max: draft.maxSegments })}
        </p>
      )}
      {unknownFields.length > 0 && (
        <p className="composer-warning" role="alert" data-testid="unknown-fields-warning">
          {t('screen.fields.unknown', { fields: unknownFields.join(', '), count: unknownFields.length })}
        </p>
      )}

      {message !== '' && (
        <div className="sms-parts" data-testid="segments" aria-label={t('screen.segments.label')}>
          {runs.map((segmentRunsOfPart, index) => (
            <div className="sms-part" key={index} data-testid="segment">
              <div className="sms-part-label">
                {t('screen.segments.part', { number: index + 1 })}
                <span className="muted">
                  {' · '}
                  {t('screen.segments.units', { units: segmentation.spans[index].units, encoding: segmentation.encoding })}
                </span>
              </div>
              <p className="sms-part-text">
                {segmentRunsOfPart.map((run) => (
                  <RunView key={run.start} run={run} onReplace={replaceRun} />
                ))}
              </p>
            </div>
          ))}
        </div>
      )}

      {outside.length > 0 && (
        <div className="outside-panel" data-testid="outside-panel">
          <p>
            {t('screen.outside.explain', { count: outside.length })}
          </p>
          <ul className="outside-list">
            {outside.map(({ character, positions, replacement }) => {
              return (
                <li key={character}>
                  <code className="outside-char">{visibleCharacter(character)}</code>
                  <span className="muted small">×{positions.length}</span>
                  <span aria-hidden="true">→</span>
                  <code>{replacement === null ? t('screen.outside.noReplacement') : visibleCharacter(replacement) || t('screen.outside.removed')}</code>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="button primary small"
            onClick={() => setMessage(replaceAllOutsideGsm7(message))}
            disabled={outside.every(({ replacement }) => replacement === null)}
            data-testid="replace-all"
          >
            {t('screen.outside.replaceAll')}
          </button>
        </div>
      )}

      {fields.length > 0 && (
        <div className="defaults" data-testid="field-defaults">
          <h3 className="composer-subtitle">{t('screen.defaults.title')}</h3>
          <p className="muted small">{t('screen.defaults.hint')}</p>
          <div className="defaults-grid">
            {fields.map((field) => (
              <label key={field.key} className="defaults-row">
                <span>
                  <code>{fieldPlaceholder(field.name)}</code>
                </span>
                <input
                  type="text"
                  className="input"
                  value={draft.defaultForHeader[field.key] ?? ''}
                  placeholder={t('screen.defaults.placeholder')}
                  onChange={(event) => {
                    const next = { ...draft.defaultForHeader };
                    if (event.target.value === '') delete next[field.key];
                    else next[field.key] = event.target.value;
                    onChange({ defaultForHeader: next });
                  }}
                  data-testid={`default-${field.key}`}
                />
              </label>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function RunView({ run, onReplace }: { run: TextRun; onReplace(run: TextRun): void }) {
  const { t } = useTranslation('composer');
  if (run.kind === 'text') return <>{run.text}</>;
  if (run.kind === 'field') return <span className="run-field">{run.text}</span>;
  if (run.kind === 'extension') {
    return (
      <span className="run-extension" title={t('screen.segments.extension')}>
        {run.text}
      </span>
    );
  }
  const replacement = replacementFor(run.text);
  const label =
    replacement === null
      ? t('screen.outside.noReplacementFor', { character: run.text })
      : t('screen.outside.replaceOne', { character: run.text, replacement: visibleCharacter(replacement) || t('screen.outside.removed') });
  return (
    <button
      type="button"
      className="run-outside"
      title={label}
      aria-label={label}
      disabled={replacement === null}
      onClick={() => onReplace(run)}
      data-testid="outside-char"
    >
      {visibleCharacter(run.text)}
    </button>
  );
}

/** Invisible characters (no-break spaces…) shown as a visible sign so the user sees what is replaced. */
function visibleCharacter(character: string): string {
  if (/^[\u00a0\u202f\u2009\u2007\u200a\u2002-\u2006]$/.test(character)) return '⍽';
  if (character === '\u200b') return '∅';
  return character;
}

/** The STOP mention of the connection the draft will be sent through (loads the connections once if needed). */
function useDraftStopMention(draft: CampaignDraft): string | null {
  const connectionsLoaded = useDropdesk((state) => state.connectionsLoaded);
  const loadConnections = useDropdesk((state) => state.loadConnections);
  useEffect(() => {
    if (!connectionsLoaded) void loadConnections();
  }, [connectionsLoaded, loadConnections]);
  return useDropdesk((state) => draftStopMention(state.connections, draft.provider, state.sendForm.connectionId, state.preferredConnectionId));
}
