/**
 * The one IPC contract between main and renderer (modelled on GitHub Desktop's
 * ipc-shared.ts): a channel name maps to a function signature. Every feature
 * declares its own fragment in `channels/<feature>.ts`; they are merged here.
 * Inputs are validated at runtime in main with the zod schemas of `schemas.ts`.
 */
import { appEventNames, appRequestNames, type AppRequestChannels, type AppEventChannels } from './channels/app';
import type { IpcResult } from './ipc-result';
import { listEventNames, listRequestNames, type ListRequestChannels, type ListEventChannels } from './channels/lists';
import { reportEventNames, reportRequestNames, type ReportRequestChannels, type ReportEventChannels } from './channels/reports';
import { campaignEventNames, campaignRequestNames, type CampaignRequestChannels, type CampaignEventChannels } from './channels/campaigns';
import { connectionEventNames, connectionRequestNames, type ConnectionRequestChannels, type ConnectionEventChannels } from './channels/connections';
import { queueEventNames, queueRequestNames, type QueueRequestChannels, type QueueEventChannels } from './channels/queue';

export interface RequestChannels extends AppRequestChannels, ListRequestChannels, CampaignRequestChannels, ReportRequestChannels, ConnectionRequestChannels, QueueRequestChannels {}

export interface EventChannels extends AppEventChannels, ListEventChannels, CampaignEventChannels, ReportEventChannels, ConnectionEventChannels, QueueEventChannels {}

export type RequestChannel = keyof RequestChannels;
export type EventChannel = keyof EventChannels;

export type RequestInput<C extends RequestChannel> = Parameters<RequestChannels[C]>[0];
export type RequestOutput<C extends RequestChannel> = ReturnType<RequestChannels[C]>;
export type EventPayload<E extends EventChannel> = EventChannels[E];

/** What the preload exposes as `window.api`: errors come back as values, not exceptions. */
export interface DropdeskApi {
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<IpcResult<RequestOutput<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Every channel and event name (the preload's allow-lists), checked by the compiler against the maps. */
export const requestChannelNames = [...Object.keys(appRequestNames), ...Object.keys(listRequestNames), ...Object.keys(campaignRequestNames), ...Object.keys(reportRequestNames), ...Object.keys(connectionRequestNames), ...Object.keys(queueRequestNames)] as RequestChannel[];
export const eventChannelNames = [...Object.keys(appEventNames), ...Object.keys(listEventNames), ...Object.keys(campaignEventNames), ...Object.keys(reportEventNames), ...Object.keys(connectionEventNames), ...Object.keys(queueEventNames)] as EventChannel[];
