import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatEndpoint, type LlmSettings } from '../../src/llm/chat-json.js';
import { createLogger } from '../../src/logger.js';
import { reframeWithModel } from '../../src/reframe/llm.js';
import { extractWithModel, reviewWithModel } from '../../src/review/llm-extract.js';
import { reviewPlan } from '../../src/review/review.js';

const PLAN = 'Away day for forty colleagues from the housing team to explore how tenants could shape the repairs service. We will work at round tables. 10:00-15:00.';

/** A recorded good answer: facts a model gave for PLAN, every quote copied from it. */
const GOOD = {
  genre: { value: 'invitation', forwardLooking: true, evidence: [] },
  purpose: { stated: 'yes', evidence: ['to explore how tenants could shape the repairs service'] },
  framing: { text: 'how tenants could shape the repairs service', question: null, deficit: false, evidence: [] },
  participants: [{ phrase: 'forty colleagues from the housing team', role: 'participant', level: 'unknown', organisation: 'housing team', group: null }],
  invitees: { stated: true, open: false, mixedLevels: false, evidence: ['forty colleagues from the housing team'] },
  concerns: [{ group: 'tenants', evidence: 'tenants' }],
  attendance: { kind: 'stated', min: 40, max: 40, evidence: ['forty colleagues'] },
  session: { minutes: 300, evidence: ['10:00-15:00'] },
  format: { talk: 0, conversation: 1, talkEvidence: [], conversationEvidence: ['round tables'], stories: false },
  outcome: { fixed: 'no', explores: true, evidence: ['explore'] },
  followUp: { kind: 'none', evidence: [] },
  setting: { mode: 'in-person', roomDescribed: true, roomForTalk: false, evidence: ['round tables'] },
  representatives: { value: 'unknown', evidence: [] },
  teamRoutine: false,
  words: 0,
};

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server;
let base = '';
let handler: Handler = () => undefined;
const requests: Array<{ url: string; auth: string | undefined; body: Record<string, unknown> }> = [];
const open = new Set<ServerResponse>();

const answer = (content: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
};

function logged(): { logger: ReturnType<typeof createLogger>; lines: () => string } {
  let out = '';
  return { logger: createLogger({ level: 'info', stream: { write: (c: string) => { out += c; } } }), lines: () => out };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body || '{}') as Record<string, unknown> });
      open.add(res);
      res.on('close', () => open.delete(res));
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => { requests.length = 0; });

const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({ url: base, model: 'llama3.1', apiKey: 'k-123', timeoutMs: 2_000, ...over });

describe('language-model extractor', () => {
  it('uses a good answer: the schema validates it and the review reads its facts', async () => {
    handler = answer(JSON.stringify(GOOD));
    const { logger, lines } = logged();
    const got = await extractWithModel(PLAN, settings(), logger);
    expect(got.source).toBe('model');
    expect(got.facts.attendance).toMatchObject({ kind: 'stated', max: 40 });
    expect(requests[0]?.url).toBe('/v1/chat/completions');
    expect(requests[0]?.auth).toBe('Bearer k-123');
    expect(requests[0]?.body).toMatchObject({ model: 'llama3.1', response_format: { type: 'json_object' } });
    const review = await reviewWithModel(PLAN, settings(), logger);
    expect(review.flags.map((f) => f.id)).toContain('large-group');
    expect(lines()).toBe('');
  });
  it('accepts an answer wrapped in a code fence', async () => {
    handler = answer(`\`\`\`json\n${JSON.stringify(GOOD)}\n\`\`\``);
    expect((await extractWithModel(PLAN, settings())).source).toBe('model');
  });
  it('drops facts whose evidence is not in the plan', async () => {
    handler = answer(JSON.stringify({ ...GOOD, attendance: { kind: 'stated', min: 200, max: 200, evidence: ['200 delegates'] }, representatives: { value: 'yes', evidence: ['one delegate per agency'] } }));
    const { logger, lines } = logged();
    const got = await extractWithModel(PLAN, settings(), logger);
    expect(got.source).toBe('model');
    expect(got.facts.attendance.kind).toBe('unknown');
    expect(got.facts.representatives.value).toBe('unknown');
    expect(lines()).toMatch(/dropped model facts/);
    expect(lines()).not.toContain('housing');
  });
  it.each([
    ['malformed JSON', answer('{"genre": {"value": "invitation"'), /not valid JSON/],
    ['an answer of the wrong shape', answer(JSON.stringify({ genre: 'invitation' })), /did not match the facts schema/],
    ['429', (_req: IncomingMessage, res: ServerResponse) => { res.writeHead(429); res.end(); }, /429/],
    ['500', (_req: IncomingMessage, res: ServerResponse) => { res.writeHead(500); res.end('oops'); }, /HTTP 500/],
    ['a body that is not JSON', (_req: IncomingMessage, res: ServerResponse) => { res.writeHead(200); res.end('<html>'); }, /not JSON/],
  ] as Array<[string, Handler, RegExp]>)('falls back to the rules on %s, with one log line and no plan text', async (_name, h, reason) => {
    handler = h;
    const { logger, lines } = logged();
    const got = await extractWithModel(PLAN, settings(), logger);
    expect(got.source).toBe('rules');
    expect(lines().trim().split('\n')).toHaveLength(1);
    expect(lines()).toMatch(reason);
    expect(lines()).not.toContain('colleagues');
    const review = await reviewWithModel(PLAN, settings(), logger);
    expect(review).toEqual(reviewPlan(PLAN));
  });
  it('falls back on a timeout (the wait is injected, so the test does not sleep long)', async () => {
    handler = () => undefined; // never answers
    const { logger, lines } = logged();
    const got = await extractWithModel(PLAN, settings({ timeoutMs: 30 }), logger);
    expect(got.source).toBe('rules');
    expect(lines()).toMatch(/no answer within 30 ms/);
  });
  it('a review with the model configured but unreachable returns the rule review', async () => {
    const { logger, lines } = logged();
    const review = await reviewWithModel(PLAN, settings({ url: 'http://127.0.0.1:9/v1' }), logger);
    expect(review).toEqual(reviewPlan(PLAN));
    expect(lines()).toMatch(/cannot reach it|request failed/);
  });
  it('without settings, no request is made', async () => {
    expect(await reviewWithModel(PLAN, undefined)).toEqual(reviewPlan(PLAN));
    expect(requests).toHaveLength(0);
  });
  it('names the endpoint from a base URL or takes a full one as given', () => {
    expect(chatEndpoint('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(chatEndpoint('http://127.0.0.1:11434/v1/chat/completions')).toBe('http://127.0.0.1:11434/v1/chat/completions');
  });
});

describe('framing check with the model', () => {
  const Q = 'Why is staff morale so low?';
  it('takes the model\'s call when it quotes the question', async () => {
    handler = answer(JSON.stringify({ deficit: true, evidence: ['morale so low'] }));
    const r = await reframeWithModel(Q, settings());
    expect(r.deficit).toBe(true);
    expect(r.evidence).toEqual(['morale so low']);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
  it('falls back to the rules on invented evidence, errors and timeouts', async () => {
    const { logger, lines } = logged();
    handler = answer(JSON.stringify({ deficit: true, evidence: ['crime is rising'] }));
    expect((await reframeWithModel('How might we welcome new starters?', settings(), logger)).deficit).toBe(false);
    handler = (_req, res) => { res.writeHead(500); res.end(); };
    await reframeWithModel(Q, settings(), logger);
    handler = () => undefined;
    await reframeWithModel(Q, settings({ timeoutMs: 30 }), logger);
    expect(lines().trim().split('\n')).toHaveLength(3);
    expect(lines()).not.toContain('morale');
  });
});
