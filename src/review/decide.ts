/**
 * `decide(facts)`: the guide (`dev-set/README.md`) and its conventions applied to `PlanFacts`. Pure: no
 * text is read here, only facts, and a fact that is `unknown` never raises a flag. Strengths come from
 * the same facts, so a strength can never contradict a flag or the plan.
 */
import type { Participant, PlanFacts } from './facts.js';
import { CONVERSATION_ROOM, GROUPS, OPEN_INVITATION } from './cues.js';
import { askedQuestion, putToPeople, withoutHeadingNumber } from './put-question.js';
import type { FlagId } from './rules.js';

/** Conversation in one room gets hard past about twelve people ("Where to Begin"). */
export const LARGE_GROUP_SIZE = 12;

/** One flag the facts raise, with the quotes that show it and what the wording needs. */
export interface Decision {
  id: FlagId;
  evidence: string[];
  /** Affected groups not among the participants. */
  missing?: Array<{ group: string; evidence: string }>;
  /** The single level every participant is drawn from. */
  level?: 'senior' | 'middle' | 'front-line';
  /** The fact behind the flag was inferred (a crowd from the kind of event), not stated in the plan. */
  inferred?: boolean;
  /** The flag rests on one sign alone (a single problem word in the framing), a weaker ground than several. */
  oneSign?: boolean;
}

/** A strength: what the plan already does well, keyed so the wording can be chosen. */
export interface Strength {
  id: 'affected-present' | 'open' | 'mixed' | 'as-themselves' | 'question' | 'explores' | 'stories' | 'conversation' | 'carries-on' | 'time' | 'room' | 'small-mixed';
  evidence: string[];
}

/** The group families (who counts as "them") for a group name. */
export function familiesOf(group: string): string[] {
  return GROUPS.find((g) => g.name === group)?.families ?? [];
}

const participants = (f: PlanFacts): Participant[] => f.participants.filter((p) => p.role === 'participant');

/** Whether more than about twelve people are expected, and the words that say so. */
export function isLarge(f: PlanFacts): boolean {
  const a = f.attendance;
  if (a.kind === 'stated') return (a.max ?? 0) > LARGE_GROUP_SIZE;
  return a.kind === 'inferred';
}

function missingGroups(f: PlanFacts): Decision['missing'] {
  if (!f.invitees.stated || f.invitees.open || f.concerns.length === 0) return undefined;
  const present = new Set(participants(f).flatMap((p) => (p.group ? familiesOf(p.group) : [])));
  if (f.concerns.some((c) => familiesOf(c.group).some((fam) => present.has(fam)))) return undefined;
  return f.concerns.map((c) => ({ group: c.group, evidence: c.evidence }));
}

function narrowLevel(f: PlanFacts): Decision['level'] {
  const people = participants(f);
  const roles = people.filter((p) => p.level !== 'unknown');
  if (!f.invitees.stated || roles.length === 0 || f.invitees.open || f.invitees.mixedLevels || f.teamRoutine) return undefined;
  if (people.some((p) => p.group)) return undefined;
  const levels = new Set(roles.map((p) => p.level));
  if (levels.size !== 1) return undefined;
  const level = roles[0]?.level;
  if (!level || level === 'unknown') return undefined;
  if (level === 'front-line' && f.concerns.length === 0) return undefined;
  const distinct = new Set(roles.map((r) => r.phrase.toLowerCase())).size;
  if (f.attendance.kind === 'stated' && (f.attendance.max ?? 0) <= 3 && distinct < 3) return undefined;
  return level;
}

/**
 * Whether the central framing is framed around a problem, per the guide ("framed around a problem or
 * deficit ..., not an aspiration"): it names a problem, and not one problem word alone beside an
 * aspiration ("to shape our future strategy and tackle problems", "a better future after the floods").
 * A framing that names two or more problems, or one with no aspiration beside it, is framed around them.
 */
export function framedAroundDeficit(f: PlanFacts): boolean {
  if (!f.framing.deficit || f.framing.evidence.length === 0) return false;
  return f.framing.evidence.length > 1 || f.framing.aspiration.length === 0;
}

/** Applies the guide to the facts; flags in the contract's order. */
export function decide(f: PlanFacts): Decision[] {
  const out: Decision[] = [];
  const large = isLarge(f);
  if (f.purpose.stated === 'no') out.push({ id: 'purpose-unclear', evidence: [] });
  if (framedAroundDeficit(f)) out.push({ id: 'deficit-framing', evidence: f.framing.evidence, ...(f.framing.evidence.length === 1 ? { oneSign: true } : {}) });
  const missing = f.genre.value === 'agenda' || f.genre.value === 'template' ? undefined : missingGroups(f);
  if (missing) out.push({ id: 'affected-people-absent', evidence: [...missing.map((m) => m.evidence), ...f.invitees.evidence.slice(0, 2)], missing });
  const level = narrowLevel(f);
  if (level) out.push({ id: 'narrow-mix', evidence: [...new Map(participants(f).filter((p) => p.level === level).map((p) => [p.phrase.toLowerCase(), p.phrase])).values()], level });
  if (f.representatives.value === 'yes') out.push({ id: 'representatives', evidence: f.representatives.evidence });
  if (f.followUp.kind === 'none' && f.purpose.stated === 'yes') out.push({ id: 'one-off', evidence: f.purpose.evidence.slice(0, 1) });
  if (large) out.push({ id: 'large-group', evidence: f.attendance.evidence, ...(f.attendance.kind === 'inferred' ? { inferred: true } : {}) });
  if (f.format.talk >= 2 && f.format.talk > 2 * f.format.conversation) out.push({ id: 'presentation-led', evidence: f.format.talkEvidence });
  if (f.outcome.fixed === 'yes' && !f.outcome.explores) out.push({ id: 'converge-early', evidence: f.outcome.evidence });
  const minutes = f.session.minutes;
  if (minutes !== null && (minutes < 45 || (minutes < 90 && large))) {
    out.push({ id: 'short-time', evidence: [...f.session.evidence, ...(minutes >= 45 ? f.attendance.evidence : [])] });
  }
  // The guide judges the room only in a text that announces a meeting (or how and where to attend one that
  // recurs). Such a text says when: a day or a clock time. One that says neither describes a kind of meeting
  // (a guide, a template, a page on how a forum works) or is an excerpt, and its silence about the room says
  // nothing; a whole body ("all staff", "open to all") counts as a crowd here as any other sign does.
  // A text that sends the reader elsewhere for the arrangements ("for dates and locations, see our calendar")
  // is not the whole plan either.
  if (large && f.genre.occasion && f.setting.mode !== 'online' && !f.setting.roomDescribed && f.genre.forwardLooking && !f.setting.arrangementsElsewhere) {
    out.push({ id: 'room-setting', evidence: f.attendance.evidence });
  }
  return out;
}

/** An open-invitation cue on its own ("open to all", "everyone welcome", "drop-in"), as `OPEN_INVITATION` found it. */
const OPEN_CUE = new RegExp(`^(?:${OPEN_INVITATION.source})$`, 'i');
/** "Anyone who" names a condition ("anyone who manages three or more employees", "anyone who might be interested in a position"), not an open door. */
const CONDITION = /^anyone who$/i;

/**
 * The words that open the meeting to everyone, quoted in the praise: the cue itself, never the invitee
 * phrase listed before it ("Cleveland Chief Constable and the", "The Executive Committee may also").
 */
function openDoor(evidence: readonly string[]): string | undefined {
  return evidence.find((e) => OPEN_CUE.test(e) && !CONDITION.test(e));
}

/** A cue phrase as one word whatever its case or number: "Discussions" and "discussion" are one cue. */
export function cueWord(cue: string): string {
  return cue.toLowerCase().replace(/s$/, '');
}

/** How many different cue words a plan shows ("workshop" twice is one; "discussion" and "discussions" are one). */
function distinctCues(evidence: readonly string[]): number {
  return new Set(evidence.map(cueWord)).size;
}

/** What the plan already does well, from the same facts; never praises what a flag questions. */
export function strengths(f: PlanFacts, flags: readonly FlagId[]): Strength[] {
  const has = (id: FlagId): boolean => flags.includes(id);
  const out: Strength[] = [];
  const people = participants(f);
  const groups = people.filter((p) => p.group);
  if (groups.length > 0 && !has('affected-people-absent')) out.push({ id: 'affected-present', evidence: groups.map((g) => g.phrase) });
  else if (f.invitees.open) {
    const door = openDoor(f.invitees.evidence);
    if (door) out.push({ id: 'open', evidence: [door] });
  }
  const levels = new Set(people.map((p) => p.level).filter((l) => l !== 'unknown'));
  // Praise needs two named levels (or the affected people beside one): "all staff" only stops narrow-mix.
  const mixed = levels.size >= 2 || (groups.length > 0 && levels.size > 0);
  if (mixed && !has('narrow-mix')) {
    const small = f.attendance.kind === 'stated' && (f.attendance.max ?? 99) <= LARGE_GROUP_SIZE;
    out.push({ id: small ? 'small-mixed' : 'mixed', evidence: [] });
  }
  if (f.representatives.value === 'no') out.push({ id: 'as-themselves', evidence: f.representatives.evidence });
  // A heading that defines a term ("What is a kick-off meeting?") or a request for help is not a question put to the people in the room.
  const asked = f.framing.question ? askedQuestion(f.framing.question) : null;
  if (!f.framing.deficit && asked && putToPeople(asked)) out.push({ id: 'question', evidence: [withoutHeadingNumber(asked)] });
  if (f.outcome.explores && !has('converge-early') && !has('presentation-led')) out.push({ id: 'explores', evidence: f.outcome.evidence });
  if (f.format.stories) out.push({ id: 'stories', evidence: [] });
  // "Built around conversation" needs two different cues of it and no talk to speak of: beside a talk or a
  // panel the share of time is unknown (on the dev split the praise was contradicted, labelled
  // presentation-led, 31 times in 148 plans with a talk cue, 10 in 275 with none), and one word said twice
  // ("Workshops", a "Discussion" agenda item, "discuss" on a police leaflet) shows a name, not a format.
  if (f.format.conversation >= 2 && distinctCues(f.format.conversationEvidence) >= 2 && !has('presentation-led') && f.format.talk < 1) {
    out.push({ id: 'conversation', evidence: f.format.conversationEvidence });
  }
  if (['series', 'recurring', 'standing-group', 'actions'].includes(f.followUp.kind) && !has('one-off')) out.push({ id: 'carries-on', evidence: f.followUp.evidence });
  const minutes = f.session.minutes;
  // Time is only worth praising as time for conversation, not for a day of talks.
  const talking = f.format.conversation > 0 && f.format.conversation >= f.format.talk && !has('presentation-led');
  if (minutes !== null && talking && !has('short-time') && (minutes >= 120 || (minutes >= 90 && !isLarge(f)))) out.push({ id: 'time', evidence: f.session.evidence });
  // Microphones or "seated" describe a room, but only tables, circles or break-out space are worth praising.
  // The praise quotes what sets people out to talk ("small mixed tables"), never the rows a plan also has.
  if (f.setting.roomForConversation && !f.setting.roomForTalk && f.setting.mode !== 'online') out.push({ id: 'room', evidence: f.setting.evidence.filter((e) => CONVERSATION_ROOM.test(e)) });
  return out;
}
