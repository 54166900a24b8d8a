import { describe, expect, it } from 'vitest';
import { Readable, type Writable } from 'node:stream';
import { ConnectorError } from './connector-error';
import { dropFileExactlyOnce, findLandedCopy, type DropRequest } from './exactly-once-upload';
import { joinRemotePath, type RemoteEntry, type RemoteFileSystem, type UploadOptions, type UploadSource } from './remote-file-system';

class ProcessKilled extends Error {}

type Fault = { atOperation: number; timing: 'before' | 'after'; mode: 'crash' | 'error' };

/**
 * A server in memory whose N-th operation fails: before or after taking
 * effect (an upload "before" leaves half the file), either as a crash (the
 * process is gone: nothing else reaches the server) or as an error reply.
 */
class MemoryServer {
  readonly files = new Map<string, Buffer>();
  readonly folders = new Set<string>(['/']);
  operations = 0;
  uploads = 0;
  /** Simulates a provider that picks up the final file the moment it appears. */
  processOnRename: ((path: string) => void) | null = null;

  fileSystem(fault: Fault | null = null, options: { truncateUploads?: boolean } = {}): RemoteFileSystem {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    let dead = false;
    const step = async <T>(apply: () => T, partial?: () => void): Promise<T> => {
      if (dead) throw new ProcessKilled('process already dead');
      server.operations += 1;
      const hit = fault !== null && server.operations === fault.atOperation;
      if (hit && fault.timing === 'before') {
        partial?.();
        return fail();
      }
      const value = apply();
      if (hit) return fail();
      return value;
    };
    const fail = (): never => {
      if (fault!.mode === 'crash') {
        dead = true;
        throw new ProcessKilled('killed');
      }
      throw new ConnectorError('network', { host: 'memory', port: 0, detail: 'injected' });
    };
    const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
    return {
      protocol: 'sftp',
      host: 'memory',
      port: 0,
      passwordTravelsInClear: false,
      connect: async () => undefined,
      close: async () => undefined,
      list: (folder: string) =>
        step(() => {
          if (!server.folders.has(folder)) throw new ConnectorError('folder-missing', { host: 'memory', port: 0, path: folder });
          const entries: RemoteEntry[] = [];
          for (const [path, data] of server.files) if (parentOf(path) === folder) entries.push({ name: path.slice(folder.length + 1), size: data.length, isDirectory: false });
          for (const path of server.folders) if (path !== '/' && parentOf(path) === folder) entries.push({ name: path.slice(folder.length + 1), size: 0, isDirectory: true });
          return entries;
        }),
      stat: (path: string) =>
        step(() => {
          const data = server.files.get(path);
          return data ? { name: path, size: data.length, isDirectory: false } : null;
        }),
      mkdirp: async (folder: string) => void server.folders.add(folder),
      upload: async (path: string, source: UploadSource, uploadOptions?: UploadOptions) => {
        const data = Buffer.isBuffer(source) ? source : Buffer.concat(await (source as Readable).toArray());
        await step(
          () => {
            server.uploads += 1;
            const stored = options.truncateUploads ? data.subarray(0, data.length - 1) : data;
            server.files.set(path, stored);
            uploadOptions?.onProgress?.(stored.length);
          },
          () => void server.files.set(path, data.subarray(0, data.length >> 1)),
        );
      },
      rename: (from: string, to: string) =>
        step(() => {
          const data = server.files.get(from);
          if (!data || server.files.has(to)) throw new ConnectorError('name-refused', { host: 'memory', port: 0, path: to });
          server.files.delete(from);
          server.files.set(to, data);
          server.processOnRename?.(to);
        }),
      remove: (path: string) => step(() => server.files.delete(path)),
      download: async (_path: string, _destination: Writable) => undefined,
      readText: async (path: string) => (server.files.get(path) ?? Buffer.alloc(0)).toString('utf8'),
    };
  }
}

const folder = '/SEND_SMS';
const searchFolders = ['/PROCESSING', '/ARCHIVES', '/INVALIDS'];
const finalName = 'Promo2025_20250901093000_HQ.csv';
const tempName = 'Promo2025_20250901093000_HQ.tmp';
const data = Buffer.from('"33612345678";"Bonjour"\n'.repeat(100));
const recognise = (name: string) => name === finalName || (name.startsWith('TreatedByMSI_') && name.endsWith(`_${finalName}`));

function newServer(processInstantly: boolean): MemoryServer {
  const server = new MemoryServer();
  for (const path of [folder, '/ARCHIVES', '/INVALIDS']) server.folders.add(path); // no PROCESSING yet
  if (processInstantly) {
    server.processOnRename = (path) => {
      const name = path.slice(folder.length + 1);
      server.files.set(`/ARCHIVES/TreatedByMSI_${name}`, server.files.get(path)!);
      server.files.delete(path);
    };
  }
  return server;
}

function request(fs: RemoteFileSystem, extra: Partial<DropRequest> = {}): DropRequest {
  return { fs, folder, finalName, tempName, data, searchFolders, recognise, ...extra };
}

/** Our campaign's copies anywhere on the server, and any temp file. */
function copiesOnServer(server: MemoryServer) {
  const paths = [...server.files.keys()];
  return {
    campaigns: paths.filter((path) => path.endsWith(finalName) && !path.endsWith('.tmp')),
    temps: paths.filter((path) => path.endsWith('.tmp')),
  };
}

describe('dropFileExactlyOnce: a fault at any operation, then retries', () => {
  // One clean run takes: list drop folder, list ×3 search folders, remove temp, upload, stat, rename = 8 operations.
  const operationCount = 8;
  const cases: Array<Fault & { processInstantly: boolean }> = [];
  for (let atOperation = 1; atOperation <= operationCount + 1; atOperation++) {
    for (const timing of ['before', 'after'] as const) {
      for (const mode of ['crash', 'error'] as const) {
        for (const processInstantly of [false, true]) cases.push({ atOperation, timing, mode, processInstantly });
      }
    }
  }

  it.each(cases)('fault at operation $atOperation ($timing, $mode, provider processes instantly: $processInstantly)', async (fault) => {
    const server = newServer(fault.processInstantly);
    let firstOutcome: string;
    try {
      firstOutcome = (await dropFileExactlyOnce(request(server.fileSystem(fault)))).outcome;
    } catch (error) {
      expect(error instanceof ProcessKilled || error instanceof ConnectorError).toBe(true);
      firstOutcome = 'failed';
    }

    // Retry (a fresh process / connection) until the drop reports success, as the queue would.
    const outcomes: string[] = [firstOutcome];
    for (let attempt = 0; attempt < 3 && !['uploaded', 'already-landed'].includes(outcomes.at(-1)!); attempt++) {
      outcomes.push((await dropFileExactlyOnce(request(server.fileSystem()))).outcome);
    }
    // And once more, as a crash between "uploaded" and saving the state would cause.
    outcomes.push((await dropFileExactlyOnce(request(server.fileSystem()))).outcome);

    const { campaigns, temps } = copiesOnServer(server);
    expect(campaigns).toHaveLength(1);
    expect(server.files.get(campaigns[0])).toEqual(data);
    expect(temps).toEqual([]);
    expect(outcomes.at(-1)).toBe('already-landed');
    expect(outcomes.filter((outcome) => outcome === 'uploaded').length).toBeLessThanOrEqual(1);
  });

  it('the no-fault run takes the number of operations the matrix above covers', async () => {
    const server = newServer(false);
    await dropFileExactlyOnce(request(server.fileSystem()));
    expect(server.operations).toBe(operationCount);
  });
});

describe('dropFileExactlyOnce: details', () => {
  it('uploads nothing when the final name is already in the drop folder', async () => {
    const server = newServer(false);
    server.files.set(joinRemotePath(folder, finalName), data);
    expect(await dropFileExactlyOnce(request(server.fileSystem()))).toEqual({ outcome: 'already-landed', folder, name: finalName });
    expect(server.uploads).toBe(0);
  });

  it('never takes the temp file for a landed copy, even if recognise would match it', async () => {
    const server = newServer(false);
    server.files.set(joinRemotePath(folder, tempName), data.subarray(0, 10));
    const result = await dropFileExactlyOnce(request(server.fileSystem(), { recognise: () => false, searchFolders: [] }));
    expect(result.outcome).toBe('uploaded');
    expect(await findLandedCopy({ ...request(server.fileSystem()), recognise: (name) => name === tempName })).toEqual({ folder, name: finalName });
  });

  it('a remote size that differs fails as network and removes the temp file', async () => {
    const server = newServer(false);
    const error = await dropFileExactlyOnce(request(server.fileSystem(null, { truncateUploads: true }))).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ kind: 'network', transient: true });
    expect((error as ConnectorError).params.detail).toContain(`instead of ${data.length} bytes`);
    expect([...server.files.keys()]).toEqual([]);
  });

  it('accepts a stream factory with a size, and reports progress against it', async () => {
    const server = newServer(false);
    const progress: Array<[number, number]> = [];
    const result = await dropFileExactlyOnce({
      ...request(server.fileSystem()),
      data: undefined,
      openStream: () => Readable.from([data.subarray(0, 100), data.subarray(100)]),
      size: data.length,
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(result).toEqual({ outcome: 'uploaded', folder, name: finalName, bytes: data.length });
    expect(progress.at(-1)).toEqual([data.length, data.length]);
  });

  it('fails with folder-missing when the drop folder does not exist, uploading nothing', async () => {
    const server = newServer(false);
    server.folders.delete(folder);
    await expect(dropFileExactlyOnce(request(server.fileSystem()))).rejects.toMatchObject({ kind: 'folder-missing', transient: false });
    expect(server.uploads).toBe(0);
  });

  it('can upload the temp file into another folder than the drop folder', async () => {
    const server = newServer(false);
    server.folders.add('/staging');
    const result = await dropFileExactlyOnce(request(server.fileSystem(), { tempFolder: '/staging' }));
    expect(result.outcome).toBe('uploaded');
    expect([...server.files.keys()]).toEqual([joinRemotePath(folder, finalName)]);
  });
});
