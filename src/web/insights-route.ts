import type { CoreContext } from '../core/types.js';
import { collectInsights } from '../insights/collect.js';
import { insightsPage, refusedPage } from '../insights/page.js';
import { verifyToken } from '../insights/token.js';
import { privacyPage, termsPage } from './legal.js';

/** A response the adapters' HTTP servers write as is. */
export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Pages that must never be cached, framed, or leak their link through a Referer. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/**
 * `GET /insights?t=TOKEN`: the facilitator page for the conversation (or workspace) the signed token
 * names. Any bad, forged, expired or missing token gets the same 403 page with no data.
 */
export async function insightsRoute(url: URL, ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock' | 'settings' | 'logger'>): Promise<WebResponse> {
  const secret = ctx.settings.insightsSecret;
  const token = url.searchParams.get('t');
  const checked = secret && token ? verifyToken(secret, token, ctx.clock.now()) : { problem: 'malformed' as const };
  if ('problem' in checked) {
    ctx.logger.info('insights link refused', { reason: checked.problem });
    return { status: 403, headers: PAGE_HEADERS, body: refusedPage() };
  }
  const insights = await collectInsights(ctx, checked.scope);
  const where = checked.scope.conversationId ? 'This channel' : 'The whole workspace';
  return { status: 200, headers: PAGE_HEADERS, body: insightsPage(insights, where) };
}

/** Routes a GET for the pages the core serves; undefined when the path is not one of them. */
export async function handleWebGet(url: URL, ctx: Parameters<typeof insightsRoute>[1]): Promise<WebResponse | undefined> {
  if (url.pathname === '/insights') return insightsRoute(url, ctx);
  if (url.pathname === '/privacy') return privacyPage();
  if (url.pathname === '/terms') return termsPage();
  return undefined;
}
