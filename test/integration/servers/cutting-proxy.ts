/**
 * A TCP relay on 127.0.0.1 in front of a real server, which can cut every
 * connection once the client has sent N bytes: a network cut in the middle of
 * a transfer, for servers (like OpenSSH's sshd) that have no fault hooks.
 */
import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';

export class CuttingProxy {
  /** Cut once a connection has carried this many bytes from the client; undefined = never. */
  cutAfterClientBytes: number | undefined;
  cuts = 0;
  /** Connections accepted (and relayed) so far. */
  accepted = 0;
  /** While true, a new connection is closed at once (the server unreachable). */
  refuse = false;
  port = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<CuttingProxy> {
    const proxy: CuttingProxy = new CuttingProxy(
      createServer((client) => {
        if (proxy.refuse) {
          client.destroy();
          return;
        }
        proxy.accepted += 1;
        const upstream = connect(targetPort, targetHost);
        proxy.sockets.add(client);
        proxy.sockets.add(upstream);
        let sent = 0;
        const cut = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('data', (chunk: Buffer) => {
          sent += chunk.length;
          if (proxy.cutAfterClientBytes !== undefined && sent > proxy.cutAfterClientBytes) {
            proxy.cuts += 1;
            cut();
            return;
          }
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => client.write(chunk));
        client.on('end', () => upstream.end());
        upstream.on('end', () => client.end());
        for (const socket of [client, upstream]) {
          socket.on('error', cut);
          socket.on('close', () => {
            proxy.sockets.delete(socket);
            cut();
          });
        }
      }),
    );
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  /** Cuts every open connection now (a network loss while idle). */
  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.cuts += 1;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
