/**
 * A MediasFlow connection's staging folder (pure): where the temporary
 * '.tmp' upload goes before the rename into the drop folder, for an account
 * whose server reacts to files appearing in /Campagnes/SMS or VMS. It must
 * be an absolute folder outside the drop and report folders, else the
 * provider could see the temporary file.
 */
export type StagingFolderCheck = { ok: true; folder: string | null } | { ok: false; problem: 'not-absolute' | 'inside-provider-folder' };

const providerFolders = ['/Campagnes/SMS', '/Campagnes/VMS', '/Campagnes/Report'];

/** '' or null → none; else the normalised folder, or why it is refused. */
export function checkStagingFolder(value: string | null | undefined): StagingFolderCheck {
  const text = (value ?? '').trim();
  if (text === '') return { ok: true, folder: null };
  if (!text.startsWith('/') || text.includes('\\')) return { ok: false, problem: 'not-absolute' };
  const parts = text.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) return { ok: false, problem: 'not-absolute' };
  const folder = `/${parts.join('/')}`;
  const lower = folder.toLowerCase();
  if (folder === '/' || providerFolders.some((provider) => lower === provider.toLowerCase() || lower.startsWith(`${provider.toLowerCase()}/`))) {
    return { ok: false, problem: 'inside-provider-folder' };
  }
  return { ok: true, folder };
}
