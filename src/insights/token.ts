import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlatformName } from '../model/message.js';

/** What a page link lets its holder see: one conversation's insights (or a whole workspace's). */
export interface InsightsScope {
  platform: PlatformName;
  workspaceId: string;
  /** Absent for a workspace-wide view. */
  conversationId?: string;
}

/** How long a link works: an hour, so a forwarded or logged link soon stops showing anything. */
export const TOKEN_TTL_MS = 60 * 60 * 1000;

interface Payload {
  p: PlatformName;
  w: string;
  c?: string;
  /** Expiry, ms since the epoch. */
  e: number;
}

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`moodmusic-insights.v1.${body}`).digest();
}

/** Signs a link token for `scope`, valid until `now + ttlMs`. */
export function signToken(secret: string, scope: InsightsScope, now: Date, ttlMs = TOKEN_TTL_MS): string {
  const payload: Payload = { p: scope.platform, w: scope.workspaceId, e: now.getTime() + ttlMs, ...(scope.conversationId ? { c: scope.conversationId } : {}) };
  const body = b64(JSON.stringify(payload));
  return `${body}.${b64(mac(secret, body))}`;
}

/** Why a token was refused; every reason is answered with the same 403 and no data. */
export type TokenProblem = 'malformed' | 'forged' | 'expired';

/**
 * Checks a token's signature and expiry. Returns its scope, or the problem. The signature is compared in
 * constant time; the payload is parsed only once the signature holds.
 */
export function verifyToken(secret: string, token: string, now: Date): { scope: InsightsScope } | { problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { problem: 'malformed' };
  const [body, sig] = parts as [string, string];
  const expected = mac(secret, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'forged' };
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    return { problem: 'malformed' };
  }
  if (typeof payload.e !== 'number' || typeof payload.w !== 'string' || typeof payload.p !== 'string') return { problem: 'malformed' };
  if (payload.e <= now.getTime()) return { problem: 'expired' };
  return { scope: { platform: payload.p, workspaceId: payload.w, ...(payload.c ? { conversationId: payload.c } : {}) } };
}
