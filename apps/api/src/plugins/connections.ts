// Guards the listening socket against clients that hold connections open without finishing a
// request: a body trickled a byte at a time keeps a socket and a file descriptor busy, and enough
// of them exhaust the process's file limit so that even health checks fail.
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';
import type { Config } from '../config';

/** Headers arrive in one or two packets from any real client; a slow trickle of them is an attack. */
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * Options for the Fastify constructor: deadlines for receiving a whole request, counted from the
 * connection's start for its first request (so a connection that sends nothing is closed too).
 * Only receiving: a handler may take longer to answer.
 */
export function serverTimeouts(config: Pick<Config, 'requestTimeoutSeconds'>): {
  requestTimeout: number;
  http: ServerOptions;
} {
  const requestTimeout = config.requestTimeoutSeconds * 1000;
  return {
    requestTimeout,
    http: {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, HEADERS_TIMEOUT_MS),
      // Node enforces both deadlines only when it sweeps its connections, every 30 s by default,
      // which would let a request overrun a 30 s limit by up to another 30 s.
      connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(requestTimeout / 10))),
    },
  };
}

/**
 * Closes at once any connection beyond `max` open ones from the same client address (an IPv6
 * client by its /64, as the request limit counts it). The address is the socket's peer: behind a
 * reverse proxy that is the proxy, so the cap is then left to the proxy (0 turns it off here).
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    if (!socket.remoteAddress) return;
    const address = normalizeIP(socket.remoteAddress);
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
