/**
 * Campaign drafts on disk: one JSON file per draft under <dataDir>/campaigns/,
 * written atomically so a crash mid-save leaves the previous version intact.
 * Writes to one draft are serialised, so rapid autosaves land in order.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  applyDraftPatch,
  createDraft,
  defaultDraftFields,
  sortDraftMetas,
  toDraftMeta,
  type CampaignDraft,
  type CampaignDraftFields,
  type CampaignDraftMeta,
  type CampaignDraftPatch,
} from '@shared/campaigns/campaign-draft';
import { UserFacingError } from '@shared/ipc/ipc-result';
import { readJsonFile, writeJsonAtomic } from '../workspace/atomic-write';

export interface CampaignStore {
  list(): Promise<CampaignDraftMeta[]>;
  create(fields: Partial<CampaignDraftFields> & { name: string }): Promise<CampaignDraft>;
  get(id: string): Promise<CampaignDraft>;
  update(id: string, patch: CampaignDraftPatch): Promise<CampaignDraft>;
  delete(id: string): Promise<void>;
}

const draftIdPattern = /^[a-z0-9]{6,40}$/;

export function campaignsDir(dataDir: string): string {
  return join(dataDir, 'campaigns');
}

function newDraftId(): string {
  return `c${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

function notFound(id: string): UserFacingError {
  return new UserFacingError(
    'campaign-not-found',
    "Ce brouillon de campagne n'existe plus (supprimé ?). Revenez à la liste des campagnes.",
    { id },
  );
}

function isDraft(value: unknown): value is CampaignDraft {
  const draft = value as CampaignDraft | undefined;
  return !!draft && typeof draft.id === 'string' && typeof draft.name === 'string' && typeof draft.message === 'string';
}

export function createCampaignStore(
  dataDir: string,
  options: { now?: () => string; log?: (message: string, error?: unknown) => void } = {},
): CampaignStore {
  const dir = campaignsDir(dataDir);
  const now = options.now ?? (() => new Date().toISOString());
  const log = options.log ?? (() => {});
  const pathOf = (id: string) => join(dir, `${id}.json`);
  /** Last write per draft: the next one waits for it, so saves never overtake each other. */
  const pendingWrites = new Map<string, Promise<unknown>>();

  function serialised<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = pendingWrites.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(task);
    pendingWrites.set(id, next);
    void next.finally(() => {
      if (pendingWrites.get(id) === next) pendingWrites.delete(id);
    }).catch(() => {});
    return next;
  }

  async function read(id: string): Promise<CampaignDraft> {
    if (!draftIdPattern.test(id)) throw notFound(id);
    const draft = await readJsonFile<CampaignDraft>(pathOf(id));
    if (!isDraft(draft)) throw notFound(id);
    // Drafts saved before a field existed get its default.
    return { ...defaultDraftFields(draft.name), ...draft };
  }

  return {
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const metas: CampaignDraftMeta[] = [];
      for (const name of names) {
        const id = name.endsWith('.json') ? name.slice(0, -5) : '';
        if (!draftIdPattern.test(id)) continue; // temporary files of atomic writes, strays
        try {
          metas.push(toDraftMeta(await read(id)));
        } catch (error) {
          // One unreadable draft must not hide the others.
          log(`Brouillon illisible ignoré : ${name}`, error);
        }
      }
      return sortDraftMetas(metas);
    },

    async create(fields) {
      const draft = createDraft(newDraftId(), now(), fields);
      await serialised(draft.id, () => writeJsonAtomic(pathOf(draft.id), draft));
      return draft;
    },

    get: read,

    update(id, patch) {
      return serialised(id, async () => {
        const current = await read(id);
        const next = applyDraftPatch(current, patch, now());
        if (next !== current) await writeJsonAtomic(pathOf(id), next);
        return next;
      });
    },

    delete(id) {
      return serialised(id, async () => {
        await read(id);
        await fs.rm(pathOf(id), { force: true });
      });
    },
  };
}
