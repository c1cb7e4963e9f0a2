/**
 * The words of each nudge: a question a planner can act on, in a facilitator's voice, shaped by what the
 * plan actually says (the group that is missing, the number of people, the minutes), and the principle
 * behind it with a few words of "Where to Begin".
 */
import { reframe } from '../reframe/reframe.js';
import type { Level } from './cues.js';
import type { MeetingPlan } from './plan.js';
import type { FlagId } from './rules.js';

/** What the rules found that the wording can use. */
export interface NudgeContext {
  plan: MeetingPlan;
  missing?: Array<{ group: string; evidence: string }>;
  level?: Level;
}

const SEED = '"Where to Begin"';

function people(plan: MeetingPlan): string {
  const c = plan.count;
  if (!c) return 'a group this size';
  if (c.min !== c.max) return `${c.min}-${c.max} people`;
  return `${c.approx ? 'about ' : ''}${c.max} people`;
}

/** "Keynote" reads oddly mid-sentence; acronyms such as "Q&A" keep their capitals. */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

function list(items: string[]): string {
  const unique = [...new Set(items.map((i) => i.trim()))];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const WIDEN: Record<Level, string> = {
  senior: 'front-line staff who do the work day to day, and perhaps someone who uses the service',
  middle: 'front-line staff, and someone with the formal power to act on what you find',
  'front-line': 'a manager or leader who can act on what you find, and someone from a partner organisation',
};
const LEVEL_NAME: Record<Level, string> = {
  senior: 'a senior leader',
  middle: 'a manager',
  'front-line': 'on the front line',
};

/** The nudge and why for one flag. */
export function nudgeFor(id: FlagId, ctx: NudgeContext, evidence: string[]): { nudge: string; why: string } {
  const { plan } = ctx;
  switch (id) {
    case 'purpose-unclear':
      return {
        nudge: 'What is this meeting for? If you can put it as a question people would want to answer together, the right people will recognise it matters to them.',
        why: `The way an issue is described lets people see whether it matters to them and whether they could do something about it; ${SEED} says "Language is critical."`,
      };
    case 'deficit-framing': {
      const word = evidence[0] ?? 'a problem';
      // The sentence that carries the deficit is enough to rewrite; the whole framing may be long.
      const sentence = (plan.question ?? plan.framing.split(/(?<=[.!?])\s+/).find((s) => s.includes(word)) ?? '')
        .replace(/^[^:?]{0,40}:\s*/, '').trim();
      const better = reframe(sentence || plan.framing).suggestions[0];
      const quoted = sentence && sentence.length <= 110 ? `"${sentence}"` : `the words ${list(evidence.slice(0, 2).map((e) => `"${e}"`))}`;
      return {
        nudge: better
          ? `${quoted} frames the meeting around a problem. Could you turn it into something people would want to build? For example: "${better}"`
          : `${quoted} frames the meeting around a problem. What would it look like if this were going well, and could that be the question?`,
        why: `Questions formed around deficits can shut out the people whose involvement is critical to new solutions and keep the blame moving (${SEED}).`,
      };
    }
    case 'affected-people-absent': {
      const groups = list((ctx.missing ?? []).map((m) => m.group)) || 'people outside the organisation';
      const about = ctx.missing?.[0]?.evidence;
      return {
        nudge: `${about ? `"${about}" touches ${groups}` : `This touches ${groups}`}, but none of them are on the list. How could some be in the room, taking part as themselves rather than being talked about?`,
        why: `${SEED} calls customers, clients, service users and citizens essential: they help the system see "how it really works rather than how it thinks it works".`,
      };
    }
    case 'narrow-mix': {
      const level = ctx.level ?? 'senior';
      return {
        nudge: `Everyone on the list is ${LEVEL_NAME[level]} (${list(evidence.slice(0, 3).map((e) => e.toLowerCase()))}). Who could you add from another level or organisation, such as ${WIDEN[level]}?`,
        why: `${SEED} asks for people mixed across levels and organisations, "chief executives and front-line staff", planners and operators, clients and managers.`,
      };
    }
    case 'representatives':
      return {
        nudge: `People are asked to come as ${evidence[0]?.toLowerCase().includes('deleg') ? 'delegates' : 'representatives'} of their organisations. Could you invite them to take part as themselves, bringing their own experience rather than a position to defend?`,
        why: `Methods that work let "everyone participate as an individual, not a representative" (${SEED}).`,
      };
    case 'one-off':
      return {
        nudge: plan.count && plan.count.max > 12
          ? 'What happens after the day? Is there a way for the people in the room to keep working together, such as a next meeting, a small group that carries it on, or actions that named people own?'
          : 'What happens after this meeting? Could it be the first of a few, or end with actions that named people own, so the conversation has somewhere to go?',
        why: `Without a commitment to future action you have "a sample of each kind, an ark, not a system"; a shared future is what sustains change (${SEED}).`,
      };
    case 'large-group':
      return {
        nudge: plan.setting.room.length > 0 || plan.setting.online.length > 0
          ? `With ${people(plan)}, you have already thought about ${plan.setting.online.length > 0 && plan.setting.room.length === 0 ? 'the online space' : 'the tables'}. How will each small conversation be held, and how will what they find come back together?`
          : `With ${people(plan)}, how will everyone get to speak and be heard? Small mixed tables, a clear question for each round, and someone holding each conversation all help.`,
        why: `Past about 12 people, a conversational way of working "requires particular care and attention to the meeting design" (${SEED}).`,
      };
    case 'presentation-led':
      return {
        nudge: `Much of the time goes to ${list(evidence.slice(0, 3).map(lowerFirst))}. Could you shorten those and give the time to conversation at tables, with people starting from their own experience?`,
        why: `Methods that work make conversation "the unit of currency" and let everyone work from experience (${SEED}).`,
      };
    case 'converge-early':
      return {
        nudge: `It looks set up to ${evidence[0]?.toLowerCase() ?? 'decide'} something already shaped. Could you first explore a range of possibilities with the people in the room, and agree what to focus on after that?`,
        why: `${SEED} describes a way of spending time together that lets you "explore a range of possibilities before focusing on a particular course of action", with trust that local solutions will emerge.`,
      };
    case 'short-time': {
      const minutes = plan.durationMinutes ?? 0;
      const span = minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;
      return {
        nudge: plan.count && plan.count.max > 12
          ? `${span} is short for ${people(plan)} to really talk. Could you give it longer, or narrow it to one question that fits the time?`
          : `${span} leaves little room for a real conversation. Could you give it longer, or narrow it to the one question that matters most?`,
        why: `"Enough time" is one of the conditions ${SEED} names for meetings that work.`,
      };
    }
    case 'room-setting':
      return {
        nudge: plan.setting.hybrid
          ? 'What will the room be like for the people there in person? Tables for small groups, and sound good enough for everyone, including those joining online, to hear each other?'
          : 'With a group this size, the room shapes the conversation. What will the tables, seating and acoustics be like, and can people sit in small groups and hear each other?',
        why: `Conversation is "the unit of currency", so ${SEED} asks for attention to "the detail of acoustics, tables and so on".`,
      };
  }
}
