/**
 * A TCP connection that sends everything written to it during one tick in a
 * single writev. ssh2 writes each SSH packet in three pieces (4-byte length,
 * encrypted body, 16-byte tag) and a window adjustment releases several
 * packets at once: written one by one, that is three system calls and three
 * loopback segments per 32 KiB packet, each waking sshd for a few bytes.
 * Nothing waits longer than the current tick, so no round trip is added.
 */
import { Socket, type TcpSocketConnectOpts } from 'node:net';

/** Connects a socket whose writes of one tick leave together (cork, then uncork on the next tick). */
export function connectCoalescingWrites(options: TcpSocketConnectOpts): Socket {
  const socket = new Socket();
  // connect() puts Socket.prototype.write back on the instance (it undoes a previous end's writeAfterFIN), so wrap after it.
  // No Nagle: the writes are already gathered per tick, and Nagle would only hold each burst's last
  // segment until the previous one is acknowledged (up to a delayed ACK's 40 ms).
  socket.connect({ ...options, noDelay: true });
  const write = socket.write;
  let corkedForThisTick = false;
  socket.write = function coalescedWrite(this: Socket, ...args: unknown[]): boolean {
    if (!corkedForThisTick) {
      corkedForThisTick = true;
      socket.cork();
      process.nextTick(() => {
        corkedForThisTick = false;
        socket.uncork();
      });
    }
    return Reflect.apply(write, socket, args) as boolean;
  } as Socket['write'];
  return socket;
}
