import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const header = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126) {
    header[0] = 0x80 | opcode;
    if (n < 65_536) {
      header[1] = 126;
      header.writeUInt16BE(n, 2);
    } else {
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(n), 2);
    }
  }
  return Buffer.concat([header, payload]);
}

/**
 * Slack's Socket Mode end, on 127.0.0.1: a minimal WebSocket server (RFC 6455 text, ping and close frames)
 * that greets with `hello`, pushes envelopes, and records the acks the client sends back.
 */
export class FakeSocketMode {
  readonly acks: Array<Record<string, unknown>> = [];
  private readonly emitter = new EventEmitter();
  private readonly sockets = new Set<Duplex>();
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((_req, res) => res.writeHead(426).end());
    this.server.on('upgrade', (req, socket: Duplex) => {
      const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}${GUID}`).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      this.sockets.add(socket);
      let pending: Buffer = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        pending = this.readFrames(socket, pending);
      });
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => this.sockets.delete(socket));
      this.sendTo(socket, { type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } });
      this.emitter.emit('connected');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server!.address() as AddressInfo).port}/link`;
  }

  /** Resolves once a client has connected. */
  connected(): Promise<void> {
    return this.sockets.size ? Promise.resolve() : new Promise((resolve) => this.emitter.once('connected', () => resolve()));
  }

  /** Pushes an envelope (e.g. `events_api`) to every connected client. */
  send(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) this.sendTo(socket, envelope);
  }

  /** Resolves with the client's ack for `envelopeId`. */
  ackFor(envelopeId: string): Promise<Record<string, unknown>> {
    const seen = this.acks.find((a) => a.envelope_id === envelopeId);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const on = (ack: Record<string, unknown>) => {
        if (ack.envelope_id !== envelopeId) return;
        this.emitter.off('ack', on);
        resolve(ack);
      };
      this.emitter.on('ack', on);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private sendTo(socket: Duplex, message: unknown): void {
    socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }

  /** Reads every complete (masked, client-sent) frame from `buf`; returns the unread rest. */
  private readFrames(socket: Duplex, buf: Buffer): Buffer {
    let rest: Buffer = buf;
    while (rest.length >= 2) {
      const opcode = rest[0]! & 0x0f;
      let length = rest[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (rest.length < 4) break;
        length = rest.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (rest.length < 10) break;
        length = Number(rest.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (rest[1]! & 0x80) !== 0;
      const mask = masked ? rest.subarray(offset, offset + 4) : undefined;
      offset += masked ? 4 : 0;
      if (rest.length < offset + length) break;
      const payload = Buffer.from(rest.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      rest = rest.subarray(offset + length);
      if (opcode === 0x1) {
        const ack = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
        this.acks.push(ack);
        this.emitter.emit('ack', ack);
      } else if (opcode === 0x9) {
        socket.write(frame(0xa, payload));
      } else if (opcode === 0x8) {
        socket.end(frame(0x8, Buffer.alloc(0)));
      }
    }
    return rest;
  }
}
