import { describe, expect, it } from 'vitest';
import { signToken, TOKEN_TTL_MS, verifyToken } from '../../src/insights/token.js';

const secret = 'a-test-secret-of-enough-length';
const scope = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
const now = new Date('2026-11-27T12:00:00Z');

describe('insights link tokens', () => {
  it('round-trips the scope within the hour', () => {
    const token = signToken(secret, scope, now);
    expect(verifyToken(secret, token, new Date(now.getTime() + TOKEN_TTL_MS - 1))).toEqual({ scope });
  });

  it('refuses a token after an hour', () => {
    const token = signToken(secret, scope, now);
    expect(verifyToken(secret, token, new Date(now.getTime() + TOKEN_TTL_MS))).toEqual({ problem: 'expired' });
  });

  it('refuses a token signed with another secret, or with its channel changed', () => {
    expect(verifyToken(secret, signToken('another-secret-of-enough-length', scope, now), now)).toEqual({ problem: 'forged' });
    const [, sig] = signToken(secret, scope, now).split('.');
    const body = Buffer.from(JSON.stringify({ p: 'slack', w: 'T1', c: 'C2', e: now.getTime() + 1000 })).toString('base64url');
    expect(verifyToken(secret, `${body}.${sig}`, now)).toEqual({ problem: 'forged' });
  });

  it('refuses malformed tokens', () => {
    for (const bad of ['', 'abc', 'a.b.c', '.x', 'x.']) expect(verifyToken(secret, bad, now)).toHaveProperty('problem');
  });
});
