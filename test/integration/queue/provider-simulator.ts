/**
 * Plays the provider on a test server's folder: processes what was dropped
 * the way the specs describe (MediasFlow §3: move to TRAITEMENT OK/KO with a
 * '.ar'/'.bad'; AllMySMS §4.3: move to ARCHIVES/INVALIDS as TreatedByMSI_…).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

export interface ServerFolders {
  realPath(virtualPath: string): string;
}

export type MediasflowAnswer = { ok: true; campaignId: string; arName?: 'name.ar' | 'name.csv.ar' } | { ok: false; code: string };

/** Answers every '.csv' in the drop folder; returns the names processed. */
export async function answerMediasflow(server: ServerFolders, answer: MediasflowAnswer, channel: 'SMS' | 'VMS' = 'SMS'): Promise<string[]> {
  const drop = server.realPath(`/Campagnes/${channel}`);
  const names = (await fs.readdir(drop)).filter((name) => name.endsWith('.csv'));
  const target = join(drop, answer.ok ? 'TRAITEMENT OK' : 'TRAITEMENT KO');
  await fs.mkdir(target, { recursive: true });
  for (const name of names) {
    await fs.rename(join(drop, name), join(target, name));
    if (answer.ok) {
      const arName = answer.arName === 'name.csv.ar' ? `${name}.ar` : `${name.replace(/\.csv$/, '')}.ar`;
      await fs.writeFile(join(target, arName), `${answer.campaignId}\r\n`);
    } else await fs.writeFile(join(target, `${name.replace(/\.csv$/, '')}.bad`), `${answer.code}\r\n`);
  }
  return names;
}

/** Answers every '.csv' in SEND_SMS: archived, or invalid with the reason. */
export async function answerAllmysms(server: ServerFolders, answer: { ok: true } | { ok: false; reason: string }): Promise<string[]> {
  const send = server.realPath('/SEND_SMS');
  const names = (await fs.readdir(send)).filter((name) => name.endsWith('.csv'));
  for (const name of names) {
    const folder = answer.ok ? 'ARCHIVES' : 'INVALIDS';
    const treated = answer.ok ? `TreatedByMSI_${name}` : `TreatedByMSI_${answer.reason}_${name}`;
    await fs.mkdir(server.realPath(`/${folder}`), { recursive: true });
    await fs.rename(join(send, name), join(server.realPath(`/${folder}`), treated));
  }
  return names;
}
