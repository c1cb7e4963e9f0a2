/**
 * The rule extractor: reads a plan into `PlanFacts`. It builds on the parsed `MeetingPlan` (cues,
 * quantities, durations, invitees) and adds what decides whether an absence means anything: the genre,
 * and follow-up read only from words about this meeting. Every evidence span is checked against the
 * plan before it leaves here.
 */
import { detectGenre } from './genre.js';
import { convergingEvidence } from './converge.js';
import { detectFollowUp } from './followup.js';
import { phraseHere } from './followup-context.js';
import { settingOf } from './setting.js';
import { purposeOf } from './purpose.js';
import { keepEvidence } from './evidence.js';
import type { Participant, PlanFacts } from './facts.js';
import { ROLE_LEVELS } from './cues.js';
import { primeNative } from './native-regex.js';
import { parsePlan, planFromForm, type Count, type MeetingPlan, type PlanForm } from './plan.js';
import { fromEachCount } from './from-each.js';
import { parseRoster } from './roster.js';
import { allMatches } from './text.js';

/** Old follow-up cues that speak of something else going on, not of this meeting's follow-up. */
const NOT_FOLLOW_UP = /^(?:owners$|(?:action|working|steering|task(?: and finish)?|implementation|reference|advisory|project) groups?$|continu|ongoing|programme of|work programme|regular|newsletter|kick-?off|feeds? into|fed into|\d+ x|(?:two|three|four|five|\d) (?:sessions|days|meetings)|series|first of|annual|monthly|weekly|fortnightly|quarterly|termly|yearly|every|each)/i;
const SPEAKER_LINE = /(?:^|\n)\s*(?:speakers?|presenters?|panellists?|keynote(?: speakers?)?|guest speakers?)\s*[:-]\s*([^\n]{2,160})/gi;
const SPEAKER_PHRASE = /\b(?:keynote (?:from|by)|(?:talk|presentation|address|speech|welcome|briefing|update)s? (?:from|by)|(?:chaired|presented) by|(?:with|featuring) (?:guest |keynote )?speakers?)\s+([^,.;\n]{2,80})/gi;
const HOST_PHRASE = /\b(?:hosted|organised|organized|facilitated|run|convened|led) by\s+([^,.;\n]{2,80})/gi;
const GENERIC_STAFF = /\b(?:staff|colleagues|team members|employees|workers|practitioners|professionals|partners)\b/i;

const levelOf = (phrase: string): Participant['level'] => {
  for (const [level, re] of ROLE_LEVELS) {
    re.lastIndex = 0;
    const hit = primeNative(re).test(phrase);
    re.lastIndex = 0;
    if (hit) return level;
  }
  return 'unknown';
};

function participantsOf(plan: MeetingPlan): Participant[] {
  const out: Participant[] = [];
  const seen = new Set<string>();
  const push = (p: Participant): void => {
    const key = `${p.role}:${p.phrase.toLowerCase()}`;
    if (!seen.has(key) && p.phrase.trim()) { seen.add(key); out.push(p); }
  };
  for (const r of plan.invitees.roles) push({ phrase: r.phrase, role: 'participant', level: r.level, organisation: null, group: null });
  for (const g of plan.invitees.groups) push({ phrase: g.phrase, role: 'participant', level: 'unknown', organisation: null, group: g.name });
  for (const o of plan.invitees.organisations) push({ phrase: o, role: 'participant', level: 'unknown', organisation: o, group: null });
  for (const [re, role] of [[SPEAKER_LINE, 'speaker'], [SPEAKER_PHRASE, 'speaker'], [HOST_PHRASE, 'host']] as const) {
    for (const m of allMatches(re, plan.text)) {
      const phrase = (m[1] ?? '').trim();
      if (phrase) push({ phrase, role, level: levelOf(phrase), organisation: null, group: null });
    }
  }
  return out.slice(0, 40);
}

function attendanceOf(plan: MeetingPlan, genre: PlanFacts['genre']): PlanFacts['attendance'] {
  const stated = (c: Count): PlanFacts['attendance'] => ({ kind: 'stated', min: c.min, max: c.max, evidence: c.evidence.slice(0, 6) });
  const each = fromEachCount(plan.text);
  // Terms of reference describe a body (the conference it reports to, how many make a quorum), not one
  // meeting's size; only a roster of who was present or a membership formula counts its people.
  if (genre.value === 'terms-of-reference') {
    const roster = parseRoster(plan.text);
    const best = roster && (!each || roster.max >= each.max) ? roster : each;
    return best ? stated(best) : { kind: 'unknown', min: null, max: null, evidence: [] };
  }
  if (plan.count && (!each || plan.count.max >= each.max)) return stated(plan.count);
  if (each) return stated(each);
  if (plan.largeEvent.length > 0) return { kind: 'inferred', min: 13, max: null, evidence: plan.largeEvent.slice(0, 2) };
  return { kind: 'unknown', min: null, max: null, evidence: [] };
}

function followUpOf(plan: MeetingPlan, forwardLooking: boolean): PlanFacts['followUp'] {
  const found = detectFollowUp(plan.text, forwardLooking, plan.teamRoutine);
  if (found.kind !== 'none' && found.kind !== 'unknown') return found;
  // The older cues still catch stated next steps ("ideas go to the clinic improvement group").
  const after = plan.after.filter((a) => !NOT_FOLLOW_UP.test(a) && phraseHere(plan.text, a));
  return after.length > 0 ? { kind: 'actions', evidence: after.slice(0, 3) } : found;
}

/** Maps a parsed plan to facts, with the genre deciding which absences are known. */
export function factsFromPlan(plan: MeetingPlan, onDrop?: (quote: string) => void): PlanFacts {
  const genre = detectGenre(plan.text);
  // Reports, templates and terms of reference are judged by what they state; an agenda still shows its
  // business, so only it (besides forward-looking texts) can lack a purpose.
  const canLackPurpose = genre.forwardLooking || genre.value === 'agenda' || genre.value === 'unknown';
  const substance = Boolean(plan.count || plan.durationMinutes !== undefined || plan.invitees.stated || plan.largeEvent[0] || plan.format.presentation[0]);
  const purpose = purposeOf(plan, canLackPurpose);
  const participants = participantsOf(plan);
  // Exploring first means the outcome is still open, whatever is decided at the end.
  const converging = plan.explore.length > 0 ? [] : convergingEvidence(plan.text);
  const rolesMixed = plan.invitees.phrases.some((p) => GENERIC_STAFF.test(p.replace(/\b(?:senior |front[- ]?line |support |care |teaching )?staff\b(?= (?:nurses?|officers?))/gi, '')));
  const facts: PlanFacts = {
    genre,
    purpose,
    framing: {
      text: plan.framing || null,
      question: plan.question ?? null,
      deficit: plan.deficit.length > 0,
      evidence: plan.deficit.slice(0, 6),
      aspiration: plan.aspiration.slice(0, 6),
    },
    participants,
    invitees: {
      stated: plan.invitees.stated,
      open: plan.invitees.open.length > 0,
      mixedLevels: plan.invitees.mixed.length > 0 || rolesMixed,
      evidence: [...plan.invitees.phrases, ...plan.invitees.open, ...plan.invitees.mixed].slice(0, 8),
    },
    concerns: plan.concerns.slice(0, 12).map((c) => ({ group: c.group, evidence: c.evidence })),
    attendance: attendanceOf(plan, genre),
    session: { minutes: plan.durationMinutes ?? null, evidence: plan.durationEvidence.slice(0, 6) },
    format: {
      talk: plan.format.presentationWeight,
      conversation: plan.format.conversationWeight,
      talkEvidence: plan.format.presentation.slice(0, 6),
      conversationEvidence: plan.format.conversation.slice(0, 6),
      stories: plan.stories.length > 0,
    },
    outcome: {
      fixed: converging.length > 0 ? 'yes' : plan.explore.length > 0 ? 'no' : 'unknown',
      explores: plan.explore.length > 0,
      evidence: converging.length > 0 ? converging : plan.explore.slice(0, 3),
    },
    followUp: substance || genre.forwardLooking ? followUpOf(plan, genre.forwardLooking && substance) : { kind: 'unknown', evidence: [] },
    setting: settingOf(plan),
    representatives: {
      value: plan.representatives.length > 0 ? 'yes' : plan.notRepresentatives.length > 0 ? 'no' : 'unknown',
      evidence: (plan.representatives.length > 0 ? plan.representatives : plan.notRepresentatives).slice(0, 6),
    },
    teamRoutine: plan.teamRoutine.length > 0,
    words: plan.wordCount,
  };
  // Built to the type, so the zod schema (for the model's answers) has nothing to add: see the review tests.
  return keepEvidence(facts, plan.text, onDrop).facts;
}


/** Reads a free-text plan (already cleaned) into facts. */
export function extract(text: string): PlanFacts {
  return factsFromPlan(parsePlan(text));
}

/** Reads a filled-in review form into facts, through the same parsers. */
export function extractForm(form: PlanForm): { facts: PlanFacts; text: string } {
  const plan = planFromForm(form);
  return { facts: factsFromPlan(plan), text: plan.text };
}
