/**
 * What kind of text a plan is. An invitation or an event page describes a meeting still to come, so what
 * it leaves out means something; a report written after the event, a template or terms of reference is
 * judged only by what it states, and an agenda cannot show what happens around it.
 */
import type { PlanFacts } from './facts.js';
import { firstMatch } from './text.js';

type Genre = PlanFacts['genre']['value'];

const TEMPLATE = /\[(?:insert|date|name|venue|time|title|add|enter|your)[^\]]{0,40}\]|<(?:insert|date|name|venue)[^>]{0,40}>|\bxx[:.]xx\b|\bdd\/mm(?:\/yy(?:yy)?)?\b|\btemplate\b|\[[A-Z][A-Z /]{2,30}\]/i;
const TERMS = /\bterms of reference\b|^constitution\b|\bstanding orders\b|\bquorum\b|\bquorate\b|\bmembership (?:of|shall|will|is)\b|\b(?:board|committee|group|forum|panel|partnership|council) (?:shall|is responsible for|will be responsible for)\b|\bshall (?:meet|be|consist|comprise|include|report)\b|\bchair(?:person)? shall\b/im;
const REPORT =
  /\b(?:took place|was held|were held|(?:was|were) attended by|attended the (?:event|session|workshop|meeting|conference)|we heard|(?:participants|attendees|delegates|those attending|people|colleagues|members) (?:discussed|shared|heard|said|told us|explored|agreed|identified|raised|were asked)|the (?:event|session|workshop|day|conference|meeting) (?:brought|saw|heard|was a|included|featured|opened|closed|ended|began|heard)|thanks? (?:you )?to (?:all|everyone) who (?:came|attended|joined|took part)|(?:last (?:week|month|year)|yesterday)'?s? (?:event|session|workshop|meeting|conference)|(?:was|were) (?:discussed|presented|agreed|shared) (?:at|during)|it was (?:great|fantastic|wonderful|brilliant) to|over \d+ (?:people|delegates|attendees) (?:attended|came|joined))\b/gi;
const FUTURE = /\b(?:will (?:be|take place|include|run|meet|bring|hear|explore|focus|feature|start|begin|open)|book (?:your|a|now)|booking|register(?: now| here| your)?|registration (?:is|opens|closes)|tickets?|join us|you are invited|we invite|please (?:join|come|book|register|let us know|rsvp)|rsvp|save the date|places are limited|is open to|are welcome|upcoming|forthcoming|next (?:week|month)|we are (?:holding|hosting|running|planning)|we'll|come along|sign up)\b/gi;
const REQUEST = /\b(?:any (?:ideas|advice|tips|suggestions|thoughts)|can anyone|does anyone|has anyone|how (?:should|do|can|would) (?:i|we) (?:run|plan|structure|facilitate|organise|organize|design)|i(?:'m| am) (?:planning|organising|organizing|running|facilitating|designing)|help me|looking for (?:advice|ideas|suggestions)|what would you (?:do|suggest|recommend))\b/i;
const GREETING = /^(?:hi|hello|dear|good (?:morning|afternoon))\b/im;
const SIGN_OFF = /\b(?:best wishes|kind regards|many thanks|regards|thanks,|cheers)\b/i;
const AGENDA_LINE = /^\s*(?:-\s+|\d{1,2}[:.]\d{2}\b|\d{1,2}\.\s+|item \d+)/gim;
const INVITE = /\b(?:you are (?:warmly )?invited|we invite|invitation|please join|join us|we would like to invite|we'd like to invite|you're invited)\b/i;
const EVENT_PAGE = /\b(?:book (?:your|a|now)|register|tickets?|venue|free event|eventbrite|date and time|location:|date:|time:|cost:|places)\b/i;

/** The genre of a plan, whether it describes a whole meeting still to come, and the words that showed it. */
export function detectGenre(text: string): PlanFacts['genre'] {
  const pick = (value: Genre, forwardLooking: boolean, ev: string | undefined): PlanFacts['genre'] => ({ value, forwardLooking, evidence: ev ? [ev] : [] });
  const template = firstMatch(TEMPLATE, text);
  if (template) return pick('template', false, template);
  const terms = firstMatch(TERMS, text);
  if (terms) return pick('terms-of-reference', false, terms);
  const past = text.match(REPORT)?.length ?? 0;
  REPORT.lastIndex = 0;
  const future = text.match(FUTURE)?.length ?? 0;
  FUTURE.lastIndex = 0;
  if (past > 0 && past >= future) return pick('report', false, firstMatch(new RegExp(REPORT.source, 'i'), text));
  const request = firstMatch(REQUEST, text);
  if (request) return pick('request', true, request);
  if (GREETING.test(text) && SIGN_OFF.test(text)) return pick('email', true, firstMatch(GREETING, text));
  const lines = text.split('\n').filter((l) => l.trim()).length;
  const items = text.match(AGENDA_LINE)?.length ?? 0;
  AGENDA_LINE.lastIndex = 0;
  // Mostly a list of items: an agenda, which cannot show what happens around the meeting.
  if (items >= 3 && items * 2 >= lines) return pick('agenda', false, undefined);
  const invite = firstMatch(INVITE, text);
  if (invite) return pick('invitation', true, invite);
  const page = firstMatch(EVENT_PAGE, text);
  if (page) return pick('event-page', true, page);
  return pick('unknown', future > 0 || past === 0, undefined);
}
