import type { EventChannel, EventPayload } from '@shared/ipc/channels';

/** How main-process services push events to the renderer without knowing Electron. */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export const discardEvents: EventSink = () => {};
