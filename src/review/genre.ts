/**
 * What kind of text a plan is. An invitation or an event page describes a meeting still to come, so what
 * it leaves out means something; a report written after the event, a news or blog write-up, a template, a
 * generic guide ("what happens at a town hall") or terms of reference is judged only by what it states,
 * and an agenda cannot show what happens around it.
 *
 * Tense decides most of it: a text told mostly in the past ("we welcomed", "was held", "speakers gave")
 * is a write-up whatever else it says, and one told in the future or the imperative ("will be held",
 * "join us", a day and a time) announces a meeting. A short plan with neither (a planner's own notes)
 * still describes a meeting to come.
 */
import type { PlanFacts } from './facts.js';
import { saysWhen } from './followup.js';
import { countMatches, firstPhrase, hasMatch } from './scan.js';

type Genre = PlanFacts['genre']['value'];

const TEMPLATE = /\[(?:insert|date|name|venue|time|title|add|enter|your)[^\]]{0,40}\]|<(?:insert|date|name|venue)[^>]{0,40}>|\bxx[:.]xx\b|\bdd\/mm(?:\/yy(?:yy)?)?\b|\btemplate\b/i;
/** A placeholder in capitals ("[VENUE]", "[CHAIR NAME]"); case matters, so "[dot]" in an address is not one. */
const PLACEHOLDER = /\[[A-Z][A-Z /]{2,30}\]/;
const TERMS = /\bterms of reference\b|^constitution\b|\bstanding orders\b|\bquorum\b|\bquorate\b|\bmembership (?:of|shall|will|is)\b|\b(?:board|committee|group|forum|panel|partnership|council) (?:shall|is responsible for|will be responsible for)\b|\bshall (?:meet|be|consist|comprise|include|report)\b|\bchair(?:person)? shall\b|\b(?:committee|board|group|panel|council|forum|advisory) members\s*(?:>>|:)|\bappointed (?:a|the) (?:\w+ ){0,2}(?:group|panel|committee|board|task ?force)\b|\b(?:comprises|consists of|is composed of|is made up of)\b/im;
/** Phrases that only a write-up uses: the event has happened. */
const REPORT =
  /\b(?:took place|(?<!\b(?:which|that) )(?:has|have) taken place|was held|were held|it was (?:decided|agreed|noted|resolved)|met (?:tonight|today|this (?:morning|afternoon|evening|week))|(?:was|were) attended by|attended the (?:event|session|workshop|meeting|conference)|we heard|(?:participants|attendees|delegates|those attending|people|colleagues|members) (?:discussed|shared|heard|said|told us|explored|agreed|identified|raised|were asked)|the (?:event|session|workshop|day|conference|meeting) (?:brought|saw|heard|was a|included|featured|opened|closed|ended|began|heard)|thanks? (?:you )?to (?:all|everyone) who (?:came|attended|joined|took part)|(?:last (?:week|month|year)|yesterday)'?s? (?:event|session|workshop|meeting|conference)|(?:was|were) (?:discussed|presented|agreed|shared) (?:at|during)|it was (?:great|fantastic|wonderful|brilliant) to|(?:have|has) (?:attended|gathered|met|taken part|turned out)|(?:discussed|debated|raised|agreed|approved|announced) at (?:a |the |last night's |yesterday's )?(?:\w+ )?meeting|over \d+ (?:people|delegates|attendees) (?:attended|came|joined))\b/gi;
/**
 * A body or a person named as having held the event ("Alexandria City Council hosted a town hall", "the
 * Borough held its first ever tenants' conference"): case matters, so the subject is a name, and "will be
 * held" never matches.
 */
/** A word in either case at each word's start ("Town Hall" or "town hall"), for a regex that must keep case elsewhere. */
const eitherCase = (words: string): string => words.replace(/\b([a-z])/g, (_, c: string) => `[${c.toUpperCase()}${c}]`);
const EVENT_DONE = new RegExp(
  String.raw`\b(?:[A-Z][\w'’.-]*|[Ww]e|[Tt]hey|[Tt]eam|[Cc]ouncil|[Ss]ecretariat) (?:recently |also |jointly |successfully )?(?:held|hosted|organi[sz]ed|convened|staged) (?:its|their|a|an|the|our|his|her) (?:[\w'’-]+ ){0,6}?` +
    `(?:${eitherCase('meeting|conference|forum|town hall|workshop|summit|event|session|assembly|seminar|roundtable|round table|gathering|consultation|dialogue|webinar')})s?\\b`,
  'g',
);
/**
 * A subject followed by a verb in the past ("we welcomed", "the mayor brought", "speakers gave"): the
 * narrative of a write-up. Verbs are the common ones for what happens at a meeting.
 */
const PAST_ACT =
  /\b(?:we|they|he|she|it|who|which|everyone|participants|attendees|delegates|speakers?|guests|members|people|students|staff|pupils|residents|parents|colleagues|panell?ists|(?:event|session|workshop|conference|summit|forum|meeting|day|group|panel|team|association|secretariat|partnership|network)(?: on [^.,;\n]{1,24})?|the (?:chair(?:man|person)?|mayor|minister|president|council|board|committee)) (?:also |then |all |later |first |again |recently |jointly |had )?(?:held|hosted|welcomed|heard|gave|took|came|spoke|met|talked|had|conducted|brought|saw|told|discussed|shared|explored|agreed|enjoyed|attended|presented|learned|learnt|listened|joined|gathered|visited|received|celebrated|raised|asked|identified|highlighted|focused|opened|closed|began|concluded|ended|included|featured|organised|organized|ran|led|thanked|praised|paid|announced|launched|addressed|answered|reflected|considered|decided|voted|approved|elected|noted|reported|said|stressed|urged|warned|called|described|explained|outlined|showed|walked|filled|packed|drew|attracted|saw|provided|offered)\b(?!\s+(?:(?:entirely|wholly|largely|jointly|partly|mainly)\s+)?(?:by|through)\b)/gi;
/** Verbs that are past whatever their subject ("22 researchers participated", "leaders gathered"). */
const PAST_VERB = /(?<!\b(?:be|been|being|to|will|would|can|could|may|might|should|must|have|has|had|they|we) )\b(?:participated|took part|gathered|convened|assembled|came together|spoke|talked to|walked out|heard from)\b/gi;
/** A past auxiliary ("was", "were"): weak on its own, telling in numbers. */
const PAST_AUX = /\b(?:was|were)\b/gi;
/** Words that place a text after the event. */
const PAST_TIME = /\b(?:last (?:week|month|year|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|term)(?! of)|yesterday|this past|earlier (?:today|this (?:week|month|year))|recently (?:held|hosted)|as it happened|highlights from|a (?:report|summary|write-up|recap) (?:of|from)|(?:conference|event|workshop|summit|meeting|session) (?:report|recap|write-up|summary)|summary of (?:the|our|this) (?:meeting|event|session|workshop|discussion)|minutes of|notes of a meeting|present ?\/ ?apologies|apologies (?:were )?received)\b|\bpresent\s*:-?(?!\w)|^[^\n\d]{0,60}\bminutes *$|^\s*recorded on\b|\b(?:webinar|session|event|meeting|conference|lecture) recording\b|^(?:report|summary|write-up|recap|notes) (?:of|from|on) (?:the |an? |our |this |last )?(?:[\w'’-]+ ){0,4}?(?:meeting|event|session|workshop|conference|forum|summit|day|evening|assembly|gathering)\b/gim;
const FUTURE =
  /\b(?:will (?:be|take place|include|run|meet|bring|hear|explore|focus|feature|start|begin|open|provide|offer|give|host|hold|have|discuss|consider|allow|cover|look|tell|aim|conduct|present|share|welcome|close|end|last)|(?:we|you|they)(?:'ll| will)|book (?:your|a|now)|booking|register(?: now| here| your| to| for|)?|registration (?:is|opens|closes)|tickets?|join us|you are (?:\w+ )?invited|we invite|please (?:join|come|book|register|let us know|rsvp|attend|bring|arrive|note)|rsvp|save the date|places are limited|is open to|are (?:all )?welcome|(?:is|are) (?:scheduled|planned|due) (?:for|to)|upcoming|forthcoming|(?<!\b(?:for|of|transforming|transform|shaping|shape|building|build|and) )tomorrow(?!['’]s)|next (?:week|month)|this (?:coming )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|evening|afternoon)|we are (?:holding|hosting|running|planning|organising|organizing)|we'll|come along|sign up|how to (?:join|attend|book|get there)|(?:is|are) (?:due )?to (?:meet|be held|take place|gather|convene|be hosted|be staged)|(?:residents|members|parents|staff|students|everyone|people|carers|families|the public|all) (?:are|is) (?:\w+ )?invited)\b/gi;
/** A day, a date or a clock time: an announcement names when. */
const WHEN =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}[:.]\d{2} ?(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2} ?(?:am|pm|a\.m\.|p\.m\.))/gi;
/**
 * A generic guide: what a kind of meeting is or how to run one, not one meeting. "Town halls are...",
 * "What happens at a forum?", "tips", "best practice", "you should".
 */
const GENERIC =
  /\b(?:what (?:is|are) (?:a|an) (?:\w+[ -]){0,3}?(?:meeting|town hall|forum|workshop|assembly|conference|summit|session|event|retreat|away day|all-hands|huddle|retro(?:spective)?|stand-?up)s?\b|what happens (?:at|in|during) (?:a|an) |(?:meetings|town halls|forums|fora|workshops|sessions|assemblies|conferences|summits|events|retreats|away days|all-hands(?: meetings)?|huddles|retrospectives|stand-?ups) (?:typically|generally|should|serve as|tend to|work best)\b|(?:also|often|sometimes) (?:known|referred to) as|(?:top|\d+|some|our|useful|practical|quick) tips\b|best practices?\b|how to (?:run|plan|hold|host|facilitate|organi[sz]e|structure|prepare for|make the most of)|(?:a|an|the|your) (?:\w+ ){0,2}(?:meeting|workshop|session|town hall|facilitator|chair|organiser|organizer|host) should\b|(?:you|organisers|organizers|facilitators) should\b|step \d|a good (?:\w+ )?(?:meeting|workshop|session|agenda)\b|(?:this|the following) (?:guide|checklist|example|sample)|guidelines\b|steps? \d|what happens when\b|(?:sessions|labs|workshops|meetings|seminars|forums|events) are (?:designed|intended|meant) (?:to|for|as)|(?:^|\. )(?:the|each|a) (?:[\w-]+ ){0,2}(?:workshop|session|meeting|seminar|lab) (?:lasts|runs for|takes) )/gim;
/**
 * One session inside a larger event ("a panel at the national conference", "part of the summit's
 * programme"): what the text leaves out may be said elsewhere in the event's programme.
 */
const PART_OF =
  /\b(?:part of (?:a|an|the|this year's|our) (?:[\w'’-]+ ){0,6}?(?:conference|summit|congress|convention|festival|symposium|expo)|(?:one of (?:the|several|many) )?(?:sessions?|panels?|workshops?|talks?|breakouts?|seminars?|strands?|masterclass(?:es)?) (?:at|during|within|of) (?:the|this year's|our|a|an) (?:[\w'’-]+ ){0,6}?(?:conference|summit|congress|convention|festival|symposium|expo))/i;
/**
 * A heading that names one part of a larger programme ("Plenary Session 3", "Breakout session 2", "Side
 * event:", "Session summary", a programme code such as "3401.0", one agenda item of a conference): the rest
 * of the event's plan is elsewhere.
 */
const SESSION_OF =
  /^\s*(?:plenary(?: session)?|breakout session|break-out session|parallel session|concurrent session) \d{1,2}\b|\bside[- ]event\b|^\s*session summary\b|^\s*\d{3,4}\.\d\s|\(agenda item \d{1,2}\)|\bunder this agenda item\b/im;
/**
 * The vocabulary of a body's rules for its meetings (voting rights, who is expected to attend, how minutes
 * are kept, the meeting's structure, protocol): such a page tells how meetings run, not when to come to one.
 */
const MEETING_RULES =
  /\bvoting rights?\b|\b(?:are|is) expected to attend\b|\bmeeting structure\b|\bit is (?:protocol|customary|usual practice)\b|\bminutes (?:are|will be|shall be) (?:recorded|taken|kept|circulated|published|posted|placed|distributed)\b|\bnotes (?:from|of) (?:the )?meetings (?:are|will be)\b/i;
/**
 * A speech given at the meeting, opening by addressing the audience ("Excellencies, distinguished delegates",
 * "Ladies and gentlemen"): a record of the event, not a plan for it.
 */
const SPEECH = /^\W*(?:(?:your )?excellenc(?:y|ies)|distinguished (?:guests|delegates|participants)|ladies and gentlemen|(?:mr\.?|madam) (?:chair(?:man)?|president|speaker))\b/i;
const REQUEST = /\b(?:any (?:ideas|advice|tips|suggestions|thoughts)(?: (?:on|about|for) [^.?!\n]{0,60})?(?=\?)|(?:how much|what|how) (?:can|should|do) i\b|can anyone|does anyone|has anyone|how (?:should|do|can|would) (?:i|we) (?:run|plan|structure|facilitate|organise|organize|design)|i(?:'m| am) (?:planning|organising|organizing|running|facilitating|designing)|help me|(?:i'?m|i am|i was) wondering|looking for (?:advice|ideas|suggestions)|what would you (?:do|suggest|recommend))\b/i;
const GREETING = /^(?:hi|hello|dear|good (?:morning|afternoon))\b/im;
const SIGN_OFF = /\b(?:best wishes|kind regards|many thanks|regards|thanks,|cheers)\b/i;
const AGENDA_LINE = /^\s*(?:-\s+|\d{1,2}[:.]\d{2}\b|\d{1,2}\.\s+|item \d+)/gim;
const INVITE = /\b(?:you are (?:warmly |cordially )?invited|we invite|invitation|please join|join us|we would like to invite|we'd like to invite|you're invited)\b/i;
const EVENT_PAGE = /\b(?:book (?:your|a|now)|register|tickets?|venue|free event|eventbrite|date and time|location:|date:|time:|cost:|places)\b/i;

/** How much of the text's opening decides its genre (about 600 words). */
const GENRE_CHARS = 4000;
/** A planner's own notes are short; a page about a kind of meeting is longer. */
const SHORT_PLAN_WORDS = 80;
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

// Word-led (scan.ts): the opening of a long paste is some 600 words, and most vocabularies' words are rare.
const count = countMatches;
const firstMatch = firstPhrase;
/**
 * Every match of `EVENT_DONE` holds its verb between spaces, so a text with none of these needs no scan:
 * the pattern opens with a class (any capitalised word), so the word-led scan cannot skip ahead for it.
 */
const EVENT_VERBS = [' held ', ' hosted ', ' organised ', ' organized ', ' convened ', ' staged '];
const holdsEventVerb = (text: string): boolean => EVENT_VERBS.some((v) => text.includes(v));
const countEventDone = (text: string): number => (holdsEventVerb(text) ? count(EVENT_DONE, text) : 0);
/** The write-up vocabularies as yes/no patterns, for quoting their first match. */
const REPORT_ONE = new RegExp(REPORT.source, 'i');
const EVENT_DONE_ONE = new RegExp(EVENT_DONE.source);
const PAST_TIME_ONE = new RegExp(PAST_TIME.source, 'i');
const PAST_ACT_ONE = new RegExp(PAST_ACT.source, 'i');
const GENERIC_ONE = new RegExp(GENERIC.source, 'i');

/** A heading: a short first line with no full stop ("Walk out at public meeting June 6, 2016"). */
const HEADING = /^[^\n.!?]{1,90}\n/;

/**
 * Whether the text's first sentence after any heading tells what happened ("we held", "took place",
 * "walked out") and says nothing ahead: a write-up opens with the event.
 */
export function opensInThePast(text: string): boolean {
  const body = text.replace(HEADING, '');
  const first = /^[^\n]{0,400}?[.!?](?=\s|$)/.exec(body.trimStart())?.[0] ?? '';
  if (!first) return false;
  const past = count(REPORT, first) + countEventDone(first) + count(PAST_TIME, first) + count(PAST_ACT, first) + count(PAST_VERB, first);
  return past > 0 && count(FUTURE, first) === 0;
}

/** How strongly the text is told after the event, and before it. */
export function tenseScores(text: string): { past: number; future: number; generic: number } {
  const past = 2 * count(REPORT, text) + 2 * countEventDone(text) + 2 * count(PAST_TIME, text) + count(PAST_ACT, text) + count(PAST_VERB, text) + count(PAST_AUX, text) / 2;
  const future = count(FUTURE, text) + Math.min(2, count(WHEN, text) / 2);
  return { past, future, generic: count(GENERIC, text) };
}

/** The genre of a plan, whether it describes a whole meeting still to come, and the words that showed it. */
export function detectGenre(full: string): PlanFacts['genre'] {
  // What kind of text it is shows in its opening; a long paste is not read to the end for it.
  const text = full.length > GENRE_CHARS ? full.slice(0, full.lastIndexOf(' ', GENRE_CHARS) + 1 || GENRE_CHARS) : full;
  // A page of a body's rules for its meetings may name a day, but it is not an occasion to attend.
  const occasion = saysWhen(full) && !hasMatch(MEETING_RULES, text);
  const pick = (value: Genre, forwardLooking: boolean, ev: string | undefined): PlanFacts['genre'] => ({ value, forwardLooking, occasion, evidence: ev ? [ev] : [] });
  const template = firstMatch(TEMPLATE, text) ?? firstMatch(PLACEHOLDER, text);
  if (template) return pick('template', false, template);
  const terms = firstMatch(TERMS, text);
  if (terms) return pick('terms-of-reference', false, terms);
  const speech = firstMatch(SPEECH, text);
  if (speech) return pick('report', false, speech);
  const { past, future, generic } = tenseScores(text);
  // Told mostly in the past: a write-up of something that happened (a report, a news item, a blog post).
  // A text that opens by telling what happened is one too, even when it goes on to what comes next
  // ("we held our first forum ... the meetings will take place each half term").
  if ((past >= 1 && past > future) || opensInThePast(text)) {
    const ev = firstMatch(REPORT_ONE, text) ?? (holdsEventVerb(text) ? firstMatch(EVENT_DONE_ONE, text) : undefined) ?? firstMatch(PAST_TIME_ONE, text) ?? firstMatch(PAST_ACT_ONE, text);
    return pick('report', false, ev);
  }
  const request = firstMatch(REQUEST, text);
  // Someone asking for help with a plan still being made: what it does not say yet is not an absence.
  if (request) return pick('request', false, request);
  const part = firstMatch(PART_OF, text) ?? firstMatch(SESSION_OF, text);
  if (part) return pick('unknown', false, part);
  // What a kind of meeting is, or how to run one, with nothing that announces one: a generic guide.
  if (generic > 0 && generic >= future) return pick('template', false, firstMatch(GENERIC_ONE, text));
  if (GREETING.test(text) && SIGN_OFF.test(text)) return pick('email', true, firstMatch(GREETING, text));
  const lines = text.split('\n').filter((l) => l.trim()).length;
  const items = count(AGENDA_LINE, text);
  // Mostly a list of items: an agenda, which cannot show what happens around the meeting.
  // An agenda that also announces itself ("this forum will...", "join us") is a whole plan.
  if (items >= 3 && items * 2 >= lines) return pick('agenda', future >= 2, undefined);
  const invite = firstMatch(INVITE, text);
  if (invite) return pick('invitation', true, invite);
  const page = firstMatch(EVENT_PAGE, text);
  if (page) return pick('event-page', true, page);
  // Neither announced nor written up: a planner's own notes describe a meeting to come; a text with
  // some past in it and nothing ahead does not.
  // A longer text that neither names a day nor speaks of what will happen describes a kind of meeting.
  return pick('unknown', future > 0 || (past < 1 && words(text) <= SHORT_PLAN_WORDS), undefined);
}
