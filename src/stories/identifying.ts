/**
 * Finding what in a story could point to a person: people's names (compromise's person detection), and
 * by pattern @mentions, email addresses and phone numbers. Used for the preview an author sees before a
 * story is shared, and for "share without them", which puts "a colleague" in each one's place.
 */

/** What kind of thing was found. */
export type FoundKind = 'name' | 'mention' | 'email' | 'phone';

/** One thing found in a text: `text.slice(start, end)`. */
export interface Found {
  kind: FoundKind;
  start: number;
  end: number;
  text: string;
}

/** What replaces each found thing when the author chooses "share without them". */
export const REPLACEMENT = 'a colleague';

/** How each kind is described to the author. */
export const KIND_WORDS: Record<FoundKind, string> = { name: 'a name', mention: 'a mention', email: 'an email address', phone: 'a phone number' };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Slack and Teams mentions reach the core as @name or @U123 (see the adapters' plainText).
const MENTION = /(?<![\w@.])@[A-Za-z0-9][\w.-]*[A-Za-z0-9_]/g;
// Runs of digits with the separators phone numbers use; filtered by digit count below.
const PHONE = /(?<![\w+])\+?\(?\d[\d\s().-]{5,}\d(?!\w)/g;

function patternMatches(text: string, re: RegExp, kind: FoundKind): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    out.push({ kind, start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

/** A phone number has 9 to 15 digits, or 7+ when written with a leading + or 0 (dates and years excluded). */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(candidate.trim())) return false;
  if (digits >= 9 && digits <= 15) return true;
  return digits >= 7 && digits <= 15 && /^\+|^\(?0/.test(candidate);
}

interface NlpTerm {
  text: string;
  offset?: { start: number; length: number };
  terms: Array<{ tags: string[]; normal: string }>;
}
interface NlpDoc {
  people(): { json(options: { offset: boolean }): Array<{ text: string; offset?: { start: number; length: number } }> };
  terms(): { json(options: { offset: boolean }): NlpTerm[] };
}
type Nlp = ((text: string) => NlpDoc) & { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
let loading: Promise<Nlp> | undefined;

/** compromise is loaded on first use (about half a second), so the CLI and start-up do not pay for it. */
function nlp(): Promise<Nlp> {
  loading ??= import('compromise').then((m) => m.default as unknown as Nlp);
  return loading;
}

/** Capitalised words that are places of work rather than people (tools, days, the pronoun I). */
const NOT_PEOPLE = new Set(['i', 'slack', 'teams', 'zoom', 'excel', 'word', 'outlook', 'sharepoint', 'google', 'microsoft', 'jira', 'confluence', 'whatsapp', 'wiki', 'ok', 'okay']);
const NOT_A_PERSON_TAGS = ['Place', 'Organization', 'Date', 'WeekDay', 'Month', 'Acronym', 'Pronoun', 'Honorific', 'Determiner', 'Possessive'];
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName'];

/** A found span trimmed to its letters, without a trailing possessive ("Sam's" → "Sam"). */
function nameSpan(text: string, start: number, length: number): Found | undefined {
  let raw = text.slice(start, start + length);
  const lead = /^[^\p{L}]+/u.exec(raw)?.[0].length ?? 0;
  raw = raw.slice(lead).replace(/(?:['’]s)?[^\p{L}]*$/u, '');
  if (raw.length < 2) return undefined;
  return { kind: 'name', start: start + lead, end: start + lead + raw.length, text: raw };
}

/**
 * People's names: compromise's person detection, plus capitalised words it tags as proper nouns (names it
 * does not know, such as Priya or Femi Adeyemi) and, at the start of a sentence, capitalised words that
 * are first names or unknown words followed by a verb ("Kwame showed me…"). Misses cost more than
 * false alarms here: the author sees every mark and may share as it is.
 */
async function names(text: string): Promise<Found[]> {
  const parse = await nlp();
  const lexicon = parse.world().model.one.lexicon;
  const doc = parse(text);
  const out: Found[] = [];
  for (const person of doc.people().json({ offset: true })) {
    const span = person.offset ? nameSpan(text, person.offset.start, person.offset.length) : undefined;
    if (span) out.push(span);
  }
  const terms = doc.terms().json({ offset: true });
  terms.forEach((term, i) => {
    const t = term.terms[0];
    if (!term.offset || !t || !/^\p{Lu}\p{Ll}/u.test(term.text) || NOT_PEOPLE.has(t.normal)) return;
    if (t.tags.some((tag) => NOT_A_PERSON_TAGS.includes(tag))) return;
    const sentenceStart = /(^|[.!?:;]\s*|\n\s*)["'“‘(]*$/.test(text.slice(0, term.offset.start));
    const known = lexicon[t.normal];
    const knownTags = known === undefined ? [] : Array.isArray(known) ? known : [known];
    let isName: boolean;
    if (!sentenceStart) isName = t.tags.includes('ProperNoun') || t.tags.includes('Person');
    else {
      const nextIsVerb = terms[i + 1]?.terms[0]?.tags.includes('Verb') ?? false;
      isName = knownTags.some((tag) => NAME_TAGS.includes(tag)) || (known === undefined && nextIsVerb && !/(ing|ed|ly|tion)$/.test(t.normal));
    }
    if (!isName) return;
    const span = nameSpan(text, term.offset.start, term.offset.length);
    if (span) out.push(span);
  });
  // Adjacent words of one name ("Femi" "Adeyemi") become one span.
  out.sort((a, b) => a.start - b.start);
  const merged: Found[] = [];
  for (const f of out) {
    const last = merged[merged.length - 1];
    if (last && f.start <= last.end + 1 && /^\s?$/.test(text.slice(last.end, f.start))) {
      if (f.end > last.end) merged[merged.length - 1] = { ...last, end: f.end, text: text.slice(last.start, f.end) };
      continue;
    }
    merged.push(f);
  }
  return merged;
}

/**
 * Everything in `text` that could point to a person, in order, without overlaps (an email address wins
 * over the name inside it).
 */
export async function findIdentifying(text: string): Promise<Found[]> {
  const patterns = [
    ...patternMatches(text, EMAIL, 'email'),
    ...patternMatches(text, MENTION, 'mention'),
    ...patternMatches(text, PHONE, 'phone').filter((f) => looksLikePhone(f.text)),
  ];
  const found = [...patterns, ...(await names(text))];
  // Earlier first; at the same start, the longer (and pattern matches before names, by listing order).
  const sorted = found.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end || a.i - b.i);
  const out: Found[] = [];
  for (const { f } of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** `text` with each found thing replaced by "a colleague" ("A colleague" at the start of a sentence). */
export function withoutThem(text: string, found: readonly Found[]): string {
  let out = '';
  let at = 0;
  for (const f of found) {
    const before = text.slice(at, f.start);
    const sentenceStart = /(^|[.!?]\s+|\n\s*)$/.test(out + before);
    out += before + (sentenceStart ? 'A colleague' : REPLACEMENT);
    at = f.end;
  }
  return out + text.slice(at);
}

/** `text` with each found thing marked «like this», for the author's preview. */
export function highlighted(text: string, found: readonly Found[]): string {
  let out = '';
  let at = 0;
  for (const f of found) {
    out += `${text.slice(at, f.start)}«${f.text}»`;
    at = f.end;
  }
  return out + text.slice(at);
}
