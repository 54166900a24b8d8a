import { promises as fs } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers see either the old or the new content, never a
 * torn one: write a temporary sibling, flush it to disk, then rename over the
 * target (rename is atomic within one folder on every platform we ship to).
 * `data` may come in pieces (an async iterable), so a caller can encode a big
 * file a piece at a time and keep its event loop turning.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tempPath, 'w');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const piece of data) await writeAll(handle, piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tempPath, path);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
}

async function writeAll(handle: fs.FileHandle, piece: Uint8Array): Promise<void> {
  for (let offset = 0; offset < piece.length; ) offset += (await handle.write(piece, offset, piece.length - offset)).bytesWritten;
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2));
}

export async function readJsonFile<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
