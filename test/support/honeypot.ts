import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** What reached a honeypot: every request or connection, with all bytes received. */
export interface Honeypot {
  /** `http://127.0.0.1:PORT` (HTTP) or the port of a raw TCP listener (LDAP). */
  url: string;
  port: number;
  /** Requests (HTTP: method, path, headers and body as text) or raw TCP sessions (bytes as latin1). */
  hits: string[];
  stop(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that records every request and answers 401: where a malicious mapping tries to
 * send the workbench's secrets. A test asserts that `hits` stays empty (or, after a confirmation, that the
 * request did arrive — so the test can fail).
 */
export async function startHttpHoneypot(): Promise<Honeypot> {
  const hits: string[] = [];
  const server = createHttpServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push(
        `${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('utf8')}`,
      );
      // 401 invalid_client: a client gives up at once instead of retrying.
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"invalid_client"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A raw TCP listener (a fake directory): records every connection and the bytes it receives, answers nothing. */
export async function startTcpHoneypot(): Promise<Honeypot> {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    const index = hits.push('') - 1;
    socket.on('data', (c: Buffer) => (hits[index] += c.toString('latin1')));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    // Close soon so a client waiting for an answer fails fast.
    setTimeout(() => socket.destroy(), 200).unref();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ldap://127.0.0.1:${port}`,
    port,
    hits,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
