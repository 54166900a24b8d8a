import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { connectCoalescingWrites } from './coalescing-socket';

let server: Server | null = null;
let client: Socket | null = null;

afterEach(async () => {
  client?.destroy();
  client = null;
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = null;
});

/** A 127.0.0.1 server collecting what it receives, and a connected coalescing socket. */
async function connected(): Promise<{ socket: Socket; received: () => Buffer }> {
  const chunks: Buffer[] = [];
  let peer: Socket | null = null;
  server = createServer((socket) => {
    peer = socket;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connectCoalescingWrites({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
  client = socket;
  await once(socket, 'connect');
  await vi.waitFor(() => expect(peer).not.toBeNull());
  return { socket, received: () => Buffer.concat(chunks) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('connectCoalescingWrites', () => {
  it('sends the writes of one tick in a single writev, bytes in order', async () => {
    const { socket, received } = await connected();
    const writev = vi.spyOn(socket as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    const write = vi.spyOn(socket as unknown as { _write: (...args: unknown[]) => void }, '_write');
    const pieces = [Buffer.from([0, 0, 0, 9]), Buffer.from('encrypted'), Buffer.alloc(16, 7)];
    for (const piece of pieces) socket.write(piece);
    expect(writev).not.toHaveBeenCalled();
    await nextTurn();
    expect(writev).toHaveBeenCalledTimes(1);
    expect((writev.mock.calls[0][0] as unknown[]).length).toBe(3);
    expect(write).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(received()).toEqual(Buffer.concat(pieces)));
  });

  it('holds nothing past the tick: a later write leaves on its own, callbacks and encodings pass through', async () => {
    const { socket, received } = await connected();
    const writev = vi.spyOn(socket as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    const write = vi.spyOn(socket as unknown as { _write: (...args: unknown[]) => void }, '_write');
    socket.write('first ');
    await nextTurn();
    expect(write).toHaveBeenCalledTimes(1);
    const written = new Promise<void>((resolve, reject) => socket.write('c2Vjb25k', 'base64', (error) => (error ? reject(error) : resolve())));
    await written;
    expect(write).toHaveBeenCalledTimes(2);
    expect(writev).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(received().toString()).toBe('first second'));
  });
});
