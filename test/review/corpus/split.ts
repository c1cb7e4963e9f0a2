/**
 * The frozen split of the real-plan corpus (decided before any tuning; see the corpus notes). A record is
 * in the TEST split when the first 8 hex digits of sha256(site), read as an integer, modulo 8 is below 3
 * (about 37.5% of sites); every other site is in the DEV split, used for cross-validation.
 */
import { createHash } from 'node:crypto';

/** Whether a site's records belong to the frozen test split. */
export function isTestSite(site: string): boolean {
  const hex = createHash('sha256').update(site).digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) % 8 < 3;
}
