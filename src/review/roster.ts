/**
 * A roster: minutes and rosters list who was present ("Present: Ms A, Mr B, ...", one name a line).
 * The number of names is the head count, which the prose around it rarely states.
 */
import type { Count } from './head-count.js';
import { allMatches } from './text.js';

/**
 * A label that opens a list of who attended (not apologies, not a list of speakers): at the start of a line,
 * as a bullet with a colon ("- Attendees:"; a bullet "Attendance and introductions" is an agenda item), or
 * with a colon after a sentence ("... at 7pm Present: Chair ...") where minutes have lost their line breaks.
 * (The `\b` after that branch's lookbehind changes no match, the space before being no word character: it
 * lets the word-led scan try the branch only where its words begin.)
 */
const ROSTER_LABEL = /(?:^|\n)[ \t]*(?:present|in attendance|attendees|attending|those present|members present|attendance)\b(?:\s*\/\s*apologies)?\s*[:\n-]?\s*|(?:^|\n)[ \t]*[-•*▪·][ \t]*(?:present|in attendance|attendees|attending|those present|members present)[ \t]*:\s*|(?<=[a-z\d.)][ \t]+)\b(?:present|in attendance|attendees)(?:\s*\([^)\n]{0,40}\))?[ \t]*:[ \t]*/gi;
/** Where the list ends: a blank line, or a line that opens another section. */
const ROSTER_END = /\n\s*\n|\n[ \t]*(?:apologies|absent|also present|in attendance|item|items|minutes|agenda|\d{1,2}[.)]?\s|welcome|notes?|actions?|chair'?s)\b/i;
/** Titles before a name: each one is a person. */
const HONORIFIC = /\b(?:M[Rr]|M[Rr][Ss]|M[Ss]|Miss|Mx|D[Rr]|Prof|Professor|Cllr|Councillor|Rev|Revd|Sir|Dame|Insp|Inspector|Sgt|Supt)\b\.?\s+[A-Z]/g;
/**
 * A list entry that looks like a person: a capitalised word, at most a few words (a name and a role or body),
 * perhaps after the label of its part of the list ("Staff: MU", "Chair: Ann Lee").
 */
const ENTRY = /^[^a-z\d]*(?:[A-Z][\w'’ -]{0,30}:\s*)?[A-Z][\w'’.-]*(?:\s+\S+){0,8}$/;

/** Fewer names than this are not read as a roster: a short list may be anything. */
const MIN_NAMES = 5;

/**
 * The head count a roster gives, with its label as evidence; undefined when the plan has no roster.
 * Entries are counted by titles ("Ms", "Cllr") when there are several, else by lines or commas.
 */
export function parseRoster(text: string): Count | undefined {
  let best: Count | undefined;
  for (const m of allMatches(ROSTER_LABEL, text)) {
    const from = (m.index ?? 0) + m[0].length;
    const rest = text.slice(from, from + 3000);
    const stop = rest.search(ROSTER_END);
    const body = stop < 0 ? rest : rest.slice(0, stop);
    const titled = body.match(HONORIFIC)?.length ?? 0;
    // "..., Grace Owen and Lucie Rice": the last two names of a list are two people.
    const entries = body.split(/\n|[;,](?![^(]*\))|\s+and\s+(?=[A-Z])/).map((e) => e.trim()).filter((e) => ENTRY.test(e)).length;
    const n = Math.max(titled, entries);
    if (n < MIN_NAMES || (best && best.max >= n)) continue;
    // Quoted from the label to the end of the first entry, so the evidence shows the list.
    const firstLine = body.split('\n').find((l) => l.trim()) ?? '';
    const at = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    best = { min: n, max: n, approx: false, evidence: [text.slice(at, from + body.indexOf(firstLine) + Math.min(firstLine.length, 60)).trim()] };
  }
  return best;
}
