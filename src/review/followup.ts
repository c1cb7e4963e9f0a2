/**
 * What happens after this meeting: a series, a recurring meeting, a standing group, actions with owners,
 * or nothing said. Only words about this meeting count: a programme that "continues" or a trend that
 * goes on is not its follow-up. Recurrence is also read from structure: several dates, an edition
 * number, a standing body, a cycle longer than a month.
 */
import type { PlanFacts } from './facts.js';
import { matchAll } from './text.js';

const RECURRING =
  /\b(?:(?:bi-?)?(?:weekly|monthly|fortnightly|quarterly|termly|annual(?:ly)?|yearly|biannual(?:ly)?|bi-?annual(?:ly)?)|twice (?:a|per|each) (?:year|term|month)|(?:once|three times|four times) (?:a|per|each) (?:year|term|month|quarter)|every (?:\w+ )?(?:weeks?|months?|years?|terms?|half[- ]term|quarter|fortnight|sprint)|each (?:week|month|term|half[- ]term|quarter|year|fortnight)|recurring|meets? (?:regularly|every|each|monthly|weekly|quarterly|four|three|six|twice|once)|(?:meet|meets|meeting|get together|come back together) (?:up )?again|(?:next|following) (?:meeting|session|forum|gathering|event)|(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) annual|(?:our|the|this year's) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)) (?:annual )?(?:conference|summit|event|forum|festival|gathering|meeting|assembly)|returns? for (?:a|its) (?:second|third|\w+) year|date of (?:the )?next meeting|future (?:meetings|sessions|dates))\b/gi;
const SERIES =
  /\b(?:series of|(?:a|this|the|our) (?:\w+ )?series\b|first of (?:two|three|four|five|six|several|a series)|(?:part|session|week|day|module) (?:one|two|1|2) of|(?:two|three|four|five|six|eight|ten|\d) (?:sessions|workshops|meetings|events|gatherings|weeks|modules|conversations)(?! (?:running|in parallel|at once|at the same time))|programme of (?:sessions|workshops|events|meetings)|cohort|rolling programme|dates?: [^.\n]{0,60}\d(?:[^.\n]{0,40}\d){2,})\b/gi;
const STANDING =
  /\b(?:(?:working|steering|task(?: and finish)?|reference|advisory|implementation|action|project|oversight) groups? (?:will|to|meets?|has been|is being|are being)|(?:set up|establish|form|create) (?:a|an) (?:\w+ )?(?:group|forum|network|panel|community of practice)|standing (?:group|committee|forum|panel)|community of practice|(?:the|our) (?:board|committee|forum|network|panel|council|partnership|group) (?:meets|usually meets|will meet again)|members of the (?:forum|network|panel|group|board|committee))\b/gi;
const ACTIONS =
  /\b(?:actions? (?:will be|with|tracked|agreed|owned|assigned|logged)|action (?:plan|log|points) (?:will|to be|with)|(?:named|agreed) (?:owners?|leads?)|who (?:will do|does|fixes|owns|takes) what|(?:report|reporting|feed|feeding) back to (?:everyone|all|participants|attendees|those who|you|the group)|(?:we|they) will (?:follow up|write up|share (?:the )?(?:notes|outputs|findings|actions|report))|follow[- ]up (?:session|meeting|event|workshop|call|survey|report|email)s?|next steps (?:will|are|agreed)|(?:outputs?|findings|ideas|actions|recommendations) (?:will )?(?:go|be taken|feed|be fed|be reported|be shared) (?:to|into|back|forward|with)|taken forward by|take (?:them|it|this|these) forward)\b/gi;

/** Classifies this meeting's follow-up; `none` only when the text describes a whole meeting still to come. */
export function detectFollowUp(text: string, forwardLooking: boolean, teamRoutine: string[]): PlanFacts['followUp'] {
  const recurring = matchAll(RECURRING, text, 3);
  if (recurring.length > 0 || teamRoutine.length > 0) return { kind: 'recurring', evidence: [...recurring, ...teamRoutine].slice(0, 3) };
  const series = matchAll(SERIES, text, 3);
  if (series.length > 0) return { kind: 'series', evidence: series };
  const standing = matchAll(STANDING, text, 3);
  if (standing.length > 0) return { kind: 'standing-group', evidence: standing };
  const actions = matchAll(ACTIONS, text, 3);
  if (actions.length > 0) return { kind: 'actions', evidence: actions };
  return { kind: forwardLooking ? 'none' : 'unknown', evidence: [] };
}
