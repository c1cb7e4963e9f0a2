import { describe, expect, it } from 'vitest';
import { redactSdkLine, sdkLog } from '../../adapters/sdk-log.js';
import { rateLimitedWarn } from '../../src/log-limit.js';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', stream: { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) } });
  return { lines, logger };
}

describe('SDK log lines', () => {
  it('keep what happened and withhold anything that may be content, saying how much', () => {
    expect(redactSdkLine(['http request body: {"channel":"C1","text":"my secret story"}'])).toBe('http request body: [42 characters withheld]');
    expect(redactSdkLine(['Received a message on the WebSocket: {"envelope_id":"1"}'])).toMatch(/^Received a message on the WebSocket: \[\d+ characters withheld\]$/);
    expect(redactSdkLine(['ack() response sent (body: hello there)'])).toMatch(/^ack\(\) response sent \(body: \[\d+ characters withheld\]$/);
    expect(redactSdkLine([new Error('Unexpected token \'h\', "hello world" is not valid JSON')])).toMatch(/^Unexpected token 'h', \[\d+ characters withheld\]$/);
    expect(redactSdkLine(['apiCall(\'chat.postMessage\') start'])).toBe("apiCall('chat.postMessage') start");
    expect(redactSdkLine(['x'.repeat(500)])).toBe(`${'x'.repeat(200)} [300 characters withheld]`);
  });

  it('are written at the levels the logger keeps, and not even prepared at the ones it drops', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', stream: { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) } });
    expect([logger.enabled?.('debug'), logger.enabled?.('info'), logger.child({ a: 1 }).enabled?.('warn')]).toEqual([false, true, true]);
    const sdk = sdkLog(logger);
    let read = 0;
    // An error whose message counts its reads: a dropped debug line must not be turned into text.
    const part = new Error('x');
    Object.defineProperty(part, 'message', { get: () => String((read += 1)) });
    sdk.debug('apiCall start', part);
    expect(read).toBe(0);
    sdk.info('apiCall failed', part);
    expect(read).toBeGreaterThan(0);
    lines.splice(0);
    sdk.info('http request body: {"text":"my secret story"}');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'http request body: [27 characters withheld]' })]);
  });

  it('limit a flood of one warning to ten a minute, then say how many more there were', () => {
    const { lines, logger } = capture();
    let now = 0;
    const sdk = sdkLog(logger, { now: () => now });
    for (let i = 0; i < 1000; i += 1) sdk.error('Error finding key for token. Available keys: abc');
    sdk.warn('something else');
    now = 61_000;
    sdk.error('Error finding key for token. Available keys: abc');
    expect(lines.filter((l) => l.level === 'error' && l.msg === 'Error finding key for token. Available keys: abc')).toHaveLength(11);
    expect(lines.find((l) => String(l.msg).endsWith('(more of the same)'))).toMatchObject({ level: 'error', suppressed: 990 });
    expect(lines.filter((l) => l.msg === 'something else')).toHaveLength(1);
  });
});

describe('rate-limited warnings', () => {
  it('write one line per event up to the limit, then one summary when the window ends', () => {
    const { lines, logger } = capture();
    let now = 0;
    const warn = rateLimitedWarn(logger, 'request rejected', { max: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 10; i += 1) warn({ status: 401 });
    now = 1000;
    warn({ status: 400 });
    expect(lines.map((l) => [l.msg, l.status ?? l.suppressed])).toEqual([
      ['request rejected', 401],
      ['request rejected', 401],
      ['request rejected', 401],
      ['request rejected (more of the same)', 7],
      ['request rejected', 400],
    ]);
  });
});

describe('the process-level safety net', () => {
  it('logs an uncaught error or rejection as one JSON line with code INTERNAL and no quoted content, and routes the console', async () => {
    const { EventEmitter } = await import('node:events');
    const { installSafetyNet } = await import('../../adapters/safety-net.js');
    const { lines, logger } = capture();
    const proc = new EventEmitter();
    const con = { error: console.error, warn: console.warn, info: console.info, log: console.log, debug: console.debug, trace: console.trace };
    installSafetyNet(logger, proc, con);
    proc.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    proc.emit('unhandledRejection', new SyntaxError('Unexpected token \'m\', "my secret" is not valid JSON'));
    con.error(new Error('JwtTokenExtractor: token expired'), { activity: { text: 'my secret' } });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 'error', code: 'INTERNAL', kind: 'uncaughtException', name: 'TypeError' });
    expect(lines[1]).toMatchObject({ code: 'INTERNAL', kind: 'unhandledRejection', name: 'SyntaxError' });
    expect(lines[2]).toMatchObject({ level: 'error', source: 'console', msg: 'JwtTokenExtractor: token expired object' });
    expect(JSON.stringify(lines)).not.toContain('my secret');
  });
});
