/**
 * Whether a meeting is set up to converge on a course of action fixed beforehand: it approves, ratifies
 * or votes on a proposal, or agrees a draft. Read sentence by sentence, because a word for deciding in
 * one sentence and a draft mentioned in another are usually about different things ("the board agreed
 * to meet monthly ... a draft of the strategy was shared"). A body's standing powers ("the committee
 * approves its accounts"), a vote between open choices ("vote on which issues come first") and the
 * approval of minutes are not converging early.
 */
import { PREDETERMINED, PROCEDURAL_APPROVAL } from './cues.js';
import { primeNative } from './native-regex.js';
import { sentences } from './text.js';

/** Settling a proposal by its nature: ratifying, signing off, rubber-stamping, choosing one of a set. */
const SETTLE =
  /\b(?:ratif(?:y|ying|ication)|rubber[- ]stamp\w*|sign(?:ing)?[- ]?off|signoff|endors(?:e|es|ing|ement)|tentative agreement|(?:approv(?:e|ing)|aprove) (?:it|this|them|these)\b|decide whether (?:or not )?to|decide which (?:one )?of (?:the |these |those )?(?:two|three|four|five|six|\d+|shortlisted|short-listed|proposed)\b|choose (?:one|between|which)|pick one|to accept|(?:get|gain|obtain|secure|win|build|seek|seeking|securing|gaining|obtaining) (?:[\w'-]+ ){0,3}?buy-?in|(?:approv(?:e|ing)|aprove|approval of|adopt(?:ion of)?)\s+(?:the |a |an |its |this |our |their )?(?:[\w'-]+ ){0,4}?(?:merger|plans?|budgets?|strateg(?:y|ies)|proposals?|business case|polic(?:y|ies)|contracts?|agreements?|amendments?|changes?|recommendations?|design|schemes?|applications?|lease|addendum|terms|options?|constitution|resolutions?|motions?|model|approach|draft|version|closure)\b|(?:get|seek|obtain|gain|for) (?:their |your |final |formal )?approval)\b/gi;
/** A vote settles a proposal only when one is named ("vote on the merger proposal"), not a choice still open. */
const VOTE = /\bvote (?:on|to|for or against)\b(?! which\b| every\b| (?:the )?\d| (?:mon|tues|wednes|thurs|fri|satur|sun)day\b| (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)/i;
const VOTE_ON_PROPOSAL = /\b(?:propos\w+|approv\w+|merger|agreement|amendments?|resolutions?|clause|recommend\w*|final version|draft)\b/i;
/**
 * Deciding or consulting: converging when the same sentence names a draft, a proposal or set options. Accepting
 * a named one ("accepting the proposed changes") too, but not "accepting proposals" (a call for them).
 */
const DECIDE_OR_CONSULT =
  /\b(?:decide|deciding|agree|agreeing|confirm(?:ing)?(?<!(?:please|kindly) confirm)(?! (?:how|whether|if|what|when|where|who|your|you|their|attendance|availability|receipt)\b)|finali[sz]\w*|settle|consult(?:ation|ations|ing|s)?|approv(?:e|ing)|agreement on|accept(?:s|ing)? (?:the|these|this|its|our|their))\b/i;
/**
 * Standing business that is approved as a matter of course, like the minutes: a body's accounts, its
 * officers' elections, its annual budget, the reports received ("the AGM will ratify any elections",
 * "a motion to accept the reports").
 */
const ROUTINE = /\b(?:(?:ratif\w*|approv\w*|adopt\w*|accept\w*|confirm\w*|receiv\w*|endors\w*)\s+(?:of\s+)?(?:the\s+|any\s+|all\s+)?(?:[\w']+\s+){0,2}?(?:elections?|appointments?|accounts|financial statements|reports|correspondence|(?:company )?secretary|treasurer|auditors?|officers|trustees|directors)\b|(?:matters|items|business|papers) (?:for|requiring) (?:approval|decision)|adoption of (?:the |its |our )?(?:annual|yearly) (?:[\w']+ )?budget|annual (?:report and )?accounts|(?:the )?accounts|pending approval|subject to (?:\w+ ){0,4}approval|minutes\b[^.\n]{0,60}\bfor approval)\b/gi;
/** Both answers still open ("approve or reject", "accept/decline"), or a consultation that comes later: this meeting settles nothing. */
const OPEN_OR_LATER = /\b(?:approv\w*|accept\w*|adopt\w*)(?: or |\s?\/\s?)(?:reject\w*|deny\w*|decline\w*|refus\w*|amend\w*|not)\b|\bbefore (?:the |a |any )?(?:\w+ )?consultation\b|\bconsultation (?:later|next|will follow)\b/i;
/** The text says the meeting decides nothing ("no decisions are taken at these sessions"): it cannot converge. */
const NO_DECISION =
  /\b(?:no (?:formal )?decisions? (?:(?:are|were|is|was|will be|can be|have been|has been) )?(?:taken|made|reached)|makes? no (?:formal )?decisions?|(?:will|do|does|can|cannot|may) not (?:make|take) (?:any )?(?:formal )?decisions?|not (?:a )?decision[- ]making)\b/i;
/** Members bring the business themselves ("anyone can submit motions"): no course is fixed beforehand. */
const OPEN_AGENDA =
  /\b(?:any(?:one| member| student| resident)?|members|students) (?:can|may) (?:submit|propose|put forward|bring|request|table) (?:an? )?(?:motions?|items?|proposals?|polic)/i;
/**
 * Proposals or a draft still being formed ("feedback to inform more detailed proposals", "to write a
 * draft") are the meeting's output, not a course fixed before it.
 */
const BEING_FORMED = /\b(?:write|writing|produce|producing|prepare|preparing|draw up|drawing up|develop|developing|inform|informing)\s+(?:\w+\s+){0,3}$/i;
/**
 * A heading over a body's standing remit ("The powers and functions of the Assembly are:"): the items
 * under it say what the body may do at any meeting, not what one meeting is set up to settle.
 */
const REMIT_HEAD = /\b(?:powers|functions|duties|responsibilities)\b[^.\n]{0,60}:\s*$/i;
/** A line of a list: numbered, lettered, in roman numerals, bulleted, or an infinitive ("To adopt ..."). */
const REMIT_ITEM = /^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)]+\s*|[-•*]\s+|to\s)/i;
const PAST_REPORT = /\b(?:was|were|had been|has been) (?:approved|agreed|endorsed|ratified)\b/i;

/** A numbered, lettered or bulleted line of a list of business. */
const ITEM_LINE = /^\s*(?:\d{1,2}[.)]\s*|[a-z][.)]\s+|[-•*]\s+|item \d+)/i;
/** A list of business this long is a body's routine agenda, not a meeting set up around one decision. */
const LONG_AGENDA_ITEMS = 6;

/** The phrases that show the meeting converges on a fixed course; empty when none do. */
export function convergingEvidence(text: string): string[] {
  const found = settlingPhrases(text);
  if (found.length === 0) return found;
  // One approval among a long list of business ("7. Approve the revised plan") is the body's routine,
  // not what the meeting was set up to do; two or more, or one outside the list, still count.
  const items = text.split('\n').filter((l) => ITEM_LINE.test(l));
  if (items.length >= LONG_AGENDA_ITEMS) {
    const inItems = items.filter((l) => found.some((p) => l.includes(p)));
    const outside = found.filter((p) => !items.some((l) => l.includes(p)));
    if (inItems.length <= 1 && outside.length === 0) return [];
  }
  return found;
}

/** The text with the items listed under a remit heading blanked out (lines kept, so offsets of lines hold). */
function withoutRemits(text: string): string {
  if (!/\b(?:powers|functions|duties|responsibilities)\b/i.test(text)) return text;
  const lines = text.split('\n');
  let inRemit = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (REMIT_HEAD.test(line)) { inRemit = true; continue; }
    if (!inRemit || line.trim() === '') continue;
    if (REMIT_ITEM.test(line)) lines[i] = '';
    else inRemit = false;
  }
  return lines.join('\n');
}

/**
 * The signs in a sentence of a course fixed beforehand, leaving out what the meeting itself forms: its
 * recommendations ("decide what recommendations to take forward"), a draft it will write.
 */
function fixedCourses(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(PREDETERMINED)) {
    const word = m[0];
    if (/^recommendations$/i.test(word)) continue;
    if (BEING_FORMED.test(s.slice(Math.max(0, (m.index ?? 0) - 50), m.index))) continue;
    out.push(word);
  }
  return out;
}

function settlingPhrases(text: string): string[] {
  if (NO_DECISION.test(text) || OPEN_AGENDA.test(text)) return [];
  const clean = withoutRemits(text).replace(PROCEDURAL_APPROVAL, ' ').replace(ROUTINE, ' ');
  const out: string[] = [];
  // These run first on one sentence: machine code from the start (native-regex.ts).
  for (const re of [SETTLE, DECIDE_OR_CONSULT, OPEN_OR_LATER, PAST_REPORT, PREDETERMINED]) primeNative(re);
  for (const s of sentences(clean)) {
    if (OPEN_OR_LATER.test(s)) continue;
    if (PAST_REPORT.test(s) && !SETTLE.test(s.replace(PAST_REPORT, ' '))) { SETTLE.lastIndex = 0; continue; }
    SETTLE.lastIndex = 0;
    const settle = s.match(SETTLE);
    if (settle) { out.push(...settle); continue; }
    const vote = VOTE.exec(s);
    if (vote && VOTE_ON_PROPOSAL.test(s)) { out.push(vote[0]); continue; }
    const decide = DECIDE_OR_CONSULT.exec(s);
    if (!decide) continue;
    const fixed = fixedCourses(s);
    if (fixed.length > 0) out.push(decide[0], ...fixed);
  }
  // Quoted as written; only phrases found in the text leave here.
  return [...new Set(out.map((p) => p.trim()))].filter((p) => text.includes(p)).slice(0, 6);
}

