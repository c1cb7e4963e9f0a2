/**
 * Where the meeting happens: online, in person or hybrid, and whether anything is said about the room
 * (tables, seating, acoustics, light, air, a stage). The guide counts any words about how the space is set
 * out or what it is like; a venue's name or a room's number does not count. A telephone or digital event
 * states its setting as an online one does.
 */
import type { PlanFacts } from './facts.js';
import type { MeetingPlan } from './plan.js';
import { CONVERSATION_ROOM, ONLINE_CUES, ROOM_CUES } from './cues.js';
import { hasMatch } from './scan.js';
import { allMatches, matchAll } from './text.js';

/** What the room is like beyond tables and seats: air, warmth, light, noise, a stage or podium, its size. */
const ROOM_MORE =
  /\b(?:ventilat\w+|well[- ]ventilated|air[- ]?condition\w*|heat(?:ed|ing)|warm(?:th)?(?= (?:hall|room|space|venue))|(?:hall|room|space|venue) (?:is|will be) (?:warm|heated|cool|bright|light|spacious|big enough|large enough|quiet|accessible)|(?:good|natural|dim|bright) lighting|noise|noisy|echo\w*|podium|(?:on|from) (?:the |a )?stage|lectern|top table|standing (?:room|only|tables)|(?:space|room) (?:is|will be) (?:big|large) enough|step-free|wheelchair[- ]accessible|(?:each|every|per|at each|on each|at your) table|(?<!\b(?:updates|news|feedback|reports?|issues|round-up|roundup)\s\(?)(?<!\b(?:go|goes|going|went|move|moves|moving|work|working)\s+(?:once\s+)?)(?:around|round) the table(?![)\w])(?!\s+(?:updates?|discussions?|introductions?|reports?|feedback|news|conversations?|sessions?|check-?ins?|sharing)\b)|tables? (?:are|is|will be) (?:set|laid|arranged|placed)|(?:cosy|cozy|comfortable|spacious|airy|intimate|light-filled) (?:[\w-]+ )?(?:rooms?|spaces?|venues?|halls?|surroundings|lounges?)|(?:indoor|outdoor|alfresco|al fresco|open-air) (?:and (?:indoor|outdoor|alfresco|al fresco|open-air) )?(?:spaces?|areas?|seating)|(?:allow|room) for social distancing|(?:organi[sz]e|arrange|prepare|set up|lay out) (?:the )?(?:rooms|displays|the hall|the space)|market ?place|(?:market|information|exhibition|exhibitor|display|local) (?:stalls?|stands)|stalls (?:run|hosted|staffed) by)\b/gi;
/** A setting with no room: by telephone, or a digital event. */
const REMOTE =
  /\b(?:tele(?:phone)?[- ]?town ?halls?|telephone (?:forum|meeting|call|conference|town hall)|by (?:tele)?phone|phone-in|dial-in|dial in|conference call|digital (?:conference|event|summit|forum|symposium|festival)|livestream(?:ed)? only|virtual (?:conference|event|summit|forum|symposium|meeting|session|town hall))\b/gi;
/** "Online" about something other than where people meet: booking, a survey, papers, a view-only stream. */
const ONLINE_ELSEWHERE_BEFORE = /\b(?:book|booking|register|registration|available|find|view|viewed|read|published|posted|watch|watched|stream(?:ed|ing)?|broadcast|sign up|apply|submit|details|information|papers|agenda|minutes|more|respond|comment|feedback|survey|consultation|also|as well)\s+(?:[\w'’-]+\s+){0,2}$/i;
const ONLINE_ELSEWHERE_AFTER = /^\s*(?:consultation|survey|form|booking|registration|shop|store|resources?|portal|petition|feedback|questionnaire|learning|course|module|training|safety|harms?|abuse|bullying|presence|newsletter|calendar|version|copy|link|at(?! \d)|via|here|from|for (?:those|anyone|people) who (?:can(?:no|')t|are unable))\b/i;

/**
 * The text sends the reader elsewhere, or to later, for the meeting's arrangements ("for dates and
 * locations, see our calendar", "more information about the event will be available shortly", "venue to
 * be confirmed", "notices will be sent two weeks before", "mark the date in your diary"): it is not the whole plan, so its silence about the room says nothing (guide: absence
 * flags need the text to describe the whole plan).
 */
const ARRANGEMENTS_ELSEWHERE =
  /\bfor (?:dates|times|venues?|locations?)(?:,? (?:and|&) (?:dates|times|venues?|locations?))*,? (?:please )?(?:see|visit|check|go to)\b|\b(?:more|further|full) (?:information|details|info)(?: about (?:the|this) (?:event|meeting|conference|forum|day))? (?:will be (?:available|published|posted|sent|circulated|communicated|shared|provided|given|confirmed|announced|emailed|made available)(?! (?:about|on|regarding|of|as to)\b)|(?:is |are )?to follow)\b|\b(?:notices?|invitations?|joining instructions|papers)\b[^.\n]{0,40}\b(?:will be|to be) (?:sent|circulated|issued|emailed|posted)\b|\bwill be sent (?:a |the )?(?:formal )?(?:notices?|invitations?|joining instructions|papers)\b|\b(?:notices?|invitations?) (?:will follow|to follow)\b|\b(?:mark|put|note|pop|add) (?:the|this|these) dates? (?:in|into|to) your diar(?:y|ies)\b|\b(?:see|find|read) more (?:detail|details|information) here\b|\bmore details? here\b|\b(?:venue|location|time|date)s?(?: and (?:venue|location|time|date)s?)? (?:(?:is|are|will be|to be) )?(?:to be )?(?:confirmed|announced|arranged|tbc|tba|tbd)\b|\bdetails (?:to follow|to be confirmed|will follow)\b|\bmore (?:information|details)(?:,[^.\n]{0,60})? (?:can be found|is available|are available) (?:on|at|via) (?:our|the)\b/i;

/** Online cues that say where the meeting itself happens. */
function meetingOnline(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(ONLINE_CUES, text)) {
    const at = m.index ?? 0;
    if (ONLINE_ELSEWHERE_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue;
    if (ONLINE_ELSEWHERE_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 40))) continue;
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length >= 2) break;
  }
  return out;
}

/**
 * In person and online both offered ("attend in person or via Zoom", "in the ballroom and online through
 * Zoom", "if you cannot attend in person, the Zoom link is below"): hybrid, so the room still matters.
 */
const IN_PERSON_AND_ONLINE =
  /\bin[- ]person (?:or|and|,) (?:online|virtually|remotely|via|by|on|through)\b|\b(?:online|virtually|remotely|via zoom|via teams|on zoom|on teams) (?:or|and) in[- ]person\b|\b(?:not able to|unable to|cannot|can't|can not) (?:attend|join|come|be there) in[- ]person\b|\bin[- ]person,? (?:and )?with (?:an|the) option to join (?:online|virtually|remotely)\b|\b(?:in|at) (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,4} and online (?:through|via|on)\b|\b(?:not able to|unable to|cannot|can't|can not) (?:attend|join|come|travel|be there)\b[^.\n]{0,60}\b(?:online|virtually|remotely)\b|\b(?:also|alternatively)\b[^.\n]{0,30}\b(?:join|attend|watch|take part|participate) (?:us |the meeting |the event )?(?:online|virtually|remotely|via (?:zoom|teams|ms teams|microsoft teams))\b/;

/** Seats as capacity or booking ("seating is limited", "seats remain available"): not about the room (guide). */
const CAPACITY = /\b(?:limited|available|remain\w*|reserve\w*|book\w*|capacity|sold out|allocated|first come|secure|free)\b/i;

/** "Committee chairs", "co-chairs": people who chair, not furniture. */
const CHAIR_PEOPLE_BEFORE = /\b(?:committee|board|group|panel|department|faculty|co-|vice|sub-committee|working group|network)\s*$/i;
/**
 * "Round table discussions", "'round table' topical discussion", "round table updates": the name of an
 * activity, which the guide does not count as the room. "Round the table" on its own is handled in
 * `ROOM_MORE`: going round the table for updates or introductions is a turn, not a way of sitting.
 */
const ROUND_TABLE_ACTIVITY = /^\s*['"’”]?\s*(?:[\w-]+\s+)?(?:discussions?|debates?|sessions?|events?|conversations?|updates?|meetings?|format|forums?|talks?|introductions?)\b/i;

/** Room cues, without seats counted as capacity, chairs who are people, or a round table that is an activity. */
function roomCues(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(ROOM_CUES, text)) {
    const at = m.index ?? 0;
    const around = text.slice(Math.max(0, at - 25), at + m[0].length + 25);
    if (/seat/i.test(m[0]) && CAPACITY.test(around)) continue;
    if (/^chairs$/i.test(m[0]) && CHAIR_PEOPLE_BEFORE.test(text.slice(Math.max(0, at - 30), at))) continue;
    if (/^round table$/i.test(m[0]) && ROUND_TABLE_ACTIVITY.test(text.slice(at + m[0].length, at + m[0].length + 40))) continue;
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length >= 4) break;
  }
  return out;
}

const THEATRE = /\b(?:theatre[- ]style|lecture (?:theatre|hall)|rows of (?:chairs|seats)|auditorium|tiered seating|podium|lectern|stage)\b/i;
/**
 * The word "hybrid" as evidence. One regex for every review: the word-led scan prepares each regex object
 * it meets once (its words, a compiled sticky copy), so a literal evaluated per call cost ~60 µs a review.
 */
const HYBRID_WORD = /\bhybrid\b/gi;

/** The setting fact: mode, whether the room is described, and whether it is set out for talks or for conversation. */
export function settingOf(plan: MeetingPlan): PlanFacts['setting'] {
  const remote = matchAll(REMOTE, plan.text, 2);
  const online = [...meetingOnline(plan.text), ...remote];
  const room = [...roomCues(plan.text), ...matchAll(ROOM_MORE, plan.text, 2)];
  const hybrid = plan.setting.hybrid || hasMatch(IN_PERSON_AND_ONLINE, plan.text);
  const mode = hybrid ? 'hybrid' : online.length > 0 ? 'online' : room.length > 0 ? 'in-person' : 'unknown';
  return {
    mode,
    roomDescribed: room.length > 0,
    roomForTalk: room.some((r) => THEATRE.test(r)) && !room.some((r) => CONVERSATION_ROOM.test(r)),
    roomForConversation: room.some((r) => CONVERSATION_ROOM.test(r)),
    arrangementsElsewhere: hasMatch(ARRANGEMENTS_ELSEWHERE, plan.text),
    evidence: [...room, ...online, ...(hybrid ? matchAll(HYBRID_WORD, plan.text, 1) : [])].slice(0, 6),
  };
}
