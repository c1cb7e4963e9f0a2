/**
 * Who is coming. Plans say it in many ways: a labelled list ("Invitees: ..."), a count with a breakdown
 * ("Eight people: two receptionists, ..."), "<meeting> with/for X", "X will meet", a title ("Board
 * meeting", "Parents' forum") or a bare list of roles. Speakers ("keynote from the minister") are not
 * participants, so they are taken out first.
 */
import {
  GROUPS, INVITEE_LABEL, MEETING_NOUN, MIXED_LEVEL_CUES, OPEN_INVITATION, ORGS, OTHER_LABEL, ROLE_LEVELS, SPEAKER_LABEL,
  type Level,
} from './cues.js';
import { HAS_NUMBER } from './numbers.js';
// The large patterns are compiled to machine code at their first use: see native-regex.ts.
import { primeNative } from './native-regex.js';
import { allMatches, collapseSpaces, matchAll, testFromStart, union, unionMatches } from './text.js';

/** The invitee side of a plan. */
export interface Invitees {
  /** True when the plan names who is coming (roles, groups, organisations or an open invitation). */
  stated: boolean;
  /** The phrases read as the invitee list. */
  phrases: string[];
  /** Roles named, with their level; `unknown` for a trade named outside a team (see `TRADE_ONLY`). */
  roles: Array<{ phrase: string; level: Level | 'unknown' }>;
  levels: Level[];
  organisations: string[];
  /** People the issue may be about who are among the invitees, by group name. */
  groups: Array<{ name: string; phrase: string; families: string[] }>;
  /** "Everyone welcome", "open to all": the people affected can come. */
  open: string[];
  /** "Any grade", "all staff", "from chief executives to porters". */
  mixed: string[];
}

const SPEAKERS = [
  /\b(?:questions? (?:to|for)|put (?:your )?questions to|ask(?:ing)? (?:the )?(?:panel|speakers?|minister|chief|director|leader|mayor|commissioner)|hear(?:ing)? from|listen(?:ing)? to|led by|guest speakers? (?:include|is|are)|speakers? (?:include|is|are)|panel(?:lists)? (?:include|is|are))\s+[^,.;]*/gi,
  /\b(?:q ?& ?a|questions|fireside chat|interview|in conversation)\s+with\s+[^,.;]*/gi,
  /\b(?:drafted|written|prepared|facilitated|led|chaired|run|hosted|commissioned|presented|funded)\s+by\s+[^,.;]*/gi,
  /\b(?:keynotes?|presentations?|talks?|speech(?:es)?|briefings?|updates?|welcome|panels?|speakers?|presenters?|papers?)\s+(?:on\s+[^,.;]*?\s+)?(?:from|by|of|with)\s+[^.;]*/gi,
];
/** A speaking verb; the whole clause around it is the speaker's, so it is blanked clause-wide. */
const SPEAKS =
  /\b(?:will (?:present|give|explain|brief|talk|speak|open|introduce|chair|update|lead|welcome)|presents?|presented|gives?|explains?|shares? a|opened (?:the|proceedings)|chaired|welcomed (?:everyone|all|participants|delegates|guests|attendees|members)|wrapped up|closed (?:the|proceedings))\b/gi;
// A report names who ran the meeting in the past tense ("The CEO opened the meeting and the director presented the plan"): hosts, not invitees.
const SPEAKER_HINT = /\bby\b|keynote|present|talk|speech|briefing|update|welcome|panel|speaker|paper|give|explain|share|opened|chaired|wrapped|closed/i;
const ROLE_UNION = union(ROLE_LEVELS.map(([, re]) => re));
const GROUP_UNION = union(GROUPS.map((g) => g.re));
/**
 * Whether `text` names a role (or a group): asked of the union regexes the scans use, not of a plain
 * alternation of the same words, because each regex of that size costs a cold review milliseconds to compile.
 */
const hasRole = (text: string): boolean => testFromStart(ROLE_UNION, text);
const hasGroup = (text: string): boolean => testFromStart(GROUP_UNION, text);
const TOPIC_CLAUSE =
  /\b(?:about(?!\s*[\d~])(?!\s+(?:a dozen|a few|a couple|an? hour|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred)\b)|regarding|concerning|re(?<!['\w]re)\b:?|on the (?:topic|subject|issue) of|to (?:discuss|decide|explore|agree|talk|look|sign|approve|plan|consider|review|find|go|share|hear|design|co-design|develop|build|create|improve|make|help|understand|map|test|learn|support|shape|tackle|reduce|address|fix|prevent|celebrate|thank))\b[^,;]*/gi;
const COUNTED = /(?<![\d.:])\b(?:\d{1,5}\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|a dozen|a couple of)\s+(?:[a-z'&-]+\s+){0,4}?(?:people|ppl|participants|attendees|delegates|guests|members|staff|colleagues|volunteers|residents|tenants|patients|carers|pupils|students|parents|nurses|doctors|gps|teachers|developers|devs|engineers|managers|leads|directors|officers|councillors|trustees|governors|customers|clients|users|clinicians|deputies|ahts|receptionists|pcsos|year ?\d+s|reps?|representatives?|young people|older people|practitioners|professionals|commissioners|stakeholders|employees|workers|partners|experts|families)\b|\b(?:\d+|about \d+|around \d+)\s+in total\b/i;
const WILL_MEET = /\s(?:will meet|will attend|are invited|are coming|will be there|will join|meet for|meet to|will gather|to (?:agree|decide|approve|sign off|discuss|review|consider|plan|explore|set))\b/i;
/** "... with the support leads": people named after "with", except "deal with", "problems with" and the like. */
const WITH_ANY = /(?<!\b(?:deal|dealing|deals|cope|coping|comply|complying|problems?|issues?|help|helps|connected|familiar|happy|engage|engaging|along|together|start|starting|end|ending|go|goes|come|comes))\s+with\s+((?:the|our|a|an|some|all|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+[^.;:?()]{2,100}?)(?=\s+(?:to|about|on|re\b:?|regarding|around|at|in the|from \d)\b|[.;:?(]|,\s*\d|$)/gi;
/** "Service users and carers welcome", "Parents are invited". */
const WELCOME = /^([^.;:?]{3,80}?)\s+(?:are |is |very |all )?(?:welcome|invited|encouraged to (?:come|attend))\b/i;
const INVITE_VERB = /\b(?:invit(?:e|ing)|we've invited|we have invited|open to|open invitation to|welcoming|brings? together|bringing together|brought together|will bring together|gathers?|gathering|convenes?|convening|unites?|uniting|aimed at|designed for|intended for|suitable for|of interest to|relevant to|attended by|works? with|working with|connects?|connecting)\s+([^.;:?]{3,160})/gi;
const WITH_FOR = new RegExp(`\\b${MEETING_NOUN}s?\\s+(?:[\\w-]+\\s+){0,3}?(?:with|for)\\s+([^.;:?]{3,160}?)(?=\\s+(?:to|about|on|re\\b:?|regarding|around|at|in the|from \\d)\\b|[.;:?]|$)`, 'gi');
const TITLE_GROUP = /^(?:[\w'&-]+\s+){0,3}?([\w'-]+?)(?:'s|s')?\s+(?:[\w-]+\s+)?(?:forum|panel|voice|group|council|network|assembly|jury|advisory board|board|huddle|lunch|feedback session|session|evening|meeting|circle|coffee morning|drop-in|away day|retro|briefing)\b/i;
/** "Corporate leadership team: decide whether ..." names who; "CTO: Q3 roadmap" is an agenda item and its speaker. */
const VERB_AFTER_COLON = /^(?:to\s+)?(?:decide|agree|approve|sign|review|discuss|explore|plan|choose|consider|go|look|share|meet|set|design|co-design|map|reflect|talk|work|hear|listen|think|identify|prioriti[sz]e|develop|shape|find)\b/i;
/** A kind of person named only as part of a staff title ("Tenant Engagement Officer", "Customer Services Manager"). */
const GROUP_IN_TITLE =
  /\b(?:tenants?|customers?|patients?|residents?|parents?|carers?|students?|pupils?|users?|clients?|family|families|children'?s?|young people'?s?)\s+(?:[\w-]+\s+){0,2}?(?:officers?|managers?|leads?|team|directors?|coordinators?|co-ordinators?|advisers?|advisors?|liaison|champions?)\b/gi;
/**
 * A group word naming a topic, not the people ("Youth Activities", "Public Safety", "Student Housing",
 * "Customer Experience"): an agenda's or a workshop's subject, so it does not put the group in the room
 * (s29 audit). Bodies of the people themselves ("Youth Council", "Residents' Association", "patient
 * participation") are left alone.
 */
const GROUP_AS_TOPIC =
  /\b(?:youth|public|patients?|students?|customers?|clients?|children'?s|community|citizens?|pupils?)\s+(?:activities|safety|health|transport|realm|sector|spaces?|facilities|toilets|art|polic(?:y|ies)|affairs|protection|provision|services?|housing|accommodation|finance|funding|satisfaction|experience|parking|libraries|parks?|offending|crime|justice|wellbeing|well-being|attainment|outcomes|records?|data|journeys?|numbers|recruitment|retention)\b/gi;
/**
 * Business done about people ("Election of Executive Officers and Board of Directors", "appointment of
 * trustees", "co-option of governors"): posts to fill, not who comes (s29 audit).
 */
const BUSINESS_ABOUT_PEOPLE = /\b(?:(?:re-?)?election|appointments?|co-?options?|nominations?|resignations?|removal|remuneration|vacanc(?:y|ies)|retirement)\s+(?:of|for|to|as)\s+[^,;\n]*/gi;
/**
 * Who does the inviting ("officers contact stakeholders to be invited", "the clerk will write to parents to
 * invite them"): the organisers before the verb are not invitees (s29 audit: officers asked to arrange the
 * next meeting were praised as mixing levels). Only the people after the verb are kept.
 */
const ARRANGER_VERB = /^.*\b(?:contacts?|contacting|will contact|to contact|write to|writes to|will write to|emails?|will email|approach(?:es)?|will approach|arranges? for|organises? for|organizes? for)\s+/i;
const invitedOnly = (p: string | undefined): string | undefined => p?.replace(ARRANGER_VERB, '');
const FIRST_WORDS_ROLE = /^(?:the |our |all |[\d]+ |some )?[\w'/-]+(?:\s+[\w'/-]+){0,2}/i;

// Regexes used per sentence or per match are made once here: a literal in a function body builds a new
// RegExp object every time it is evaluated.
const CLAUSE_END = /[,.;]/;
const QUOTED = /^['"]/;
const LIST_MARK = /[,+&/]/;
const LIST_VERB = /\s(?:review|agree|discuss|meet|decide|look|go|share|explore|plan|will|to|are|is|who|that|come|talk|work|sign|approve|chair|shadow|attend|join)s?\b/i;
const BODY_COLON = /^([^:]{2,60}):\s+/;
const WITH_OR_FOR = / (?:with|for) /i;
const INVITE_HINT = /invit|open |welcom|together|gather|conven|unit|aimed|designed|intended| for |suitable|interest|relevant|attended|work|connect/i;
const WITH = / with /i;
const AFTER_COLON = /:\s+(.+)$/;
const FIRST_WORD = /^\S+/;

/** Removes speakers and authors so only participants remain. */
export function withoutSpeakers(text: string): string {
  let out = text;
  if (!SPEAKER_HINT.test(out)) return out;
  for (const re of SPEAKERS) out = out.replace(re, ' ');
  if (!SPEAKS.test(out)) return out;
  SPEAKS.lastIndex = 0;
  // Found verb by verb, then widened to its clause: a single clause-wide regex backtracks badly.
  const spans: Array<[number, number]> = [];
  for (const m of allMatches(SPEAKS, out)) {
    const at = m.index ?? 0;
    const head = out.slice(0, at);
    const start = Math.max(...[',', '.', ';', ':', '+', '&'].map((c) => head.lastIndexOf(c))) + 1;
    const tail = out.slice(at).search(CLAUSE_END);
    spans.push([start, tail < 0 ? out.length : at + tail]);
  }
  let result = '';
  let from = 0;
  for (const [a, b] of spans) {
    if (a < from) { from = Math.max(from, b); continue; }
    result += `${out.slice(from, a)} `;
    from = b;
  }
  return result + out.slice(from);
}

/**
 * "Developers" is a level (front-line staff) only in a team that builds software: property developers at
 * a planning forum, or programmers at a public meetup, are a trade or a business, not one layer of an
 * organisation (s29 audit: "The list is drawn from one level: front-line staff (developers)").
 */
const TRADE_ONLY = /^(?:devs?|developers?)$/i;
/** Words that place developers in a software team: its other roles and its routines. */
const SOFTWARE_TEAM =
  /\b(?:sprints?|stand-?ups?|retros?|retrospectives?|scrum|backlog|product (?:owners?|managers?)|designers?|testers?|qa|ux|(?:dev|development|engineering|tech|product|software|delivery|digital|platform|it) teams?|squads?|front[- ]?end|back[- ]?end|full[- ]?stack|from (?:a |another |a different |other )?teams?)\b/i;

function rolesIn(text: string): Array<{ phrase: string; level: Level }> {
  const out: Array<{ phrase: string; level: Level }> = [];
  for (const [i, phrase] of unionMatches(ROLE_UNION, text)) {
    const level = ROLE_LEVELS[i]?.[0];
    if (level) out.push({ phrase, level });
  }
  return out;
}

function looksLikeRoleList(sentence: string): boolean {
  // A quoted title or theme ("'Young people at the heart'") is not a list of who is coming.
  if (QUOTED.test(sentence)) return false;
  const lead = FIRST_WORDS_ROLE.exec(sentence)?.[0] ?? '';
  if (!hasRole(lead) && !hasGroup(lead)) return false;
  if (LIST_MARK.test(sentence)) return true;
  return rolesIn(sentence).length + (sentence.match(primeNative(ORGS))?.length ?? 0) >= 2;
}

/** A role list ends where its verb begins: "PCSOs and councillors review hotspots" lists only the people. */
function cutAtVerb(p: string): string {
  return p.split(LIST_VERB)[0] ?? p;
}

/** Whether a phrase names people or bodies (a role, a group or an organisation). */
function names(p: string): boolean {
  return hasRole(p) || hasGroup(p) || testFromStart(ORGS, p);
}

/**
 * Reads the invitees from the plan's sentences. `labelled` holds text a form put in its "who" field,
 * which is taken as the invitee list whole. `numbered[i]`, when given, says whether sentence `i` has a
 * number (`HAS_NUMBER`), as the head count asks of the same sentences.
 */
export function parseInvitees(sentenceList: string[], labelled?: string, numbered?: readonly boolean[]): Invitees {
  const phrases: string[] = [];
  // Phrases found by shape ("workshop for X", "X will meet") count only when they name people or bodies.
  const addIfPeople = (p: string | undefined): void => { if (p && names(p)) add(p); };
  // A long paste repeats itself; a phrase already read is not cleaned again.
  const seen = new Set<string>();
  /** The phrases kept so far, for a quick duplicate check. */
  const kept = new Set<string>();
  const add = (p: string | undefined): void => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    const t = collapseSpaces(p.replace(primeNative(TOPIC_CLAUSE), ' ').replace(BUSINESS_ABOUT_PEOPLE, ' ')).trim();
    if (t && t.length > 1 && !kept.has(t)) {
      kept.add(t);
      phrases.push(t);
    }
  };
  if (labelled) add(labelled);
  // Every phrase a sentence yields depends only on its text (and on being first), so a repeat adds nothing.
  const read = new Set<string>();
  sentenceList.forEach((raw, i) => {
    if (read.has(raw)) return;
    read.add(raw);
    const label = INVITEE_LABEL.exec(raw);
    if (label) return add(raw.slice(label[0].length));
    if (OTHER_LABEL.test(raw) || SPEAKER_LABEL.test(raw)) return;
    const s = withoutSpeakers(raw);
    if (i === 0) {
      const title = primeNative(TITLE_GROUP).exec(s)?.[0];
      if (title && (hasRole(title) || hasGroup(title))) add(title);
    }
    const counted = (s === raw ? numbered?.[i] ?? HAS_NUMBER.test(s) : HAS_NUMBER.test(s)) ? primeNative(COUNTED).exec(s) : null;
    if (counted) {
      // "Knife crime summit - 200 delegates from ...": the title before the dash is the topic, not people.
      const head = s.slice(0, counted.index);
      const cut = Math.max(head.lastIndexOf(' - '), head.lastIndexOf(': '));
      return add(cut >= 0 ? s.slice(cut + 2) : s);
    }
    // Both colon patterns need a colon (the body's first one within 60 characters): most sentences have none.
    const colon = s.indexOf(':');
    const body = colon >= 2 && colon <= 60 ? BODY_COLON.exec(s) : null;
    // "Corporate leadership team: decide whether ...": the body before the colon is who; the rest is the aim.
    // "CTO: Q3 roadmap" is an agenda item with its speaker, so it names nobody who takes part.
    if (body?.[1] && hasRole(body[1]) && !hasGroup(body[1])) {
      const rest = s.slice(body[0].length);
      return VERB_AFTER_COLON.test(rest) || names(rest) ? add(body[1]) : undefined;
    }
    if (WITH_OR_FOR.test(s)) for (const m of allMatches(WITH_FOR, s)) addIfPeople(m[1]);
    if (INVITE_HINT.test(s)) {
      for (const m of allMatches(INVITE_VERB, s)) addIfPeople(m[1]);
      addIfPeople(invitedOnly(WELCOME.exec(s)?.[1]));
    }
    const meet = WILL_MEET.exec(s);
    if (meet && meet.index >= 3 && meet.index <= 160) addIfPeople(invitedOnly(s.slice(0, meet.index)));
    if (WITH.test(s)) for (const m of allMatches(WITH_ANY, s)) addIfPeople(m[1]);
    if (looksLikeRoleList(s)) add(cutAtVerb(invitedOnly(s) ?? s));
    const afterColon = colon >= 0 ? AFTER_COLON.exec(s)?.[1] : undefined;
    if (afterColon && looksLikeRoleList(afterColon)) add(cutAtVerb(afterColon));
  });
  const joined = phrases.join(' ; ');
  const all = sentenceList.join(' \n ');
  const team = SOFTWARE_TEAM.test(all);
  const roles = rolesIn(joined).map((r) => (TRADE_ONLY.test(r.phrase) && !team ? { phrase: r.phrase, level: 'unknown' as const } : r));
  const groups: Invitees['groups'] = [];
  const groupText = joined.replace(primeNative(GROUP_IN_TITLE), (t) => t.replace(FIRST_WORD, 'staff')).replace(GROUP_AS_TOPIC, (t) => t.replace(FIRST_WORD, 'topic'));
  for (const [i, phrase] of unionMatches(GROUP_UNION, groupText)) {
    const g = GROUPS[i];
    if (g && !groups.some((x) => x.name === g.name)) groups.push({ name: g.name, phrase, families: g.families });
  }
  const organisations = matchAll(ORGS, joined);
  const open = matchAll(OPEN_INVITATION, all, 2);
  const mixed = matchAll(MIXED_LEVEL_CUES, all, 2);
  const levels = [...new Set(roles.flatMap((r) => (r.level === 'unknown' ? [] : [r.level])))];
  return {
    stated: roles.length + groups.length + organisations.length + open.length + mixed.length > 0,
    phrases,
    roles,
    levels,
    organisations,
    groups,
    open,
    mixed,
  };
}
