/**
 * The demo AllMySMS account behind the FTP server (API §4.3): a finished file
 * in SEND_SMS moves to PROCESSING, then to ARCHIVES as 'TreatedByMSI_<name>'
 * or to INVALIDS as 'TreatedByMSI_<Reason>_<name>'. '.tmp' files (uploads in
 * progress) and hidden files are left alone; any other file is processed, so
 * a wrong name ends in INVALIDS as the spec says. Credits are kept on disk.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { allmysmsFolders, treatedPrefix } from '@shared/providers/allmysms/allmysms-ack';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';
import { checkAllmysmsDrop } from './allmysms-checks';
import { ArrivalTracker } from './polling-loop';
import { defaultDemoCredits, type DemoLog, type DemoTimings } from './demo-options';
import { frenchCount } from '@shared/i18n/french-count';

export interface AllmysmsDemoBoxOptions {
  root: string;
  statePath: string;
  timings: DemoTimings;
  log: DemoLog;
  /** Credits of a new demo account. */
  initialCredits?: number;
  now?: () => number;
}

interface AllmysmsState {
  version: 1;
  credits: number;
}

export class AllmysmsDemoBox {
  private readonly arrivals = new ArrivalTracker();
  private readonly now: () => number;

  private constructor(
    private readonly options: AllmysmsDemoBoxOptions,
    private state: AllmysmsState,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async open(options: AllmysmsDemoBoxOptions): Promise<AllmysmsDemoBox> {
    await ensureFolders(options.root);
    const saved = await readJsonFile<AllmysmsState>(options.statePath).catch(() => undefined);
    const state: AllmysmsState = saved?.version === 1 ? saved : { version: 1, credits: options.initialCredits ?? defaultDemoCredits };
    return new AllmysmsDemoBox(options, state);
  }

  credits(): number {
    return this.state.credits;
  }

  /** Sets the credits left (to try Not_enough_credits). */
  async setCredits(credits: number): Promise<void> {
    this.state.credits = credits;
    await writeJsonAtomic(this.options.statePath, this.state);
  }

  async tick(): Promise<void> {
    const now = this.now();
    await ensureFolders(this.options.root);
    const { answerDelayMs, allmysmsProcessingMs } = this.options.timings;
    const present = new Set<string>();
    const due = async (folder: string, waitMs: number): Promise<string[]> => {
      const ready: string[] = [];
      for (const entry of await fsp.readdir(join(this.options.root, folder), { withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.') || /\.tmp$/i.test(entry.name)) continue;
        const key = `${folder}/${entry.name}`;
        present.add(key);
        const stats = await fsp.stat(join(this.options.root, key)).catch(() => null);
        if (!stats) continue;
        const seen = this.arrivals.look(key, `${stats.size}:${stats.mtimeMs}`, now);
        if (seen.settled && now - seen.firstSeenAt >= waitMs) ready.push(entry.name);
      }
      return ready;
    };

    for (const name of await due(allmysmsFolders.send, answerDelayMs)) {
      await fsp
        .rename(join(this.options.root, allmysmsFolders.send, name), join(this.options.root, allmysmsFolders.processing, name))
        .catch(() => undefined);
      this.arrivals.forget(`${allmysmsFolders.send}/${name}`);
    }
    for (const name of await due(allmysmsFolders.processing, allmysmsProcessingMs)) {
      await this.finish(name);
      this.arrivals.forget(`${allmysmsFolders.processing}/${name}`);
    }
    this.arrivals.keepOnly(present);
  }

  private async finish(name: string): Promise<void> {
    const path = join(this.options.root, allmysmsFolders.processing, name);
    const bytes = await fsp.readFile(path).catch(() => null);
    if (!bytes) return;
    const verdict = checkAllmysmsDrop(name, bytes, this.state.credits);
    const skipped = verdict.skipped?.length ?? 0;
    if (verdict.accepted) {
      await fsp.rename(path, join(this.options.root, allmysmsFolders.archives, `${treatedPrefix}${name}`));
      // Taken after the move: a crash in between loses the charge, never charges twice.
      this.state.credits -= verdict.credits;
      await writeJsonAtomic(this.options.statePath, this.state);
      this.options.log(
        `[démo AllMySMS] ${name} envoyé : ${verdict.recipients} SMS, ${verdict.credits} crédits (reste ${this.state.credits})` +
          (skipped > 0 ? `, ${frenchCount(skipped, 'ligne non envoyée', 'lignes non envoyées')}` : ''),
      );
      return;
    }
    await fsp.rename(path, join(this.options.root, allmysmsFolders.invalids, `${treatedPrefix}${verdict.reason}_${name}`));
    this.options.log(`[démo AllMySMS] ${name} invalide : ${verdict.reason}` + (skipped > 0 ? ` (${frenchCount(skipped, 'ligne illisible', 'lignes illisibles')})` : ''));
  }
}

async function ensureFolders(root: string): Promise<void> {
  for (const folder of Object.values(allmysmsFolders)) await fsp.mkdir(join(root, folder), { recursive: true });
}
