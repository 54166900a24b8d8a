import { describe, expect, it } from 'vitest';
import { segmentSms } from '@shared/composer/sms-count';
import { segmentRuns } from './segment-runs';

const whole = (text: string) => segmentRuns(text, [{ start: 0, end: text.length, units: 0 }])[0];

describe('segment runs', () => {
  it('separates plain text, extension characters, outside characters and fields', () => {
    expect(whole('Bonjour ${PRENOM}, l’offre à 5€ 😀')).toEqual([
      { kind: 'text', text: 'Bonjour ', start: 0 },
      { kind: 'field', text: '${PRENOM}', start: 8 },
      { kind: 'text', text: ', l', start: 17 },
      { kind: 'outside', text: '’', start: 20 },
      { kind: 'text', text: 'offre à 5', start: 21 },
      { kind: 'extension', text: '€', start: 30 },
      { kind: 'text', text: ' ', start: 31 },
      { kind: 'outside', text: '😀', start: 32 },
    ]);
  });

  it('gives each consecutive outside character its own run', () => {
    expect(whole('«»').map((run) => run.text)).toEqual(['«', '»']);
  });

  it('draws one block per SMS covering the whole message, cutting a run at a boundary', () => {
    const text = `${'a'.repeat(150)}’${'b'.repeat(20)}`;
    const runs = segmentRuns(text, segmentSms(text).spans);
    expect(runs).toHaveLength(3);
    expect(runs.map((part) => part.map((run) => run.text).join(''))).toEqual([text.slice(0, 67), text.slice(67, 134), text.slice(134)]);
  });

  it('can leave placeholders unmarked (a rendered message): braces then show as extension characters', () => {
    expect(segmentRuns('${X}', [{ start: 0, end: 4, units: 6 }], { fields: false })[0].map((run) => run.kind)).toEqual([
      'text',
      'extension',
      'text',
      'extension',
    ]);
  });
});
