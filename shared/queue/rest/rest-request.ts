/** The prepare request Dropdesk sends (pure): startNow false, every option explicit, as the OpenAPI document says. */
import type { RestProgress } from './rest-job-types';

export function restPrepareBody(rest: RestProgress): Record<string, unknown> {
  const { payload } = rest;
  const body: Record<string, unknown> = {
    startNow: false,
    campaignName: payload.campaignName,
    msg: payload.msg,
    typeSelect: payload.typeSelect,
    renderer: 'BASIC',
    allowUCS2: payload.allowUCS2,
    autoREPLACEEMOJI: payload.autoREPLACEEMOJI,
    autoREPLACETOGSM7: payload.autoREPLACETOGSM7,
    checkDuplicate: payload.checkDuplicate,
  };
  if (rest.listId !== null) body.listsId = rest.listId;
  if (payload.sender) body.sender = payload.sender;
  if (payload.brand) body.brand = payload.brand;
  // UTC, whole seconds, "Z": the guide's own example (2021-06-24T09:30:58Z).
  if (rest.scheduleOn) body.scheduleOn = new Date(rest.scheduleOn).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return body;
}
