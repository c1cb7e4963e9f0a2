/**
 * The problem vocabulary of the framing check as word sets, drawn from the general vocabulary of social,
 * organisational, economic, environmental and health problems rather than from any corpus: the framing
 * check fitted the titles it was tuned on and missed on new text because a problem it had never been shown
 * ("Consultation on Child Marriage", "World Homeless Day", "a RIF in the company") carried no sign at all.
 * Each hit counts as one problem noun, outweighed by aspiration like the other nouns (`deficit.ts`).
 *
 * Words are looked up on one tokenisation, singular and plural alike, so a new word is one more entry in a
 * list, not another alternation in a long pattern.
 */

/** Social problems, harms and injustices (single words, singular; plurals and -ed forms are found by `lemmas`). */
const SOCIAL = [
  'destitution', 'destitute', 'eviction', 'evict', 'repossession', 'foreclosure', 'marginalisation',
  'marginalization', 'marginalised', 'marginalized', 'injustice', 'unfairness', 'sexism', 'ageism', 'ableism',
  'classism', 'misogyny', 'homophobia', 'biphobia', 'transphobia', 'xenophobia', 'islamophobia', 'antisemitism',
  'bigotry', 'extremism', 'radicalisation', 'radicalization', 'terrorism', 'segregation', 'assault', 'rape',
  'murder', 'homicide', 'femicide', 'manslaughter', 'stabbing', 'shootings', 'overdose', 'alcoholism',
  'drunkenness', 'stalking', 'kidnapping', 'abduction', 'smuggling', 'poaching', 'extortion',
  'intimidation', 'victimisation', 'victimization', 'illiteracy', 'innumeracy', 'joblessness', 'worklessness',
  'recession', 'austerity', 'insolvency', 'bankruptcy', 'indebtedness', 'unrest', 'riot', 'rioting',
  'looting', 'arson', 'shoplifting', 'bribery', 'embezzlement', 'counterfeiting', 'displacement', 'deforestation',
  'drought', 'wildfire', 'contamination', 'congestion', 'gridlock', 'collision', 'crash', 'casualty', 'fatality',
  'aggression', 'scamming', 'scammer', 'polarisation', 'polarization', 'divide', 'divides', 'drugs', 'floods',
  // Harms named by their domain word alone: what was suffered, kept, cheated or spread.
  'trauma', 'hoarding', 'cheating', 'cheat', 'misinformation', 'disinformation', 'precarity', 'precariousness',
  'precarious', 'endangered', 'stressful', 'stressed', 'myth', 'misconception', 'wastage', 'wasted',
  'hate', 'underclass',
  // Harms to health and property named by their plain word: worn out, fires set or started ("Deliberate small fires").
  'exhaustion', 'fires', 'firesetting',
] as const;

/** Organisational problems: what goes wrong in a workplace, a project or a service. */
const ORGANISATIONAL = [
  'breach', 'downtime', 'slippage', 'overspending', 'understaffing', 'bureaucracy', 'micromanagement',
  'ransomware', 'phishing', 'malware', 'hacking', 'risks', 'gaps', 'vulnerabilities', 'dismissal',
] as const;

/** Problems named with more than one word; the last word may be plural ("forced marriages"). */
const PHRASES = [
  'child marriage', 'early marriage', 'forced marriage', 'female genital mutilation', 'child labour', 'child labor',
  'forced labour', 'forced labor', 'child grooming', 'online grooming', 'coercive control', 'money laundering',
  'tax evasion', 'climate change', 'biodiversity loss', 'road death', 'red tape', 'industrial action',
  'strike action', 'short staffing', 'reduction in force', 'cyber attack', 'cyberattack', 'data breach',
  'pressure ulcer', 'pressure sore', 'heavy workload', 'rising cost', 'cost of living', 'hiring freeze',
  'recruitment freeze', 'pay freeze', 'flood risk', 'hidden cost', 'fake news', 'burn out', 'peer pressure',
  'fire setting',
] as const;

/**
 * Diseases and conditions. They name a problem when they are the subject ("Diabetes in our community",
 * "World Cancer Day") but a field when a service, research, a profession or a group of people follows
 * ("Diabetes research day", "the cancer care team"): see `FIELD_HEADS` and the labelling guide.
 * Conditions that are part of who someone is (autism, ADHD, deafness, disability) are not here: a title
 * about autistic people is about people, not a deficit. Nor is the pandemic: in titles since 2020 it is
 * nearly always the time something happened in ("COVID-19: How We Move Forward"), not what is looked at.
 */
const HEALTH = [
  'disease', 'illness', 'infection', 'outbreak', 'sepsis', 'cancer', 'diabetes', 'dementia', 'suicide', 'stroke',
  'malaria', 'tuberculosis', 'measles', 'polio', 'cholera', 'smoking', 'vaping', 'depression',
  'psychosis', 'insomnia', 'frailty', 'opioid', 'fentanyl', 'ulcer', 'hypertension', 'osteoporosis', 'epidemic',
  // Not a disease, but like one a field when a service follows ("waste collection") and a problem alone ("food waste").
  'waste',
  // A state people are in: like a disease, the field when a service follows ("Homeless Health Care LA
  // celebrates 30 years", "the homeless outreach team") and the problem alone ("Homeless in our city").
  'homeless',
] as const;

/** Conditions named with more than one word: like `HEALTH`, a field when a service or a group follows or comes before. */
const HEALTH_PHRASES = ['heart disease', 'long covid', 'mental illness', 'mental disorder', 'eating disorder', 'chronic pain'] as const;

/** Acronyms for problems, read only in capitals so "rif" or "cse" in other words never count. */
const ACRONYMS = new Set([
  'RIF', 'RIFs', 'FGM', 'VAWG', 'GBV', 'SGBV', 'CSE', 'CCE', 'IPV', 'DV', 'DVA', 'KSI', 'RTC', 'RTCs', 'ACEs', 'AMR',
  'HIV', 'AIDS', 'TB', 'STI', 'STIs', 'NEETs',
]);

/**
 * Nouns that, after a disease, make it the field of a service, research, a profession or a group rather
 * than the subject: "cancer research", "dementia care", "stroke survivors", "diabetes nurse".
 */
const FIELD_HEADS = new Set([
  'research', 'researcher', 'researchers', 'care', 'carer', 'carers', 'service', 'services', 'nurse', 'nurses',
  'nursing', 'clinic', 'clinics', 'team', 'teams', 'unit', 'units', 'centre', 'centres', 'center', 'centers',
  'specialist', 'specialists', 'support', 'survivor', 'survivors', 'survivorship', 'patient', 'patients', 'charity',
  'charities', 'society', 'foundation', 'trust', 'association', 'network', 'ward', 'wards', 'screening', 'champion',
  'champions', 'friendly', 'free', 'pathway', 'pathways', 'treatment', 'treatments', 'medicine', 'vaccine',
  'vaccines', 'vaccination', 'vaccinations', 'immunisation', 'immunization', 'doctor', 'doctors', 'consultant',
  'consultants', 'specialism', 'ambassador', 'ambassadors', 'recovery', 'resilience', 'science', 'scientists', 'thriver', 'thrivers',
  'conference', 'conferences', 'congress', 'symposium', 'symposia', 'summit', 'sensitive', 'aware', 'inclusive', 'bereavement', 'cafe', 'cafes', 'café',
  'cafés', 'club', 'clubs', 'group', 'groups', 'hub', 'hubs', 'forum', 'forums', 'choir', 'choirs', 'collection',
  'collections', 'management', 'recycling', 'disposal',
  // Teaching about a condition makes it the subject taught, as research makes it the subject studied:
  // "Diabetes Education: Take the Class", "the dementia course".
  'education', 'educator', 'educators', 'class', 'classes', 'course', 'courses', 'programme', 'programmes',
  'program', 'programs', 'self',
]);

/**
 * Words before a disease that make what follows a life with it: "living well with dementia", "Learning to
 * live with diabetes", "Life with, through and beyond cancer". A life lived with a condition is the frame,
 * not the condition.
 */
const WELL_WITH = /\b(?:well|thriving|flourishing|beating|beat|beaten|beyond|after|liv(?:e|es|ing)|life)\s+(?:with\s+)?$/i;

/**
 * Words before any listed problem that make it the time or the setting ("changed during the recession",
 * "since the riots") or what an aim is without ("a future without child marriage", "zero waste"): not the frame.
 */
const SETTING = /\b(?:during|since|amid|amidst|throughout|post|without|zero)\s+(?:the\s+|a\s+|an\s+)?$/i;

/** Gaps to be filled are a task, as a form has blanks ("Filling the data gaps before go-live"). */
const FILLED = /\bfill(?:s|ed|ing)?\s+(?:in\s+)?(?:the\s+|our\s+|any\s+|those\s+|these\s+)?(?:[\w-]+\s+)?$/i;

const WORDS = new Set<string>([...SOCIAL, ...ORGANISATIONAL]);
const HEALTH_WORDS = new Set<string>(HEALTH);
const PHRASE_SET = new Set<string>(PHRASES);
const HEALTH_PHRASE_SET = new Set<string>(HEALTH_PHRASES);
const ALL_PHRASES: readonly string[] = [...PHRASES, ...HEALTH_PHRASES];
/** Only a token that starts some phrase is tried as one: most words start none, and a paste has many. */
const PHRASE_STARTS = new Set<string>(ALL_PHRASES.map((p) => p.split(' ')[0] ?? ''));
const LONGEST = Math.max(...ALL_PHRASES.map((p) => p.split(' ').length));
/** The words before a hit that can make it a setting or a good life ("living well with") fit in this many characters. */
const LOOK_BACK = 40;

/** Whether a word is listed in `set` as itself or without a plural or past ending ("casualties", "evicted"). */
function listed(set: Set<string>, word: string): boolean {
  if (set.has(word)) return true;
  const last = word.charCodeAt(word.length - 1);
  // Only words ending in -s or -d can carry a plural or past ending: most words are looked up once.
  if (last === 115 /* s */) {
    if (word.endsWith('ies') && set.has(`${word.slice(0, -3)}y`)) return true;
    if (word.endsWith('es') && set.has(word.slice(0, -2))) return true;
    return !word.endsWith('ss') && set.has(word.slice(0, -1));
  }
  return last === 100 /* d */ && word.endsWith('ed') && (set.has(word.slice(0, -2)) || set.has(word.slice(0, -1)));
}

interface Token {
  word: string;
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

function tokenise(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ word: m[0].toLowerCase(), raw: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** A phrase of `n` tokens from `i`, listed in `set`, with its last word in any of its listed forms. */
function phraseAt(tokens: Token[], i: number, n: number, set: Set<string>): boolean {
  if (i + n > tokens.length) return false;
  const head = tokens.slice(i, i + n - 1).map((t) => t.word).join(' ');
  const last = tokens[i + n - 1]?.word ?? '';
  return listed(set, head ? `${head} ${last}` : last);
}

/** Words that join a condition to another in one noun phrase ("Dementia and Related Disorders Conference"). */
const JOINERS = new Set(['and', 'or']);
/** Prepositions after which a condition is what a field head works on: "support groups for chronic pain", "research into dementia". */
const FIELD_OF = new Set(['for', 'on', 'into', 'about', 'in', 'of']);

/** Whether two tokens are parts of one phrase: only a space, a hyphen, an ampersand or a slash between them. */
function joined(text: string, a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && /^[\s\-&/]+$/.test(text.slice(a.end, b.start));
}

/**
 * Whether a condition ending at token `i + n - 1` is the field of what follows or comes before it: a field head
 * one or two words on ("suicide bereavement support"; "cancer-free" and "dementia friendly" join it with a
 * hyphen or a space alike), after a condition joined to it ("Dementia and Related Disorders Conference", up to
 * four words on, in one phrase), after a field head joined to it before a further word ("Recycling and waste trial"), or
 * before it with a preposition ("Support groups for chronic pain").
 */
function isField(text: string, tokens: Token[], i: number, n: number): boolean {
  const after = i + n;
  if ([tokens[after], tokens[after + 1]].some((next) => next && FIELD_HEADS.has(next.word))) return true;
  const joiner = tokens[after];
  if (joiner && JOINERS.has(joiner.word) && joined(text, tokens[after - 1], joiner)) {
    for (let j = after + 1; j <= after + 4 && joined(text, tokens[j - 1], tokens[j]); j += 1) if (FIELD_HEADS.has((tokens[j] as Token).word)) return true;
  }
  const prep = tokens[i - 1];
  const head = tokens[i - 2];
  // A field head joined before it, in a phrase that goes on to its own head: "Recycling and waste trial", "care
  // and dementia services". The pair names the field; a condition ending the phrase ("Recycling and waste") is not read so.
  const phraseGoesOn = joined(text, tokens[after - 1], tokens[after]);
  if (phraseGoesOn && prep && head && JOINERS.has(prep.word) && FIELD_HEADS.has(head.word) && joined(text, head, prep) && joined(text, prep, tokens[i])) return true;
  // The same with an ampersand, which is no token: "Recycling & waste trial".
  if (phraseGoesOn && prep && FIELD_HEADS.has(prep.word) && /^\s*&\s*$/.test(text.slice(prep.end, tokens[i]?.start))) return true;
  return prep !== undefined && head !== undefined && FIELD_OF.has(prep.word) && FIELD_HEADS.has(head.word) && joined(text, head, prep) && joined(text, prep, tokens[i]);
}

/**
 * The problem words of a framing, as the stretches of `text` they cover, left to right. A condition that is
 * the field of a service, a group or a conference (`isField`), or comes after "living well with", is a field
 * or a good life, not a problem, and is skipped.
 */
export function problemSpans(text: string): Array<{ start: number; end: number }> {
  const tokens = tokenise(text);
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    let n = 0;
    let health = false;
    if (PHRASE_STARTS.has(t.word)) {
      for (let len = LONGEST; len >= 2 && !n; len -= 1) {
        if (phraseAt(tokens, i, len, PHRASE_SET)) n = len;
        else if (phraseAt(tokens, i, len, HEALTH_PHRASE_SET)) [n, health] = [len, true];
      }
    }
    if (!n && (ACRONYMS.has(t.raw) || listed(WORDS, t.word))) n = 1;
    if (!n && listed(HEALTH_WORDS, t.word)) [n, health] = [1, true];
    if (!n) continue;
    const before = text.slice(Math.max(0, t.start - LOOK_BACK), t.start);
    const skip = (health && (isField(text, tokens, i, n) || WELL_WITH.test(before))) || SETTING.test(before) || (t.word === 'gaps' && FILLED.test(before));
    if (!skip) spans.push({ start: t.start, end: (tokens[i + n - 1] as Token).end });
    i += n - 1;
  }
  return spans;
}
