import type { Prompt } from './schema.js';

/** Words too common to say two questions are alike. */
const STOP = new Set(
  'a an and are as at be been being but by can could did do does for from had has have how i if in into is it its me my of on or our so some than that the their them they this to us was we were what when where which who whom why will with would you your there then just one time tell think about more most any each every other others own really'.split(
    ' ',
  ),
);

/** Content words of a text, crudely stemmed (plural and -ing/-ed endings dropped). */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    const bare = w.replace(/'s$/, '').replace(/'/g, '');
    if (bare.length < 3 || STOP.has(bare)) continue;
    out.add(bare.replace(/(?:ing|ed|es|s)$/, '') || bare);
  }
  return out;
}

/** Jaccard similarity of two word sets: shared words over all words. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

/** Above this, two prompts read as the same question in other words (set against the shipped library). */
export const SIMILAR_AT = 0.35;

/** Pairs of prompts for a shared audience whose texts are too alike, most alike first. */
export function similarPairs(prompts: readonly Prompt[], threshold = SIMILAR_AT): Array<{ a: Prompt; b: Prompt; score: number }> {
  const words = prompts.map((p) => contentWords(p.text));
  const pairs: Array<{ a: Prompt; b: Prompt; score: number }> = [];
  for (let i = 0; i < prompts.length; i++) {
    for (let j = i + 1; j < prompts.length; j++) {
      if (!prompts[i]!.audience.some((a) => prompts[j]!.audience.includes(a))) continue;
      const score = similarity(words[i]!, words[j]!);
      if (score >= threshold) pairs.push({ a: prompts[i]!, b: prompts[j]!, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score);
}
