import { describe, expect, it } from 'vitest';
import { loadOpenApi } from './openapi-validator';

const api = loadOpenApi();
const base = '/MediasflowApi/v1';
const get = (path: string) => api.validateRequest({ method: 'GET', url: new URL(`https://mf.test${base}${path}`), basePath: base, contentType: null, body: undefined });
const json = (method: string, path: string, body: unknown) =>
  api.validateRequest({ method, url: new URL(`https://mf.test${base}${path}`), basePath: base, contentType: 'application/json; charset=utf-8', body });

const prepare = {
  startNow: false,
  campaignName: 'Rappel RDV',
  listsId: 392,
  msg: 'Bonjour ${PRENOM}, RDV demain. STOP 36184',
  sender: 'GARAGE',
  typeSelect: 'NOTIFICATION',
  scheduleOn: '2026-06-24T09:30:58Z',
  renderer: 'BASIC',
  allowUCS2: false,
  autoREPLACEEMOJI: false,
  autoREPLACETOGSM7: false,
  checkDuplicate: true,
};

describe('the MediasFlow REST contract (as Dropdesk reads the guide)', () => {
  it('accepts the prepare and the inject Dropdesk sends', () => {
    expect(json('POST', '/campaigns/inject', prepare)).toMatchObject({ ok: true, operationId: 'inject' });
    expect(json('POST', '/campaigns/inject', { campaignId: 943, startNow: true })).toMatchObject({ ok: true });
    expect(json('POST', '/campaigns/inject', { ...prepare, listsId: undefined, listRecipient: [{ mobile: '33612345678', firstName: 'Zoé' }] }).ok).toBe(true);
    expect(json('POST', '/login', { login: 'agence', password: 'secret' }).ok).toBe(true);
    expect(json('POST', '/blacklist', { item: '+33612345678', typeItem: 'MOBILE' }).ok).toBe(true);
  });

  it.each([
    ['an unknown field', { ...prepare, colour: 'red' }],
    ['startNow true with a message (a send without validation)', { ...prepare, startNow: true }],
    ['a missing option (every option is sent explicitly)', { ...prepare, checkDuplicate: undefined }],
    ['a 12-hour or fractional scheduleOn', { ...prepare, scheduleOn: '2026-06-24T9:30:58Z' }],
    ['milliseconds in scheduleOn', { ...prepare, scheduleOn: '2026-06-24T09:30:58.000Z' }],
    ['a local time in scheduleOn', { ...prepare, scheduleOn: '2026-06-24T09:30:58+02:00' }],
    ['an unknown campaign type', { ...prepare, typeSelect: 'PROMO' }],
    ['a sender with punctuation', { ...prepare, sender: 'GARAGE!' }],
    ['a digits-only sender', { ...prepare, sender: '12345' }],
    ['both a list and recipients', { ...prepare, listRecipient: [{ mobile: '33612345678' }] }],
    ['neither a list nor recipients', { ...prepare, listsId: undefined }],
    ['an inject with a message', { campaignId: 943, startNow: true, msg: 'x' }],
    ['an inject by a string id', { campaignId: '943', startNow: true }],
  ])('refuses %s', (_, body) => {
    const result = json('POST', '/campaigns/inject', JSON.parse(JSON.stringify(body)));
    expect(result.ok, JSON.stringify(result.errors)).toBe(false);
  });

  it('checks query parameters: comma-separated statuses per campaign, semicolons by period, no unknown ones', () => {
    expect(get('/campaigns/reportjson/943').ok).toBe(true);
    expect(get('/campaigns/reportjson/943?status=16,14').ok).toBe(true);
    expect(get('/campaigns/reportjson/943?status=16;14').ok).toBe(false);
    expect(get('/campaigns/reportjson?from=2026-03-01&to=2026-03-07&status=16;17').ok).toBe(true);
    expect(get('/campaigns/reportjson?from=2026-03-01&status=16,17').ok).toBe(false);
    expect(get('/campaigns/reportjson?to=2026-03-07').ok).toBe(false);
    expect(get('/campaigns/reportjson/943?sort=asc').ok).toBe(false);
    expect(get('/campaigns/reportjson/abc').ok).toBe(false);
    expect(get('/blacklist').ok).toBe(true);
    expect(get('/campaigns/list').ok).toBe(false);
  });

  it('by-period reports: the request Dropdesk sends (whole days, types=SMS) and rows carrying their campaign number', () => {
    expect(get('/campaigns/reportjson?from=2026-10-25&to=2026-10-30&types=SMS')).toMatchObject({ ok: true, operationId: 'periodReportJson' });
    expect(get('/campaigns/reportjson?from=2026-10-25&to=2026-10-30&types=EMAIL').ok).toBe(false);
    expect(get('/campaigns/reportjson?from=25/10/2026&to=2026-10-30').ok).toBe(false);
    expect(get('/campaigns/reportjson?from=2026-10-25T00:00&to=2026-10-30').ok).toBe(false);
    expect(get('/campaigns/reportjson?from=2026-10-25&to=2026-10-30&userID=x').ok).toBe(false);
    const row = { ID_CAMPAIGN: 5101, ID_LINE: 1, INT_MOBILE: '+33612345678', STATUS_CODE: 16, DELIVERYDATE: '25/10/2026 09:00:02' };
    expect(api.validateSchema('PeriodReport', [row])).toEqual([]);
    expect(api.validateSchema('PeriodReport', [{ ...row, ID_CAMPAIGN: 'abc' }])).not.toEqual([]);
    expect(api.validateSchema('PeriodReport', [{ ...row, ID_CAMPAIGN: 0 }])).not.toEqual([]);
  });

  it('reads the guide\'s own answers: the prepare echo and the list upload', () => {
    const echo = { id: 943, status: 'DRAFT', countRecipient: 1, countInvalidRecipient: 0, countInBlackListRecipient: 0, countDuplicateRecipient: 0, countErrorRendering: 0, creditCount: 1.0, sender: '36184', message: 'Ceci est un test', listInCampaign: { campainId: 0, listsItems: [] } };
    expect(api.validateSchema('Campaign', echo)).toEqual([]);
    expect(api.validateSchema('Campaign', { ...echo, status: 'SENT' })).not.toEqual([]);
    expect(api.validateSchema('ListUpload', { id: 392, campainId: 0, size: 11, validNumberMOBILE: 10, invalidNumberMOBILE: 1, countDuplicateMobile: 1 })).toEqual([]);
  });
});
