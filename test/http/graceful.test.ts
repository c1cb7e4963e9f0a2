import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGracefulServer } from '../../adapters/http/graceful.js';

/** Sends `parts` on one raw connection (awaiting `between` after the first) and resolves with all it reads. */
function rawRequest(port: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => undefined);
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, connected, closed, received: () => received };
}

describe('graceful HTTP server drain', () => {
  it('answers the request in flight (then closes its connection), 503s a request completed during the drain, cuts a stuck one at the deadline', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let stuckEntered!: () => void;
    const stuckInside = new Promise<void>((resolve) => (stuckEntered = resolve));
    const errors: unknown[] = [];
    const http = createGracefulServer((req, res) => {
      if (req.url === '/slow') {
        entered();
        void gate.then(() => res.end('done'));
        return;
      }
      if (req.url === '/throw') throw new Error('boom');
      // Answers once the whole body is in (which for /stuck never happens).
      if (req.url === '/stuck') stuckEntered();
      req.resume();
      req.on('end', () => res.end('ok'));
    }, (error) => errors.push(error));
    const port = await http.listen(0, '127.0.0.1');

    // A synchronous throw is answered 500 and reported, not left hanging.
    expect((await fetch(`http://127.0.0.1:${port}/throw`)).status).toBe(500);
    expect(errors).toHaveLength(1);

    const slow = rawRequest(port);
    await slow.connected;
    slow.socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await inside;
    const late = rawRequest(port);
    await late.connected;
    late.socket.write('GET /late HTTP/1.1\r\nHost: x\r\n');
    const stuck = rawRequest(port);
    await stuck.connected;
    stuck.socket.write('POST /stuck HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{');
    // Both connections sent before the stuck one: once its request is in, the server has read theirs.
    await stuckInside;

    const deadline = Date.now() + 1000;
    const drained = http.drain(deadline);
    // New connections are refused now.
    await expect(fetch(`http://127.0.0.1:${port}/ok`)).rejects.toThrow();
    // The request whose headers complete during the drain is told to retry.
    late.socket.write('\r\n');
    expect(await late.closed).toMatch(/^HTTP\/1\.1 503[\s\S]*connection: close[\s\S]*retry/i);
    release();
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 200[\s\S]*Connection: close[\s\S]*done$/i);

    const report = await drained;
    expect(report).toEqual({ unanswered: 1, cut: 1 });
    expect(await stuck.closed).toBe('');
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
  });
});
