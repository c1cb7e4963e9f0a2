/**
 * What happens after this meeting: a series, a recurring meeting, a standing group, actions with owners,
 * or nothing said. Only words about this meeting count: a programme that "continues" or a trend that
 * goes on is not its follow-up. Recurrence is also read from structure: several dates, an edition
 * number, a standing body, a cycle longer than a month.
 */
import type { PlanFacts } from './facts.js';
import { followUpsHere } from './followup-context.js';
import { allMatches, matchAll, sentences } from './text.js';

// A yearly document or sum ("the annual report and accounts", "annual leave") recurs, not the meeting.
const RECURRING =
  /\b(?:(?:bi-?)?(?:weekly|monthly|fortnightly|quarterly|termly|annual(?:ly)?|yearly|biannual(?:ly)?|bi-?annual(?:ly)?)(?! (?:report|accounts|budget|leave|return|statement|subscription|fee|salary|survey|figures|income|audit|plan)s?\b)|twice (?:a|per|each) (?:year|term|month|half[- ]term)|(?:once|one time|two times|three times|four times|six times) (?:a|per|each|every) (?:year|term|month|quarter|half[- ]term|week|fortnight)|(?:on an? )?(?:as[- ]needs?|as[- ]needed|as[- ]and[- ]when[- ](?:needed|required)|ad[- ]hoc) basis|(?:is|are) held (?:as|when) (?:needed|required)|(?:in )?(?:its|their|our|the event's) (?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth) year|(?:my|our|their) (?:second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th)) (?:year|time) (?:at|attending)|(?:summit|conference|forum|festival|event|fair|expo|congress|convention|series|gathering|assembly) (?:returns|is back|will return)|returns (?:this|next) (?:year|spring|summer|autumn|fall|winter)|(?:conference|summit|forum|festival|congress|convention|symposium|expo|fair|assembly|agm) (?:20[0-4]\d)(?![\d/-])|(?<![\d/-])20[0-4]\d (?:annual )?(?:conference|summit|forum|festival|congress|convention|symposium|expo|fair|assembly|agm)|every (?:\w+ )?(?:weeks?|months?|years?|terms?|half[- ]term|quarter|fortnight|sprint)|every (?:other )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|each (?:week|month|term|half[- ]term|quarter|year|fortnight)|recurring|meets? (?:regularly|every|each(?! other\b)|monthly|weekly|quarterly|four|three|six|twice|once)|(?:meet|meets|meeting|get together|come back together) (?:up )?again|(?:next|following) (?:meeting|session|forum|gathering|event)|next (?!(?:week|month|year|term|day|weekend|morning|evening|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?:[\w'’&-]+ ){0,3}(?:meeting|session|forum|gathering|event|town hall|assembly|conference|briefing|lunch|seminar|workshop|talk|evening|morning|get-together|catch-up)s?|as (?:always|usual|ever|in previous years|with previous)|(?:from|than|unlike|as in|as with) (?:other|previous|past|prior|earlier) years|(?:are|is) back (?:to|in|for|at|from|on|this|next)|as has been the case with previous|(?:previous|past|earlier|last year's) (?:\w+ ){0,2}(?:meetings|sessions|forums|fora|town halls|events|gatherings|conferences|assemblies|workshops)|throughout the (?:year|term)|(?:this|last|next) year's (?:[\w'’-]+ ){0,2}(?:conference|summit|meeting|event|festival|gathering|forum|assembly|agm|away day|open day|fair|dinner|lecture)|every (?:morning|evening|weekday|night|lunchtime)|daily (?:meeting|huddle|stand-?up|briefing|session|check-in)s?|(?:final|last|first|second|third|fourth) (?:[\w'’-]+ ){0,2}(?:meeting|session|assembly|forum|town hall|gathering|event|conference|workshop|briefing) of (?:the |this )?(?:[\w'’-]+ ){0,2}(?:year|term|season|series|semester|\d{4})|(?:these|such|regular) (?:\w+ ){0,2}(?:meetings|forums|fora|town halls|gatherings|assemblies|get-togethers)|(?:meetings|forums|fora|town halls|gatherings|assemblies) (?:are|will be) (?:usually |normally |generally |also )?(?:held|open|a chance|an opportunity|designed|conducted|public)|(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) annual|(?:our|the|its|their|this year's) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)) (?:[\w'’-]+ ){0,2}(?:conference|summit|event|forum|festival|gathering|meeting|assembly)|returns? for (?:a|its) (?:second|third|\w+) year|date of (?:the )?next meeting|future (?:meetings|sessions|dates)|agms?|annual general meetings?|(?:spring|summer|autumn|fall|winter)(?: term)? (?:meeting|forum|conference|gathering|assembly|session|briefing|network meeting)s?)\b/gi;
const SERIES =
  /\b(?:(?:separate|several|multiple|a number of|a few|two|three|four|five|six) (?:[\w'’-]+ ){0,2}(?:meetings|sessions|events|workshops|town halls|forums|fora|roadshows|consultation events)|series of|(?:a|this|the|our) (?:\w+ )?series\b|first of (?:two|three|four|five|six|several|a series)|(?:second|third|fourth|fifth|sixth|\d{1,2}(?:st|nd|rd|th)|latest|final|last) of (?:our|the|these|this|a|its) (?:[\w'’-]+ ){0,3}(?:events|sessions|meetings|workshops|forums|fora|series|conversations|talks|evenings|briefings|seminars)|first (?:step|stage|phase) (?:in|of) (?:a|the|our|this)\b|(?:part|session|week|day|module) (?:one|two|1|2) of|(?:two|three|four|five|six|eight|ten|\d) (?:sessions|workshops|meetings|events|gatherings|modules|conversations)(?! (?:running|in parallel|at once|at the same time))|programme of (?:sessions|workshops|events|meetings)|cohort|rolling programme|our (?:[\w'’-]+ ){0,2}(?:town halls|forums|fora|roadshows|listening sessions|drop-in sessions|drop-ins|community meetings|public meetings)|dates?: [^.\n]{0,60}\d(?:[^.\n]{0,40}\d){2,})\b/gi;
const STANDING =
  /\b(?:(?:approv\w*|adopt\w*|confirm\w*|accept\w*|sign\w*) (?:of )?(?:the )?minutes|minutes of (?:the )?(?:last|previous|prior|\w+ regular) (?:\w+ )?meeting|matters arising|(?:previous|last|prior) meeting|regular meeting|unfinished business|old business|(?:a |the |our )?(?:special |extraordinary |regular |ordinary )?meeting of (?:the |our )?(?:\w+ ){0,3}(?:board|committee|council|trustees|governors|governing body|association|society|club|union|forum|network|panel|partnership|assembly)|(?:our|your|the|this (?:month|term|year)'s|(?:a|the) (?:special|regular|extraordinary)) (?:\w+ )?(?:board|committee|council|trustees'?|governors'?|governing body|association|society|club|union|pta|ptc|pto|residents'?|members'?|general|parish council|school council|team) meetings?\b|(?:working|steering|task(?: and finish)?|reference|advisory|implementation|action|project|oversight) groups? (?:will|to|meets?|has been|is being|are being)|(?:set(?:ting)? up|establish(?:ing)?|form(?:ing)?|creat(?:e|ing)|launch(?:ing)?) (?:a|an) (?:new )?(?:[\w'’-]+ ){0,2}(?:group|forum|network|panel|committee|board|council|taskforce|task force|community of practice)|(?:the|our|its|their) first (?:[\w'’-]+ ){0,2}(?:meeting|session)(?:'s)?\b(?! ever)|(?:a|the) new (?:\w+ )?(?:committee|board|council|taskforce|task force|network|forum)|standing (?:group|committee|forum|panel)|community of practice|(?:the|our) (?:board|committee|forum|network|panel|council|partnership|group) (?:meets|usually meets|will meet again)|members of the (?:forum|network|panel|group|board|committee))\b/gi;
const ACTIONS =
  /\b(?:more (?:opportunities|chances|sessions|events|meetings) (?:to|for|will)|further (?:[\w'’-]+ ){0,2}?(?:sessions|events|meetings|consultation|engagement|opportunities|evenings|mornings|workshops|forums|dates|drop-ins|open days)|(?:comments|views|feedback|responses|ideas|suggestions)(?: (?:received|gathered|collected|given|raised))? will (?:be )?(?:considered|used|fed|taken|inform|shape|reported|passed)|leave with (?:[\w'’-]+ ){0,2}actions|actions to take (?:back|away|forward)|(?:will be )?followed by (?:an? )?(?:online |public |wider )?(?:consultation|survey|report|decision|vote)|(?:council|board|committee|cabinet) (?:will|is to|is due to) (?:\w+ ){0,2}(?:decide|decision|consider|vote|revisit|review)|put (?:their|your) names? forward|actions? (?:will be|with|tracked|agreed|owned|assigned|logged)|action (?:plan|log|points) (?:will|to be|with)|(?:named|agreed) (?:owners?|leads?)|who (?:will do|does|fixes|owns|takes) what|(?:report|reporting|feed|feeding) back to (?:everyone|all|participants|attendees|those who|you|the group)|(?:we|they) will (?:follow up|write up|share (?:the )?(?:notes|outputs|findings|actions|report))|follow[- ]up (?:session|meeting|event|workshop|call|survey|report|email|interview|conversation|visit)s?|(?:consultation|survey|engagement) (?:will )?follows?|next steps (?:will|are|agreed)|(?:outputs?|findings|ideas|actions|recommendations) (?:will )?(?:go|be taken|feed|be fed|be reported|be shared) (?:to|into|back|forward|with)|taken forward by|take (?:them|it|this|these) forward|(?:provide|give|send|publish) (?:a |our )?(?:responses?|feedback|answers?|an? update) back|(?:publish\w*|track\w*) (?:and (?:track\w*|publish\w*) )?(?:the |all )?(?:questions|actions|responses|answers|commitments)|(?:commit|committed) to (?:publishing|tracking|responding|reporting back))\b/gi;

/**
 * A stated use of what the meeting produces (labelling guide: "recommendations fed into a strategy ... is
 * something said about what happens after"): it is used to finalise or inform a plan, the people's views help shape one, or
 * its findings, notes or a summary will be published or shared. Without these the review asked "Will anything
 * happen after this meeting?" of plans that said (s29 audit).
 */
const OUTPUTS_USED =
  /\b(?:(?:will|would|to) be used to (?:finalise|finalize|inform|shape|develop|update|improve|create|write|draft|design|decide|plan|prioriti[sz]e|agree|produce)(?: (?:the|our|a|an|this|these|its|their|future|new)(?: [\w'’-]+){1,2})?|(?<=\b(?:you|your (?:views|ideas|input|feedback|comments|voice))\b[^.;\n]{0,25})\bhelp(?:s|ing)? (?:to )?(?:shape|inform|develop|design) (?:it|them|(?:the|our|a|this|these|future|how|what)(?: [\w'’-]+){1,3})|(?:findings|results|notes|minutes|outputs?|outcomes?|summary|summaries|report|write-?up|feedback|responses|ideas|comments|recommendations)(?: of [^.;\n]{1,40}?)? (?:will|would) (?:then )?be (?:published|posted|shared|circulated|sent|summari[sz]ed|written up|made available|reported|presented|fed back|put on))\b/gi;

/**
 * Recurrence said by the event's place in a run: "her latest public Q&A session", "this month's network
 * event", "our November topical meeting", a lecture or seminar series, an event that "is usually" held or
 * "has become a popular" one, "a similar conference two years ago", an inaugural meeting of a new group,
 * "a further" session, sessions "offered on" topics, a weekday in the plural ("on Fridays").
 */
const RUN =
  /\b(?:(?:her|his|their|our|the|its) latest (?:[\w'’&-]+ ){0,3}?(?:session|meeting|forum|town hall|q&a|q ?and ?a|event|gathering|briefing)|this (?:month|week|term|year|quarter)['’]s (?:[\w'’&()-]+ ){0,4}?(?:meeting|session|event|forum|gathering|evening|briefing)|our (?:january|february|march|april|may|june|july|august|september|october|november|december) (?:[\w'’&-]+ ){0,3}?(?:meeting|session|forum|gathering|evening)|(?:lecture|seminar|talk|webinar|speaker|discussion|lunchtime) series|(?:is|are) usually (?:held|run|attended|hosted)|(?:have|has) become (?:a |an )?(?:popular|regular|annual|established|firm)|a similar (?:[\w'’-]+ ){0,2}(?:conference|meeting|event|forum|session|workshop) (?:\w+ ){0,3}ago|inaugural (?:[\w'’-]+ ){0,3}meeting of|a further (?:[\w'’"“”-]+ ){0,5}?(?:session|event|meeting|forum|evening|briefing)|(?:sessions|events|meetings|workshops|talks|briefings) (?:are|will be) (?:offered|held|run) (?:on|every|each|regularly|monthly|weekly|throughout|across)|on (?:mon|tues|wednes|thurs|fri|satur|sun)days)\b/gi;

/** A day and month ("15th September", "Sept 15", "15/09"): several of them are a programme of dates. */
const DATE = /\b(?:\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/gi;

/** Four or more different dates: the text lists a programme of meetings (a calendar, a termly cycle). */
function datesListed(text: string): string[] {
  const dates = matchAll(DATE, text, 6);
  const days = new Set(dates.map((d) => d.toLowerCase().replace(/(?:st|nd|rd|th)\b|\bof\b|\./g, '').replace(/\s+/g, ' ').trim()));
  return days.size >= 4 ? dates.slice(0, 3) : [];
}

/** A named day for the meeting: a weekday, a day and month, "tomorrow" or "tonight". */
const DAY = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b)/i;
/** A planner's own notes are short; a longer text that names no day may describe a kind of meeting. */
const NOTES_WORDS = 80;

/**
 * Whether the text is about one occasion: it names the day, or it is a planner's short notes. A longer
 * text that names no day (a guide for speakers, a programme's description, a page about a kind of
 * meeting) may be about something that happens again, so nothing said about after is not an absence.
 */
export function namesOneOccasion(text: string): boolean {
  return DAY.test(text) || text.split(/\s+/).filter(Boolean).length <= NOTES_WORDS;
}

/**
 * Whether the text says when a meeting is: one occasion as above, or a clock time. A text that announces a
 * meeting, or tells people how and where to attend one that recurs, says when; a guide, a template or a
 * page about a kind of meeting often does not.
 */
export function saysWhen(text: string): boolean {
  if (DAY.test(text) || CLOCK_TIME.test(text) || NEAR_TIME.test(text)) return true;
  // Short notes plan one meeting, unless they describe how sessions of a kind go ("these sessions typically...").
  return text.split(/\s+/).filter(Boolean).length <= NOTES_WORDS && !HABITUAL.test(text);
}

/** Sessions of a kind described as they usually are ("Labs are small-group programmes", "talks are short"). */
const HABITUAL = /\b(?:sessions|talks|labs|workshops|meetings|seminars|forums|events|programmes|programs|lunch (?:and|&) learns?)\s+(?:are|will typically|typically|usually|generally|normally|tend to|can be|may be)\b|\btypically\b/i;

/** A time named without a day: "today", "this evening", "next week", "late September", "July 2024". */
const NEAR_TIME =
  /\b(?:today|this (?:evening|afternoon|morning|week|weekend|month)|next (?:week|month)|(?:early|mid|late)[- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:january|february|march|april|june|july|august|september|october|november|december)(?: 20\d\d)?)\b/i;

/** A clock time ("7pm", "8:45 AM", "18.30"): an announcement says when. */
const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:[01]?\d|2[0-3])[:]\d{2}\b/i;

const EVERY_DAY = /\bevery ?day\b/i;
const DAILY_MEETING = /\b(?:meetings?|huddles?|stand-?ups?|briefings?|sessions?|rituals?|check-?ins?|meet|meets|held|happens?|takes? place)\b/i;

/**
 * "Every day" recurs only in a sentence about a meeting ("the huddles happen at the same time every day",
 * "an all-school meeting at 7:55 everyday"); elsewhere it is a habit or a fact ("bring these to work every
 * day", "Every day, 800 women die", "those who live in council homes every day").
 */
function dailyMeeting(text: string): string[] {
  if (!EVERY_DAY.test(text)) return [];
  const out: string[] = [];
  for (const s of sentences(text)) {
    const m = EVERY_DAY.exec(s);
    if (m && DAILY_MEETING.test(s)) out.push(m[0]);
  }
  return out;
}

/**
 * The first three cues the `sources` give, read in turn: `[...a(), ...b()].slice(0, 3)` without reading a
 * source once three are found (each reads the whole plan; on a long plan the first usually finds three).
 */
function firstThree(...sources: Array<() => string[]>): string[] {
  const out: string[] = [];
  for (const source of sources) {
    if (out.length >= 3) break;
    out.push(...source());
  }
  return out.slice(0, 3);
}

/** Classifies this meeting's follow-up; `none` only when the text describes one whole meeting still to come. */
export function detectFollowUp(text: string, forwardLooking: boolean, teamRoutine: string[]): PlanFacts['followUp'] {
  // Each cue must speak of this meeting's future, not another body's, a later part of the day, or a hope.
  const here = (re: RegExp, limit: number): string[] => followUpsHere(text, allMatches(re, text), limit);
  const recurring = firstThree(() => here(RECURRING, 3), () => dailyMeeting(text), () => here(RUN, 2));
  if (recurring.length > 0 || teamRoutine.length > 0) return { kind: 'recurring', evidence: [...recurring, ...teamRoutine].slice(0, 3) };
  const series = firstThree(() => here(SERIES, 3), () => datesListed(text));
  if (series.length > 0) return { kind: 'series', evidence: series };
  // The verb that told a group from a one-off ("advisory group has been") is not quoted: the group is the evidence.
  const standing = here(STANDING, 3).map((e) => e.replace(/\s+(?:will|to|meets?|has been|is being|are being)$/i, ''));
  if (standing.length > 0) return { kind: 'standing-group', evidence: standing };
  const actions = firstThree(() => here(ACTIONS, 3), () => here(OUTPUTS_USED, 3));
  if (actions.length > 0) return { kind: 'actions', evidence: actions };
  return { kind: forwardLooking && namesOneOccasion(text) ? 'none' : 'unknown', evidence: [] };
}
