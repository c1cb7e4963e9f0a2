/**
 * Membership formulas: "one representative from each of the 18 councils" gives a head count of 18.
 */
import type { Count } from './head-count.js';
import { NUM, parseNumber } from './numbers.js';
import { GENERAL, SINGLE, SPECIFIC } from './people-nouns.js';
import { allMatches } from './text.js';

/**
 * "One representative from each of the city's 18 neighbourhood councils", "the chair and secretary from each
 * of the 43 branches": a membership formula. The head count is the people per body times the bodies.
 */
export const FROM_EACH_OF = new RegExp(
  `\\b(?<per>${NUM}|a|an|the \\w+ and(?: the)? \\w+)\\s+(?:[\\w'’-]+\\s+){0,4}?from each of (?:the |our |its |their )?(?:[\\w]+['’]s )?(?<bodies>${NUM})\\s+(?:[\\w'’-]+\\s+){0,3}?[a-z-]+s\\b`,
  'gi',
);

/** Words every match of `FROM_EACH_OF` holds, whatever their case. */
export const FROM_EACH_OF_WORDS = /from each of /i;

const PERSON_BEFORE_EACH = new RegExp(`\\b(?:${SINGLE}|${GENERAL}|${SPECIFIC}|person|delegate|chair(?:person)?)s?$`, 'i');

/** The head count a membership formula gives ("one member from each of the 27 states"); undefined when none. */
export function fromEachCount(text: string): Count | undefined {
  // Few plans say "from each of": looking for the words first spares most plans a scan that tries a number
  // at every word (about 2% of a long plan's review). The test holds the regex to needing them.
  if (!FROM_EACH_OF_WORDS.test(text)) return undefined;
  let best: Count | undefined;
  for (const m of allMatches(FROM_EACH_OF, text)) {
    const g = m.groups ?? {};
    const per = /^(?:a|an)$/i.test(g.per ?? '') ? 1 : /^the /i.test(g.per ?? '') ? 2 : parseNumber(g.per ?? '');
    const bodies = parseNumber(g.bodies ?? '');
    if (!per || !bodies || per > 10 || bodies > 500) continue;
    // Only people come from each body: "a prize from each of the 20 sponsors" counts no one.
    if (!PERSON_BEFORE_EACH.test(m[0].slice(0, m[0].toLowerCase().indexOf(' from each of')))) continue;
    const n = per * bodies;
    if (!best || n > best.max) best = { min: n, max: n, approx: false, evidence: [m[0].trim()] };
  }
  return best;
}
