/**
 * Which account's STOP mention the composer uses: the connection the send
 * will go through (the one chosen in "Programmer et envoyer", else the one a
 * send starts with), when it drops for the draft's provider. Its "Mention
 * STOP" replaces the provider's default; null = the default.
 */
import type { ProviderTarget } from '@shared/campaigns/campaign-draft';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import { pickDefaultConnection } from '../connections/connection-form';

export function draftStopMention(
  connections: readonly ConnectionView[],
  provider: ProviderTarget,
  chosenConnectionId: string | null,
  preferredConnectionId: string | null,
): string | null {
  const chosen = connections.find((connection) => connection.id === chosenConnectionId && connection.profile === provider);
  const fallbackId = pickDefaultConnection(connections, provider, preferredConnectionId);
  const connection = chosen ?? connections.find((candidate) => candidate.id === fallbackId && candidate.profile === provider);
  return connection?.stopMention?.trim() || null;
}
