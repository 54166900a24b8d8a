/**
 * A TCP relay on 127.0.0.1 that holds every chunk a fixed time in each
 * direction, in order: a long link (15 ms each way = 30 ms round trip) with
 * loopback bandwidth, for measuring what a window of writes in flight buys.
 * The bench uses it; it never limits bandwidth and never reorders bytes.
 */
import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';

export class DelayingRelay {
  port = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(targetPort: number, delayMsEachWay: number, targetHost = '127.0.0.1'): Promise<DelayingRelay> {
    const relay: DelayingRelay = new DelayingRelay(
      createServer((client) => {
        client.setNoDelay(true);
        const upstream = connect(targetPort, targetHost);
        upstream.setNoDelay(true);
        relay.sockets.add(client);
        relay.sockets.add(upstream);
        // Timers of equal delay fire in the order they were set, so bytes keep their order.
        const forward = (from: Socket, to: Socket) => {
          from.on('data', (chunk: Buffer) => setTimeout(() => to.destroyed || to.write(chunk), delayMsEachWay));
          from.on('end', () => setTimeout(() => to.end(), delayMsEachWay));
        };
        forward(client, upstream);
        forward(upstream, client);
        for (const socket of [client, upstream]) {
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
          socket.on('close', () => relay.sockets.delete(socket));
        }
      }),
    );
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    relay.port = (relay.server.address() as AddressInfo).port;
    return relay;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
