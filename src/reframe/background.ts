/**
 * What a title or question is about, as against what it only comes after. "Celebrating recovery from
 * addiction", "Building resilience after the floods", "Positive wellbeing following redundancy": the head
 * names something good being celebrated, built or regained, and the problem is named only as what came
 * before it or what it grew out of. The labelling guide's "Framing hard cases" reads such a framing as an
 * aspiration, so the problem words in that trailing phrase are not read as its frame. The rule is about the
 * grammar of the framing (a good head, then a phrase of origin), not about any topic's words.
 */

import { primeNative } from '../review/native-regex.js';

/**
 * Heads that name something good reached, kept or regained: a celebration, recovery, resilience,
 * wellbeing, thriving, a life or a future built again, people supported or something kept up through a
 * hard time ("Supporting your team through a restructure", "Support through redundancy"; not "Support after
 * redundancy", whose head is the support for the problem itself, as the labelling guide reads it), or lessons
 * learned ("Lessons learned from a failed launch": the learning is the head, the failure what it comes after), or
 * withstanding a hard time ("to withstand crises", "weathering the storm"; "extreme weather" is no verb).
 */
const GOOD_HEAD = new RegExp(
  String.raw`\b(?:celebrat\w*|(?:support|maintain|sustain)(?:s|ing)?(?=\s+(?:[\w'’-]+\s+){0,3}through\b)|honou?r(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|thriv\w*|flourish\w*|recover(?:y|ies|ing|ed)?|resilien\w*|well-?being|wellness|positive|growth|grow(?:s|ing)? (?:stronger|together|resilience|hope)|(?:re)?build(?:s|ing)? (?:back|resilience|hope|confidence|(?:a |your |our )?(?:better |brighter |new )?(?:future|lives?))|rebuild\w*|renew\w*|hope|best life|(?:a |new |your |our )?life|living well|mov(?:e|es|ing) (?:forward|on)|stronger|freedom|strengths?|heal(?:s|ing)?|bounc(?:e|es|ing) back|new beginnings?|fresh start|lessons? (?:we )?learn(?:ed|t)|learn(?:s|ing|ed|t)? (?:the |our |some |key |from )?lessons?|withstand(?:s|ing)?|weather(?:s|ed|ing)?(?= (?:the|a|an|this|any|every) ))\b`,
  'i',
);

/**
 * Where the problem is only the origin or the setting: after, following, beyond, out of, recovery from,
 * the fight that someone is honoured for ("honoured for their fight against domestic violence"), or what
 * resilience is to ("community resilience to floods"), or what is withstood or weathered ("communities able to withstand
 * crises", "weathering the storm"): withstanding is resilience told as a verb.
 * The phrase runs to the end of its clause.
 */
const BACKGROUND = /\b(?:after|following|during|through|beyond|post[- ]|from|despite|in spite of|in the face of|out of|survivors? of|(?:for|in) (?:their |her |his |its |the )?(?:fight|battle|stand|struggle) against|(?<=\bresilien(?:ce|t)\s)(?:to|against)|(?<=\bwithstand(?:s|ing)?|\bweather(?:s|ed|ing)?(?= (?:the|a|an|this|any|every) )))\s+[^.?!:;–—|]*/gi;

/**
 * A problem word that only says what kind of good thing the head is: "addiction recovery", "flood
 * resilience", "cancer survivorship". The head noun comes after its modifier in an English noun phrase.
 */
const MODIFIER = /\b[\w-]+(?=\s+(?:recovery|resilience|survivorship)\b)/gi;

/** A problem recast as the good thing it is turned into: "Turning mass layoffs into opportunities for quality jobs". */
const TURNED_INTO = /\bturn(?:s|ing|ed)?\s+(?:[\w'’-]+\s+){1,5}?into\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:opportunit(?:y|ies)|strengths?|assets?|lessons?|gifts?|ideas?)\b/gi;

/**
 * A change told as a journey, leading the title or a clause: "From near misses to major improvements",
 * "From surviving to thriving". The words after "to" are where the framing is going; the words after
 * "from" are where it starts, so a problem named there is the setting when the destination names none
 * and is a new state, not the start again ("From one crisis to the next").
 */
const SAME_AGAIN = /^\s*(?:the\s+)?(?:next|another|other|same|more)\b/i;
const FROM_TO = /(?:^|[:–—|]\s*)from\s+([^.?!:;,–—|]+?)\s+to\s+([^.?!:;–—|]+)/gi;

// GOOD_HEAD is compiled to machine code at its first use: see native-regex.ts.
const blank = (s: string): string => ' '.repeat(s.length);

/**
 * Blanks the phrases that name a problem only as background to a good head, when the words before the
 * phrase name something good and no problem of their own (`framesProblem` says whether a stretch of words
 * carries deficit signs). "Tackling poverty: the challenge beyond the pandemic" keeps its frame, because
 * its head is itself a move against a problem; so does "Building stronger communities through tackling fly
 * tipping", whose trailing phrase is a move against a problem, not its origin (`actsOnProblem`).
 */
export function dropBackground(text: string, framesProblem: (words: string) => boolean, actsOnProblem: (words: string) => boolean): string {
  let out = text.replace(FROM_TO, (m, start: string, end: string) => (framesProblem(start) && !framesProblem(end) && !SAME_AGAIN.test(end) ? m.replace(start, blank(start)) : m));
  out = out.replace(TURNED_INTO, blank).replace(MODIFIER, (word) => (actsOnProblem(word) || primeNative(GOOD_HEAD).test(word) ? word : blank(word)));
  const read = out;
  // Where the first good head ends: a phrase of origin before it has no good head to be background to.
  const head = primeNative(GOOD_HEAD).exec(read);
  if (!head) return out;
  const headEnd = head.index + head[0].length;
  for (const m of read.matchAll(BACKGROUND)) {
    const start = m.index ?? 0;
    const before = read.slice(0, start);
    // The head is in the clause before the phrase: the title up to it, after any series label ("Wellbeing Series:").
    if (start < headEnd || actsOnProblem(m[0])) continue;
    // Once the words before a phrase frame a problem, every later phrase has them before it too.
    if (framesProblem(before)) break;
    out = out.slice(0, start) + blank(m[0]) + out.slice(start + m[0].length);
  }
  return out;
}

/** Whether a framing's words already reach for something good (a celebration, recovery, resilience, a life). */
export function hasGoodHead(text: string): boolean {
  return primeNative(GOOD_HEAD).test(text);
}
