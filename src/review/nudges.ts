/**
 * The words of each nudge: a question a planner can act on, in a facilitator's voice, shaped by the facts
 * (the group that is missing, the number of people, the minutes, the room), and the principle behind it
 * with a few words of "Where to Begin". Flags the review is less sure of are asked as open questions.
 */
import { reframe } from '../reframe/reframe.js';
import { cueWord, isLarge, LARGE_GROUP_SIZE, type Decision, type Strength } from './decide.js';
import type { PlanFacts } from './facts.js';
import { cleanQuote, quoted, standalone } from './quote.js';
import type { FlagId } from './rules.js';

const SEED = '"Where to Begin"';

/** A count the plan gives loosely ("over 300", "about 40"), in its own words. */
const APPROXIMATE = /^(over|more than|at least|about|around|approximately|roughly|nearly|almost|up to|some)\s+(\d[\d,]*)(?![\d,.-])/i;

function people(f: PlanFacts): string {
  const { kind, min, max, evidence } = f.attendance;
  if (kind !== 'stated' || max === null) return 'a group this size';
  // "Over 300" is read as at least 301 for deciding, but the answer repeats the plan's own words, not 301.
  const approx = evidence.length === 1 ? APPROXIMATE.exec(evidence[0]?.trim() ?? '') : null;
  if (approx) return `${approx[1]?.toLowerCase()} ${approx[2]} people`;
  if (min !== null && min !== max) return `${min}-${max} people`;
  return `${max} people`;
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

/** Up to three cue phrases, each standing alone and quoted: `"speakers", "lecture" and "present"`. */
function saidOf(evidence: string[]): string {
  // One word in the singular and the plural ("conversation", "conversations") is said once.
  const byWord = new Map<string, string>();
  for (const e of evidence.map((x) => lowerFirst(standalone(x))).filter((x) => x !== '')) {
    const key = cueWord(e);
    if (!byWord.has(key)) byWord.set(key, e);
  }
  const said = [...byWord.values()].slice(0, 3);
  return said.length > 0 ? list(said.map((e) => `"${e}"`)) : '"presentations"';
}

const WIDEN = {
  senior: 'front-line staff who do the work day to day, and perhaps someone who uses the service',
  middle: 'front-line staff, and someone with the formal power to act on what you find',
  'front-line': 'a manager or leader who can act on what you find, and someone from a partner organisation',
} as const;
const LEVEL_NAME = { senior: 'senior leaders', middle: 'managers', 'front-line': 'front-line staff' } as const;

/** The verb for what a converging plan does with its proposal, from the words that showed it ("ratification" -> "ratify"). */
function convergeVerb(evidence: string): string {
  const e = evidence.toLowerCase();
  if (/ratif/.test(e)) return 'ratify';
  if (/sign/.test(e)) return 'sign off';
  if (/vote/.test(e)) return 'vote on';
  if (/endors/.test(e)) return 'endorse';
  if (/approv|aprov/.test(e)) return 'approve';
  if (/accept/.test(e)) return 'accept';
  if (/choose|pick|which|whether/.test(e)) return 'choose between';
  if (/consult/.test(e)) return 'consult on';
  return 'agree';
}

/** The nudge and why for one flag stated as a finding. */
export function nudgeFor(d: Decision, f: PlanFacts): { nudge: string; why: string } {
  const evidence = d.evidence;
  switch (d.id) {
    case 'purpose-unclear':
      return {
        nudge: 'What is this meeting for? If you can put it as a question people would want to answer together, the right people will recognise it matters to them.',
        why: `The way an issue is described lets people see whether it matters to them and whether they could do something about it; ${SEED} says "Language is critical."`,
      };
    case 'deficit-framing': {
      const word = (evidence[0] ?? '').toLowerCase();
      const sentences = (f.framing.text ?? '').split(/(?<=[.!?])\s+/);
      const sentence = cleanQuote((f.framing.question ?? sentences.find((s) => s.toLowerCase().includes(word)) ?? '').replace(/^[^:?]{0,40}:\s*/, ''), 400);
      const better = reframe(sentence || f.framing.text || '').suggestions[0];
      const words = [...new Set(evidence.slice(0, 2).map((e) => quoted(e, 40)))];
      // One quoted sentence or word "frames"; two words "frame".
      const [q, verb] = sentence && sentence.length <= 110 ? [quoted(sentence), 'frames'] : words.length > 1 ? [`The words ${list(words)}`, 'frame'] : [`The word ${words[0] ?? '"problem"'}`, 'frames'];
      return {
        nudge: better
          ? `${q} ${verb} the meeting around a problem. Could you turn it into something people would want to build? For example: "${better}"`
          : `${q} ${verb} the meeting around a problem. What would it look like if this were going well, and could that be the question?`,
        why: `Questions formed around deficits can shut out the people whose involvement is critical to new solutions and keep the blame moving (${SEED}).`,
      };
    }
    case 'affected-people-absent': {
      const groups = list((d.missing ?? []).map((m) => m.group)) || 'people outside the organisation';
      const about = d.missing?.[0]?.evidence;
      return {
        nudge: `${about ? `${quoted(about, 60)} touches ${groups}` : `This touches ${groups}`}, but none of them are on the list. How could some be in the room, taking part as themselves rather than being talked about?`,
        why: `${SEED} calls customers, clients, service users and citizens essential: they help the system see "how it really works rather than how it thinks it works".`,
      };
    }
    case 'narrow-mix': {
      const level = d.level ?? 'senior';
      return {
        nudge: `The list is drawn from one level: ${LEVEL_NAME[level]} (${list(evidence.slice(0, 3).map((e) => cleanQuote(e, 40).toLowerCase()))}). Who could you add from another level or organisation, such as ${WIDEN[level]}?`,
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
        nudge: isLarge(f)
          ? 'What happens after the day? Is there a way for the people in the room to keep working together, such as a next meeting, a small group that carries it on, or actions that named people own?'
          : 'What happens after this meeting? Could it be the first of a few, or end with actions that named people own, so the conversation has somewhere to go?',
        why: `Without a commitment to future action you have "a sample of each kind, an ark, not a system"; a shared future is what sustains change (${SEED}).`,
      };
    case 'large-group': {
      const online = f.setting.mode === 'online';
      const tables = f.setting.roomForConversation && !f.setting.roomForTalk;
      return {
        // Only a plan that describes small groups (tables, breakout rooms) is told it has thought about them: a call
        // "held on Zoom" says where, not how people will talk.
        nudge: tables
          ? `With ${people(f)}, you have already thought about ${online ? 'the online space' : 'the tables'}. How will each small conversation be held, and how will what they find come back together?`
          : online
            ? `With ${people(f)} online, how will everyone get to speak and be heard? Breakout rooms with a clear question for each, and someone holding each conversation, all help.`
            : f.setting.roomForTalk
            ? `With ${people(f)} in rows, people will mostly listen. Could some of the time be at tables, so everyone gets to speak and be heard?`
            : `With ${people(f)}, how will everyone get to speak and be heard? Small mixed tables, a clear question for each round, and someone holding each conversation all help.`,
        why: `Past about ${LARGE_GROUP_SIZE} people, a conversational way of working "requires particular care and attention to the meeting design" (${SEED}).`,
      };
    }
    case 'presentation-led':
      return {
        // Cues are fragments ("present their", "will present"): quoted as what the plan says, never made the object of a sentence.
        nudge: `Much of the time looks like listening to talks (the plan says ${saidOf(evidence)}). Could you shorten those and give the time to conversation at tables, with people starting from their own experience?`,
        why: `Methods that work make conversation "the unit of currency" and let everyone work from experience (${SEED}).`,
      };
    case 'converge-early':
      return {
        nudge: `It looks set up to ${convergeVerb(evidence[0] ?? '')} something already shaped (the plan says ${saidOf(evidence.slice(0, 2))}). Could you first explore a range of possibilities with the people in the room, and agree what to focus on after that?`,
        why: `${SEED} describes a way of spending time together that lets you "explore a range of possibilities before focusing on a particular course of action", with trust that local solutions will emerge.`,
      };
    case 'short-time': {
      const minutes = f.session.minutes ?? 0;
      const span = minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;
      return {
        nudge: isLarge(f)
          ? `${span} is short for ${people(f)} to really talk. Could you give it longer, or narrow it to one question that fits the time?`
          : `${span} leaves little room for a real conversation. Could you give it longer, or narrow it to the one question that matters most?`,
        why: `"Enough time" is one of the conditions ${SEED} names for meetings that work.`,
      };
    }
    case 'room-setting':
      return {
        nudge: f.setting.mode === 'hybrid'
          ? 'What will the room be like for the people there in person? Tables for small groups, and sound good enough for everyone, including those joining online, to hear each other?'
          : 'With a group this size, the room shapes the conversation. What will the tables, seating and acoustics be like, and can people sit in small groups and hear each other?',
        why: `Conversation is "the unit of currency", so ${SEED} asks for attention to "the detail of acoustics, tables and so on".`,
      };
  }
}

/** The open question asked instead of a finding the review is less sure of. */
export const OPEN_QUESTIONS: Record<FlagId, string> = {
  'purpose-unclear': 'What is the one question this meeting is for?',
  'deficit-framing': 'Is the question framed around a problem, or around something people would want to build?',
  'affected-people-absent': 'Will the people this is about be in the room, taking part as themselves?',
  'narrow-mix': 'Does the list mix levels and organisations, or is it drawn from one layer?',
  representatives: 'Will people come as themselves, or as representatives with a position to defend?',
  'one-off': 'Will anything happen after this meeting?',
  'large-group': 'How many people will there be, and how will everyone get to speak?',
  'presentation-led': 'How much of the time goes to talks, and how much to conversation among the people there?',
  'converge-early': 'Is the outcome open, or is the meeting there to agree something already shaped?',
  'short-time': 'Is there enough time for a real conversation?',
  'room-setting': 'What will the room be like: tables, seating, and can people hear each other?',
};

/** The readable sentence for a strength. */
export function strengthText(s: Strength, f: PlanFacts): string {
  const ev = s.evidence.map((e) => cleanQuote(e, 60));
  switch (s.id) {
    case 'affected-present':
      return `The people this is about are in the room (${list(ev.slice(0, 3))}), so you will hear how things really work, not how the system thinks they work.`;
    case 'open':
      return `It is open to everyone${ev[0] ? ` (${ev[0]})` : ''}, so the people affected can come.`;
    case 'small-mixed':
      return 'A small, mixed group: different levels and perspectives, few enough for everyone to talk.';
    case 'mixed':
      return 'The invitees mix levels and perspectives rather than one layer of the organisation.';
    case 'as-themselves':
      return 'People come as themselves rather than as representatives.';
    case 'question':
      // From the whole question, not the 60-character evidence above: a question cut short reads as a different one.
      return `The question invites people in rather than naming a problem: ${quoted((s.evidence[0] ?? '').replace(/^[^:?]{0,60}:\s*/, ''), 140)}`;
    case 'explores':
      return 'It explores possibilities before settling on anything.';
    case 'stories':
      return 'People work from their own experience and stories.';
    case 'conversation': {
      // The plan names conversation and no talk; how the time is shared is not known, so no share is claimed.
      const who = f.setting.mode === 'online' ? 'the people taking part' : 'the people in the room';
      return `It is built around conversation among ${who}${s.evidence.length > 0 ? ` (the plan says ${saidOf(s.evidence)})` : ''}, with no talk or presentation named.`;
    }
    case 'carries-on':
      return carriesOnText(f.followUp.kind, ev[0]);
    case 'time':
      return 'There is enough time for a real conversation.';
    case 'room':
    {
      // "sit round the table" and the "round the table" inside it are one cue, said once.
      const said = ev.filter((e, i) => !ev.some((o, j) => j !== i && o.length > e.length && o.toLowerCase().includes(e.toLowerCase())));
      return isLarge(f) && said.length > 0 ? `The room has been thought about (${list(said.slice(0, 2))}).` : 'The setting has been thought about.';
    }
  }
}

/**
 * The "carries on" strength in words true to the kind of follow-up read: a plan's "previous workshops" or "as usual"
 * shows a run of meetings, not that this one carries on afterwards, so only planned actions are called that.
 */
function carriesOnText(kind: PlanFacts['followUp']['kind'], evidence: string | undefined): string {
  const ev = evidence ? ` (${evidence})` : '';
  switch (kind) {
    case 'series':
      return `It is one of a series${ev}, so relationships can continue.`;
    case 'standing-group':
      return `It is a standing group${ev}, so relationships can continue.`;
    case 'actions':
      return `Next steps are planned${ev}, so the conversation leads somewhere.`;
    default:
      return `It is not a one-off${ev}, so relationships can continue.`;
  }
}
