import { describe, expect, it } from 'vitest';
import { looksLikeIsendproAnswer, parseIsendproAnswer, type NotificationAnswer } from './isendpro-answers';
import { isendproCodeInfo, ISENDPRO_ACCOUNT_CODES } from './isendpro-codes';
import { collectOutcomes, isendproOptOuts, notificationEffect, summarizeOutcomes } from './isendpro-report';

const ack = `<?xml version="1.0" encoding="ISO-8859-1"?>
<etatAck>
<emailId>1548</emailId>
<code>0</code>
<message>Votre email a bien ete traite</message>
</etatAck>`;

const multiple = `<?xml version="1.0" encoding="ISO-8859-1"?>
<etatNot>
<emailId>1548</emailId>
</etatNot>
<etat1>
<code1>0</code1>
<tel1>0601020304</tel1>
<message1>Votre message a bien été envoyé</message1>
</etat1>
<etat2>
<code2>11</code2>
<tel2>0601020305</tel2>
<message2>Le numéro de téléphone est dans la liste noire</message2>
</etat2>
<etat3>
<code3>24</code3>
<tel3>0601020306</tel3>
<message3>Pas d'envoi commercial</message3>
</etat3>
<etat4>
<code4>29</code4>
<tel4>0601020307</tel4>
<message4>overflow</message4>
</etat4>`;

describe('iSendPro answers', () => {
  it('reads an acknowledgement', () => {
    expect(parseIsendproAnswer(ack)).toEqual({ kind: 'ack', emailId: 1548, code: 0, message: 'Votre email a bien ete traite' });
  });

  it('reads emailIds of any safe length', () => {
    expect(parseIsendproAnswer(ack.replace('1548', '21345678901'))).toMatchObject({ emailId: 21345678901 });
  });

  it('never guesses a batch from an emailId "?"', () => {
    expect(parseIsendproAnswer(ack.replace('1548', '?'))).toMatchObject({ kind: 'ack', emailId: null, code: 0 });
    expect(parseIsendproAnswer(multiple.replace('<emailId>1548', '<emailId>?'))).toMatchObject({ kind: 'notification', emailId: null });
  });

  it('reads a notification with several top-level elements', () => {
    const answer = parseIsendproAnswer(multiple) as NotificationAnswer;
    expect(answer.emailId).toBe(1548);
    expect(answer.states.map((state) => [state.index, state.code, state.tel])).toEqual([
      [1, 0, '0601020304'],
      [2, 11, '0601020305'],
      [3, 24, '0601020306'],
      [4, 29, '0601020307'],
    ]);
  });

  it('reads the single-recipient form <etat>', () => {
    const single = `<etatNot><emailId>7</emailId></etatNot><etat><code>0</code><tel>0601020304</tel><message>ok</message></etat>`;
    expect(parseIsendproAnswer(single)).toEqual({ kind: 'notification', emailId: 7, states: [{ index: 0, code: 0, tel: '0601020304', message: 'ok' }] });
  });

  it('is tolerant: spaces, case, a missing code, other text around', () => {
    const messy = `Bonjour,\n<etatNot >\n <emailId> 12 </emailId></etatNot>\n<etat1><code1></code1><tel1>06 01 02 03 04</tel1></etat1>\n-- \nsignature`;
    const answer = parseIsendproAnswer(messy) as NotificationAnswer;
    expect(answer.emailId).toBe(12);
    expect(answer.states).toEqual([{ index: 1, code: null, tel: '0601020304', message: '' }]);
    expect(parseIsendproAnswer('Un mail sans rapport')).toBeNull();
    expect(looksLikeIsendproAnswer('Un mail sans rapport')).toBe(false);
    expect(looksLikeIsendproAnswer(ack)).toBe(true);
  });

  it('codes: plain French, categories, effects', () => {
    expect(isendproCodeInfo(0)).toMatchObject({ category: 'sentUnconfirmed', effect: 'final' });
    expect(isendproCodeInfo(11)).toMatchObject({ category: 'blacklisted' });
    expect(isendproCodeInfo(24).effect).toBe('hold');
    expect(isendproCodeInfo(29).effect).toBe('retry');
    expect(isendproCodeInfo(999).effect).toBe('retry');
    expect(isendproCodeInfo(4242)).toMatchObject({ category: 'other', effect: 'final' });
    for (const code of [3, 12, 14, 16, 30, 33]) {
      expect(ISENDPRO_ACCOUNT_CODES.has(code)).toBe(true);
      expect(isendproCodeInfo(code).action).toMatch(/./);
    }
  });

  it('notification → batch effect, report figures and opt-outs', () => {
    const answer = parseIsendproAnswer(multiple) as NotificationAnswer & { emailId: number };
    const effect = notificationEffect(answer, ['0601020304', '0601020305', '0601020306', '0601020307']);
    expect(effect).toEqual({ hold: ['0601020306'], retry: ['0601020307'], accountError: null, unknownNumbers: 0 });
    const account = parseIsendproAnswer(`<etatNot><emailId>3</emailId></etatNot><etat><code>12</code><tel>0601020304</tel><message>credit</message></etat>`) as NotificationAnswer;
    expect(notificationEffect(account, ['0601020304']).accountError).toMatchObject({ code: 12, label: 'Votre crédit de MT est épuisé' });

    const outcomes = collectOutcomes([answer]);
    const summary = summarizeOutcomes(outcomes.values(), 5);
    expect(summary).toMatchObject({ recipients: 5, answered: 4, byCode: { '0': 1, '11': 1, '24': 1, '29': 1 }, stop: 0, clicks: 0 });
    expect(summary.categories).toMatchObject({ sentUnconfirmed: 1, blacklisted: 1, notSent: 2, delivered: 0 });
    expect(isendproOptOuts(outcomes.values(), { date: '2026-12-01T10:00:00.000Z', campaign: 'DD1' })).toEqual([
      { number: '33601020305', reason: 'blacklist', code: 11, date: '2026-12-01T10:00:00.000Z', sourceCampaign: 'DD1' },
    ]);
    // A later notification (the held number resent) replaces the earlier outcome.
    const resent = parseIsendproAnswer(`<etatNot><emailId>1549</emailId></etatNot><etat><code>0</code><tel>0601020306</tel><message>ok</message></etat>`) as NotificationAnswer & { emailId: number };
    expect(collectOutcomes([answer, resent]).get('0601020306')).toMatchObject({ code: 0, emailId: 1549 });
  });
});
