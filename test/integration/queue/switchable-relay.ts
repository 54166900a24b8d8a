/** A TCP relay on 127.0.0.1 that can be switched off (connections refused at once, live ones cut) and on again: a network outage. */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export class SwitchableRelay {
  down = false;
  port = 0;
  private readonly sockets = new Set<Socket>();
  private constructor(private readonly server: Server) {}

  static async start(targetPort: number): Promise<SwitchableRelay> {
    const relay: SwitchableRelay = new SwitchableRelay(
      createServer((client) => {
        if (relay.down) {
          client.destroy();
          return;
        }
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          relay.sockets.add(socket);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            relay.sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      }),
    );
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    relay.port = (relay.server.address() as AddressInfo).port;
    return relay;
  }

  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.setDown(true);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
