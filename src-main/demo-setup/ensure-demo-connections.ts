/**
 * First start: create the two sandbox connections ("Démo MediasFlow", "Démo
 * AllMySMS") so a newcomer can send a whole campaign without any account.
 * Done once per data folder (a marker in <dataDir>/demo/setup.json), so a
 * user who deletes them does not see them come back at every launch.
 */
import { join } from 'node:path';
import type { ConnectionView } from '@shared/ipc/channels/connections';
import type { ConnectionService } from '../connections/connection-service';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

export const demoConnectionSpecs = [
  { provider: 'demo-mediasflow', name: 'Démo MediasFlow' },
  { provider: 'demo-allmysms', name: 'Démo AllMySMS' },
  { provider: 'demo-isendpro-mail', name: 'Démo iSendPro' },
] as const;

interface DemoSetupMarker {
  formatVersion: 1;
  connectionsCreatedAt: string;
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
  if (await readJsonFile<DemoSetupMarker>(markerPath)) return { created: [] };
  const created: ConnectionView[] = [];
  let existing = await service.list();
  for (const spec of demoConnectionSpecs) {
    if (existing.some((connection) => connection.provider === spec.provider)) continue;
    const { connection } = await service.save({ name: freeName(spec.name, existing), provider: spec.provider });
    created.push(connection);
    existing = [...existing, connection];
  }
  const marker: DemoSetupMarker = { formatVersion: 1, connectionsCreatedAt: now().toISOString() };
  await writeJsonAtomic(markerPath, marker);
  return { created };
}
