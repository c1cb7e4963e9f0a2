/**
 * The review rules. Each reads the parsed `MeetingPlan` and decides one flag from the dev-set
 * definitions (`shared/dev-set/README.md`); the wording lives in `nudges.ts`. Rules only flag what the
 * text supports: absence-based flags (one-off, room-setting) need enough of a plan to judge.
 */
import type { Level } from './cues.js';
import { nudgeFor, type NudgeContext } from './nudges.js';
import type { MeetingPlan } from './plan.js';

/** The flag ids, exactly as the JSON contract names them. */
export const FLAG_IDS = [
  'purpose-unclear', 'deficit-framing', 'affected-people-absent', 'narrow-mix', 'representatives', 'one-off',
  'large-group', 'presentation-led', 'converge-early', 'short-time', 'room-setting',
] as const;

/** One flag id. */
export type FlagId = (typeof FLAG_IDS)[number];

/** A reflective nudge: a question to act on, the principle behind it, and the words that raised it. */
export interface Flag {
  id: FlagId;
  nudge: string;
  why: string;
  evidence: string[];
}

/** Conversation in one room gets hard past about twelve people ("Where to Begin"). */
export const LARGE_GROUP_SIZE = 12;

/** Whether the plan expects more than about twelve people, and the words that say so. */
export function largeGroup(plan: MeetingPlan): string[] | undefined {
  if (plan.count) return plan.count.max > LARGE_GROUP_SIZE ? plan.count.evidence : undefined;
  return plan.largeEvent.length > 0 ? plan.largeEvent.slice(0, 2) : undefined;
}

function missingGroups(plan: MeetingPlan): NudgeContext['missing'] {
  const inv = plan.invitees;
  if (!inv.stated || inv.open.length > 0 || plan.concerns.length === 0) return undefined;
  const present = new Set(inv.groups.flatMap((g) => g.families));
  const covered = plan.concerns.some((c) => c.families.some((f) => present.has(f)));
  if (covered) return undefined;
  return plan.concerns.map((c) => ({ group: c.group, evidence: c.evidence }));
}

function narrowLevel(plan: MeetingPlan): Level | undefined {
  const inv = plan.invitees;
  if (!inv.stated || inv.roles.length === 0 || inv.groups.length > 0 || inv.open.length > 0 || inv.mixed.length > 0) return undefined;
  if (inv.levels.length !== 1) return undefined;
  const level = inv.levels[0];
  if (!level || plan.teamRoutine.length > 0) return undefined;
  // A front-line-only group is narrow when the issue reaches beyond the team (it concerns others).
  if (level === 'front-line' && plan.concerns.length === 0) return undefined;
  // Two or three people talking are not "drawn from" a level; the mix matters once there is a group.
  // A count that misses part of a list ("Head, 2 deputies, SBM") does not make the group small.
  if (plan.count && plan.count.max <= 3 && new Set(inv.roles.map((r) => r.phrase.toLowerCase())).size < 3) return undefined;
  return level;
}

function presentationLed(plan: MeetingPlan): boolean {
  const { presentationWeight: p, conversationWeight: c } = plan.format;
  return p >= 1 && p > 2 * c;
}

function convergesEarly(plan: MeetingPlan): boolean {
  if (plan.explore.length > 0) return false;
  // Approving is converging by its nature; voting or choosing is, when the choices came ready-made.
  const approve = plan.decide.some((d) => /sign|signoff|approv|aprove|ratif|endors|rubber|accept|whether|vote to/i.test(d));
  return approve || (plan.decide.length > 0 && plan.predetermined.length > 0);
}

/** Runs every rule and returns the flags in the contract's order. */
export function runRules(plan: MeetingPlan): Flag[] {
  const flags: Flag[] = [];
  const ctx: NudgeContext = { plan };
  const add = (id: FlagId, evidence: string[]): void => {
    const nudge = nudgeFor(id, ctx, evidence);
    const seen = new Set<string>();
    const unique = evidence.map((e) => e.trim()).filter((e) => e.length > 0 && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
    flags.push({ id, ...nudge, evidence: unique.slice(0, 6) });
  };

  const purposeUnclear = plan.purpose.length === 0;
  if (purposeUnclear) add('purpose-unclear', [plan.text.slice(0, 80)]);
  if (plan.deficit.length > 0) add('deficit-framing', plan.deficit);

  ctx.missing = missingGroups(plan);
  if (ctx.missing) add('affected-people-absent', [...ctx.missing.map((m) => m.evidence), ...plan.invitees.phrases.slice(0, 2)]);

  ctx.level = narrowLevel(plan);
  if (ctx.level) add('narrow-mix', [...new Map(plan.invitees.roles.map((r) => [r.phrase.toLowerCase(), r.phrase])).values()]);

  if (plan.representatives.length > 0) add('representatives', plan.representatives);

  // With no purpose and no detail there is nothing to say about what comes after or about the room.
  const substance = [plan.count, plan.durationMinutes, plan.invitees.stated || undefined, plan.largeEvent[0], plan.format.presentation[0]]
    .filter((x) => x !== undefined).length;
  const recurring = plan.after.length > 0 || plan.teamRoutine.length > 0;
  if (!purposeUnclear && !recurring && substance >= 1) {
    add('one-off', [plan.text.split(/[.\n]/)[0]?.slice(0, 60) ?? plan.text.slice(0, 60)]);
  }

  const large = largeGroup(plan);
  if (large) add('large-group', large);
  if (presentationLed(plan)) add('presentation-led', plan.format.presentation);
  if (convergesEarly(plan)) add('converge-early', [...plan.decide, ...plan.predetermined]);

  const minutes = plan.durationMinutes;
  if (minutes !== undefined && (minutes < 45 || (minutes < 90 && large))) {
    add('short-time', [...plan.durationEvidence, ...(minutes >= 45 && large ? large : [])]);
  }
  const online = plan.setting.online.length > 0 && !plan.setting.hybrid;
  if (large && !online && plan.setting.room.length === 0 && !purposeUnclear) {
    add('room-setting', [...large, ...(plan.setting.hybrid ? ['hybrid'] : [])]);
  }
  return flags;
}

/** What the plan already does well, in the seed's terms; empty when there is nothing to praise yet. */
export function findStrengths(plan: MeetingPlan, flags: Flag[]): string[] {
  const has = (id: FlagId): boolean => flags.some((f) => f.id === id);
  const out: string[] = [];
  const groups = plan.invitees.groups.map((g) => g.phrase);
  if (groups.length > 0 && !has('affected-people-absent')) {
    out.push(`The people this is about are in the room (${groups.slice(0, 3).join(', ')}), so you will hear how things really work, not how the system thinks they work.`);
  } else if (plan.invitees.open.length > 0) {
    out.push(`It is open to everyone (${plan.invitees.open[0]}), so the people affected can come.`);
  }
  const mixedLevels = plan.invitees.levels.length >= 2 || plan.invitees.mixed.length > 0 || (groups.length > 0 && plan.invitees.roles.length > 0);
  if (mixedLevels && !has('narrow-mix')) {
    const small = plan.count && plan.count.max <= LARGE_GROUP_SIZE;
    out.push(small ? 'A small, mixed group: different levels and perspectives, few enough for everyone to talk.' : 'The invitees mix levels and perspectives rather than one layer of the organisation.');
  }
  if (plan.notRepresentatives.length > 0) out.push('People come as themselves rather than as representatives.');
  if (plan.deficit.length === 0 && plan.question && /\b(?:what|how|where)\b/i.test(plan.question)) {
    out.push(`The question invites people in rather than naming a problem: "${plan.question.replace(/^[^:?]{0,60}:\s*/, '')}"`);
  }
  if (plan.explore.length > 0 && !has('converge-early')) out.push('It explores possibilities before settling on anything.');
  if (plan.stories.length > 0) out.push('People work from their own experience and stories.');
  if (plan.format.conversation.length > 0 && !has('presentation-led') && plan.format.conversationWeight >= plan.format.presentationWeight) {
    out.push('Most of the time goes to conversation among the people in the room.');
  }
  if (plan.after.length > 0 && !has('one-off')) out.push(`It carries on afterwards (${plan.after[0]}), so relationships can continue.`);
  const minutes = plan.durationMinutes;
  if (minutes !== undefined && !has('short-time') && (minutes >= 120 || (minutes >= 90 && !largeGroup(plan)))) {
    out.push('There is enough time for a real conversation.');
  }
  if (plan.setting.room.length > 0 && largeGroup(plan)) out.push(`The room has been thought about (${plan.setting.room.slice(0, 2).join(', ')}).`);
  else if (plan.setting.room.length > 0) out.push('The setting has been thought about.');
  return out;
}
