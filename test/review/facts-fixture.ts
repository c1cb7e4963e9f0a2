import { planFactsSchema, type PlanFacts } from '../../src/review/facts.js';

/** Facts for a forward-looking invitation that states a purpose and nothing else; override what a case needs. */
export function invitationFacts(over: Partial<PlanFacts> = {}): PlanFacts {
  return planFactsSchema.parse({
    genre: { value: 'invitation', forwardLooking: true, occasion: true, evidence: [] },
    purpose: { stated: 'yes', evidence: ['to explore what a good first year looks like'] },
    framing: { text: null, deficit: false, evidence: [] },
    invitees: { stated: false, evidence: [] },
    attendance: { kind: 'unknown', evidence: [] },
    session: { minutes: null, evidence: [] },
    format: {},
    outcome: { fixed: 'unknown', evidence: [] },
    followUp: { kind: 'unknown', evidence: [] },
    setting: { mode: 'unknown', roomDescribed: false, evidence: [] },
    representatives: { value: 'unknown', evidence: [] },
    words: 100,
    ...over,
  });
}
