/**
 * First start: create the sandbox connections ("Démo MediasFlow", "Démo
 * AllMySMS", "Démo MediasFlow REST", "Démo iSendPro") so a newcomer can send a whole
 * campaign without any account. Each is offered once per data folder (a
 * marker in <dataDir>/demo/setup.json lists the ones offered), so a user who
 * deletes one does not see it come back at every launch, and a workspace made
 * before a sandbox existed gets that one once, at its next start.
 */
import { join } from 'node:path';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import type { ConnectionService } from '../connections/connection-service';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

export const demoConnectionSpecs = [
  { provider: 'demo-mediasflow', name: 'Démo MediasFlow' },
  { provider: 'demo-allmysms', name: 'Démo AllMySMS' },
  { provider: 'demo-mediasflow-rest', name: 'Démo MediasFlow REST' },
  { provider: 'demo-isendpro-mail', name: 'Démo iSendPro' },
] as const;

type DemoProvider = (typeof demoConnectionSpecs)[number]['provider'];

/** Version 1 (before the REST sandbox) offered the two drop boxes only. */
type DemoSetupMarker =
  | { formatVersion: 1; connectionsCreatedAt: string }
  | { formatVersion: 2; connectionsCreatedAt: string; offered: DemoProvider[]; updatedAt: string };

function offeredBy(marker: DemoSetupMarker | null | undefined): Set<string> {
  if (!marker) return new Set();
  if (marker.formatVersion === 1) return new Set<string>(['demo-mediasflow', 'demo-allmysms']);
  return new Set<string>(Array.isArray(marker.offered) ? marker.offered : demoConnectionSpecs.map((spec) => spec.provider));
}

export function demoSetupMarkerPath(dataDir: string): string {
  return join(dataDir, 'demo', 'setup.json');
}

/** A free name: "Démo MediasFlow", else "Démo MediasFlow 2"… (the user may have used the name). */
function freeName(wanted: string, taken: readonly ConnectionView[]): string {
  const names = new Set(taken.map((connection) => connection.name.toLowerCase()));
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let index = 2; ; index += 1) if (!names.has(`${wanted} ${index}`.toLowerCase())) return `${wanted} ${index}`;
}

export async function ensureDemoConnections(
  service: Pick<ConnectionService, 'list' | 'save'>,
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<{ created: ConnectionView[] }> {
  const markerPath = demoSetupMarkerPath(dataDir);
  const marker = await readJsonFile<DemoSetupMarker>(markerPath);
  const offered = offeredBy(marker);
  const toOffer = demoConnectionSpecs.filter((spec) => !offered.has(spec.provider));
  if (toOffer.length === 0) return { created: [] };
  const created: ConnectionView[] = [];
  let existing = await service.list();
  for (const spec of toOffer) {
    if (existing.some((connection) => connection.provider === spec.provider)) continue;
    const { connection } = await service.save({ name: freeName(spec.name, existing), provider: spec.provider });
    created.push(connection);
    existing = [...existing, connection];
  }
  const at = now().toISOString();
  const next: DemoSetupMarker = {
    formatVersion: 2,
    connectionsCreatedAt: marker?.connectionsCreatedAt ?? at,
    offered: demoConnectionSpecs.map((spec) => spec.provider),
    updatedAt: at,
  };
  await writeJsonAtomic(markerPath, next);
  return { created };
}
