/**
 * The groups an issue concerns, read from its framing: groups named outright, and groups a topic touches
 * (read from the cue tables), unless the meeting is a team's own routine.
 */
import { GROUPS, TOPIC_GROUPS } from './cues.js';
import { union, unionMatches } from './text.js';

/** A group the issue concerns, with the words that showed it. */
export interface Concern {
  group: string;
  families: string[];
  evidence: string;
}

const GROUP_UNION = union(GROUPS.map((g) => g.re));
const TOPIC_UNION = union(TOPIC_GROUPS.map((t) => t.re));

/** The groups an issue concerns; a team routine is read only for groups it names. */
export function findConcerns(framing: string, routine: boolean): Concern[] {
  const out: Concern[] = [];
  for (const [i, phrase] of unionMatches(GROUP_UNION, framing)) {
    const g = GROUPS[i];
    if (g && !out.some((c) => c.group === g.name)) out.push({ group: g.name, families: g.families, evidence: phrase });
  }
  // A team's own routine (a huddle, a retro) is not read as being about the people its topic touches.
  if (routine) return out;
  for (const [i, phrase] of unionMatches(TOPIC_UNION, framing)) {
    for (const name of TOPIC_GROUPS[i]?.groups ?? []) {
      const g = GROUPS.find((x) => x.name === name);
      if (g && !out.some((c) => c.group === name)) out.push({ group: name, families: g.families, evidence: phrase });
    }
  }
  return out;
}
