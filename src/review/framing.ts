/**
 * The plan's central framing and the problem words in it. A plan's framing sentences are its opening
 * lines, its stated aims and questions, and sentences that show a purpose elsewhere; the guide asks
 * whether "the central question or theme" is framed around a problem. So a problem counts when the
 * meeting's own title, opening, stated aim or central question names it, or when the framing returns to
 * it in more than one sentence; not when it is named once in passing in some other sentence, nor when it
 * sits in background ("as councils navigate a housing crisis"), in a condition ("if shareholders fail to
 * approve"), or is the unnamed object of a working verb ("collectively tackle problems").
 */
import { aspirationPhrases, detectDeficit } from '../reframe/deficit.js';
import { OTHER_LABEL, PURPOSE_LABEL } from './cues.js';
import { primeNative } from './native-regex.js';

/**
 * Why a sentence is in the plan's framing: a labelled purpose, the first line (`title`) or second
 * (`opening`), the plan's central `question` or another question (`asked`), a stated `aim`, a sentence
 * led by a working verb (`lead`, often an agenda line), or one that only holds a purpose phrase (`found`).
 */
export type FramingRole = 'label' | 'title' | 'opening' | 'question' | 'asked' | 'aim' | 'lead' | 'found';

/** One framing sentence and why it is there. */
export interface FramingPart {
  text: string;
  role: FramingRole;
}

/** What the central framing says: its problem words and its aspiration words. */
export interface CentralFraming {
  /** Problem words of the central framing (empty when it names none). */
  deficit: string[];
  /** Aspiration words of the same sentences ("better", "together", "thrive"). */
  aspiration: string[];
}

/**
 * Roles whose sentence states the meeting's own theme. Agenda lines, further questions and sentences that
 * only hold a purpose phrase somewhere in the text are details: a problem named once in one of them is
 * not what the meeting is framed around (measured on dev, the unread part too, before this was adopted:
 * such lone mentions were wrong more often than right).
 */
const CENTRAL_ROLES: ReadonlySet<FramingRole> = new Set<FramingRole>(['label', 'title', 'opening', 'question', 'aim']);

const LEADING_VERB =
  /^(?:go|discuss|review|agree|decide|explore|look|talk|plan|share|reducing|tackling|improving|preventing|addressing|fixing|cutting|combating|dealing|exploring|reviewing|agreeing|deciding|planning|looking|to)\b/i;
/** Sentences that state an aim in the planner's own words belong to the framing wherever they appear. */
const PURPOSE_SENTENCE = /\b(?:we want to|we'd like to|we would like to|we hope to|we need to|the (?:aim|purpose|goal|point) is|so that|in order to|looking to|the question is)\b/i;
/** A sentence that says outright what the meeting is or was for: "The purpose of the Roundtable was to...", "Its aim was to...". */
const STATED_AIM = /\b(?:(?:aims?|purpose|goals?|objectives?)(?: of (?:the|this|our|these|each) [\w' -]{1,40}?)? (?:is|was|are|were|will be)\b|aim(?:s|ed)? to\b|(?:is|are|was|were) designed to\b|(?:is|are|was|were) intended to\b)/i;
/** A salutation line ("Hi all,", "Dear colleagues,") says nothing about the meeting. */
export const GREETING = /^(?:hi|hello|hey|dear|morning|afternoon|good (?:morning|afternoon|evening)|greetings)\b[^.!?:]{0,30}[,!.]?$/i;
/** A sign-off line ("Best wishes,", "Kind regards") closes a message; its "best" is no aspiration of the meeting. */
const SIGN_OFF = /^(?:best|kind|warm|warmest)? ?(?:wishes|regards)\b[^.!?:]{0,30}[,!.]?$|^(?:many thanks|thanks|thank you|cheers|all the best|yours (?:sincerely|faithfully|truly))\b[^.!?:]{0,30}[,!.]?$/i;

/**
 * The framing sentences a plan shows before its purpose is looked for: labelled purposes, the first two
 * lines (greetings and sign-offs aside), and later questions, verb-led lines and aims in the planner's words.
 */
export function openingParts(list: readonly string[], options: { skip?: (line: string) => boolean } = {}): FramingPart[] {
  const parts: FramingPart[] = [];
  let opening = 0;
  for (const s of list) {
    if (PURPOSE_LABEL.test(s)) { parts.push({ text: s, role: 'label' }); continue; }
    if (OTHER_LABEL.test(s) || SIGN_OFF.test(s) || options.skip?.(s)) continue;
    if (opening < 2 && GREETING.test(s)) continue;
    opening += 1;
    const role: FramingRole | '' = opening === 1 ? 'title' : opening === 2 ? 'opening' : s.includes('?') ? 'asked' : LEADING_VERB.test(s) ? 'lead' : PURPOSE_SENTENCE.test(s) ? 'aim' : '';
    if (role) parts.push({ text: s, role });
  }
  return parts;
}

/**
 * Adds the sentences that hold a stated purpose found elsewhere in the plan (not agenda items): an aim
 * when the sentence says outright what the meeting is for, otherwise a detail (`found`).
 */
export function addPurposeParts(parts: FramingPart[], list: readonly string[], purpose: readonly string[], items: ReadonlySet<string>): void {
  for (const p of purpose) {
    if (parts.some((x) => x.text.includes(p))) continue;
    const s = list.find((x) => x.includes(p));
    if (!s || items.has(s) || parts.some((x) => x.text === s)) continue;
    parts.push({ text: s, role: STATED_AIM.test(s) ? 'aim' : 'found' });
  }
}

/** Sentences about the meeting's own arrangements (put off, cancelled, fewer meetings) are not its theme. */
const ARRANGEMENTS = /\b(?:postponed|cancell?ed|rescheduled|rearranged|number of (?:meetings|sessions)|(?:meetings|sessions) (?:will be|are) (?:fewer|reduced))\b/i;

/** Words that open an aside of examples: "challenges—from funding pressures to the housing crisis—". */
const ASIDE_LEAD = '(?:from|including|such as|like|especially|particularly|notably)';
/**
 * An aside set off by dashes: between em or en dashes, or (after `cleanText` made them hyphens) a hyphen
 * glued to a word and opening with an example word ("challenges-from ... needs-the sector"). It lists
 * examples of the setting, not what the meeting is about.
 */
const DASH_ASIDE = new RegExp(
  String.raw`\s*[—–]\s*[^—–.!?]{3,240}?\s*[—–]\s*|(?<=[a-z])-(?=${ASIDE_LEAD}\s)[^.!?]{3,240}?-(?=[a-z])|\s-\s(?=${ASIDE_LEAD}\s)[^.!?]{3,240}?\s-\s`,
  'g',
);
/** A leading clause that sets the scene before the main clause: "As councils navigate...,", "Against this backdrop,". */
const LEADING_CONTEXT =
  /^(?:as|against|amid|amidst|despite|in spite of|in the face of|at a time (?:of|when)|given|in light of|following|while|whilst|although|though)\b[^,;:]{0,240}[,;:]\s*/i;
/** A trailing clause that sets the scene: "..., as councils navigate a housing crisis." */
const TRAILING_CONTEXT = /,\s*(?:as|amid|amidst|at a time (?:of|when)|against a backdrop of|in the face of)\b[^.!?]*[.!?]?\s*$/i;
/** A clause that only supposes something: "If shareholders fail to approve the merger, ...". */
const CONDITION = /\b(?:if|unless|in case|in the event that)\b[^,;:.!?]{0,160}[,;:]?/gi;

/**
 * A working verb whose object names no problem: "tackle problems", "deal with the challenges of our job",
 * "tackled key areas", "solving a real problem:", priorities "to tackle in the coming months". The verb
 * describes the work; "the problem of retention" or "issues facing small businesses" still name one.
 */
const GENERIC_OBJECT =
  /\b(?:tackl(?:e|es|ed|ing)|deal(?:s|t|ing)? with|address(?:es|ed|ing)?|solv(?:e|es|ed|ing))\s+(?:(?:a|an|the|our|these|those|key|any|real|common|shared|complex|local|some|such|their|your|its|many|all|new|everyday|day-to-day|practical)\s+){0,3}(?:challenges?|issues?|problems?|areas?|priorities|matters?|questions?|tasks?|them|it|this|that)\b(?:\s+of (?:our|the|their|your) (?:jobs?|work|roles?|days?)\b|(?!\s+(?:of|facing|affecting|around|with|caused|such as|like|including|in (?:the|our|their))\b))|\bto tackle(?=\s+(?:in|at|on|during|over|this|next|together|collectively|first)\b|\s*[.,;])/gi;

/**
 * What the meeting is set against, not about: "focus on solutions rather than crises", "a 'support'
 * rather than a 'fix'", "policy rather than dealing with day-to-day business".
 */
const CONTRAST = /\b(?:rather than|instead of)\s+[^,.;:!?()\n]{1,80}/gi;
/**
 * People named by what they live through ("people experiencing homelessness", "those affected by the
 * floods"): who the meeting is for or with, not the problem it is framed around.
 */
const PEOPLE_BY_PROBLEM =
  /\b(?:people|persons|those|families|children|adults|individuals|residents|households|women|men|clients|tenants|anyone|survivors)\s+(?:who (?:are|have been|have)\s+)?(?:experiencing|experienced|affected by|living with|at risk of|interested in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s*(?:[,.;:!?()]|$|\s(?:and|or|in|across|from|to|by|through|during|within)\b))/gi;

/** A leading list of examples: "From willow weaving to talks on the plastic crisis, the day was a success." */
const LEADING_EXAMPLES = /^from\b[^,;:.!?]{1,160}?\bto\b[^,;:.!?]{1,160},\s*/i;
/** Progress already made against a problem is an achievement to learn from: "strong progress in reducing maternal deaths". */
const PROGRESS_AGAINST = /\b(?:progress|success(?:es)?|achievements?|gains?)\s+(?:made\s+)?(?:in|at|on)\s+(?:reducing|tackling|cutting|ending|preventing|lowering|eradicating)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+/gi;

/**
 * A standing body's proper name, even one named for its aim ("Mississippi United To End Homelessness
 * Coalition", "the Ministerial Working Group on Tackling Homelessness", "Reducing Reoffending Third Sector
 * Advisory Group"): it says who hosts or attends, not what this meeting is framed around. Events
 * ("Knife Crime Summit") are not bodies, so their names are still read.
 */
const BODY_PROPER_NAME =
  /\b(?:[A-Z][\w'’-]*\s+(?:(?:on|for|to|of|and|&|against|in)\s+)?){1,6}(?:Coalition|Commission|Committee|(?:Work(?:ing)?\s*)?Group|Workgroup|Board|Network|Association|Partnership|Alliance|Taskforce|Task Force|Unit|Panel|Agency|Trust|Foundation|Society|Institute|Department|Council|Services)\b(?:\s+(?:[Oo]n|[Ff]or|[Aa]gainst|[Tt]o)\s+(?:[A-Z][\w'’-]*\s*){1,5})?/g;

/** The body nouns alone: most sentences name none, so the name pattern is tried only after this cheap test. */
const BODY_NOUN = /(?:Coalition|Commission|Committee|Group|Board|Network|Association|Partnership|Alliance|Task ?[Ff]orce|Unit|Panel|Agency|Trust|Foundation|Society|Institute|Department|Council|Services)\b/;

/** A sentence with its background, conditions and objectless working verbs taken out. */
export function foreground(sentence: string): string {
  return (BODY_NOUN.test(sentence) ? sentence.replace(primeNative(BODY_PROPER_NAME), ' the body ') : sentence)
    .replace(DASH_ASIDE, ', ')
    .replace(CONTRAST, ' ')
    .replace(LEADING_EXAMPLES, '')
    .replace(PROGRESS_AGAINST, ' progress ')
    .replace(primeNative(PEOPLE_BY_PROBLEM), ' people ')
    .replace(LEADING_CONTEXT, '')
    .replace(TRAILING_CONTEXT, '')
    .replace(CONDITION, ' ')
    .replace(primeNative(GENERIC_OBJECT), ' ');
}

/** The sentence as read for a deficit: "challenges" is any event's word for its topics, not a deficit by itself. */
function theme(sentence: string): string {
  return ARRANGEMENTS.test(sentence) ? '' : foreground(sentence).replace(/\bchalleng\w*/gi, ' ');
}

/**
 * What a meeting aims at, named by a noun the framing check's aspiration words lack: wellbeing, resilience,
 * quality, the future, confidence and trust, inspiration. A problem named once beside one of these ("sessions on
 * stress ... 'Workplace Wellbeing'", "to improve community trust and confidence") is one side of an aim.
 * Case matters for "trust" so that a body's name ("the NHS Trust") is not read as one.
 */
const AIM_NOUNS = /\b(?:[Ww]ell-?being|[Rr]esilien(?:ce|t)|[Qq]uality|[Ff]uture|[Cc]onfiden(?:ce|t)|trust|[Ii]nspir(?:e|ed|ing|ation))\b/g;

/** The aim nouns of a framing, leaving out any inside its problem phrases ("poor quality", "lack of confidence"). */
function aimNouns(text: string, deficit: readonly string[]): string[] {
  const rest = deficit.reduce((acc, d) => acc.split(d).join(' '), text);
  return [...new Set(rest.match(AIM_NOUNS) ?? [])];
}

/**
 * Reads the central framing: the central sentences, or every framing sentence when more than one of
 * them names a problem (a framing that keeps returning to a problem is built around it).
 */
export function readCentralFraming(parts: readonly FramingPart[]): CentralFraming {
  const themes = parts.map((p) => ({ role: p.role, text: theme(p.text) }));
  // Only whether two sentences name a problem matters, so the reading stops at the second: a long plan
  // has dozens of framing sentences, and each is read through every deficit vocabulary.
  let naming = 0;
  for (const t of themes) if (detectDeficit(t.text).deficit && (naming += 1) >= 2) break;
  const chosen = naming >= 2 ? themes : themes.filter((t) => CENTRAL_ROLES.has(t.role));
  const text = chosen.map((t) => t.text).join(' ');
  const deficit = detectDeficit(text).evidence;
  return { deficit, aspiration: [...aspirationPhrases(text), ...aimNouns(text, deficit)] };
}
