import { describe, expect, it } from 'vitest';
import { keepEvidence } from '../../src/review/evidence.js';
import { extract } from '../../src/review/extract.js';
import type { PlanFacts } from '../../src/review/facts.js';

/** Facts whose session length is shown by `quotes`. */
function facts(quotes: string[]): PlanFacts {
  const f = extract('Workshop for parents and teachers, two hours.');
  return { ...f, session: { minutes: 120, evidence: quotes } };
}

describe('evidence is kept only where the plan says it', () => {
  it('keeps a quote whatever its spacing and case, drops one the plan does not contain', () => {
    const dropped: string[] = [];
    const out = keepEvidence(facts(['parents and teachers', 'TWO  HOURS', 'two hours', 'three hours']), 'Workshop for parents\n and   teachers, two hours.', (q) => dropped.push(q));
    expect(out.facts.session.evidence).toEqual(['parents and teachers', 'TWO  HOURS', 'two hours']);
    expect(dropped).toContain('three hours');
    expect(dropped).not.toContain('two hours');
  });

  it('reads a capital sigma the way the whole plan reads it', () => {
    // Lower-cased alone, "ΑΣ" ends in a final sigma (ς); inside "ΑΣΑ" the sigma is medial (σ), so the
    // quote is not what the plan says, although its letters are a piece of the plan.
    const dropped: string[] = [];
    const out = keepEvidence(facts(['ΑΣ', 'ΣΑ']), 'ΑΣΑ', (q) => dropped.push(q));
    expect(out.facts.session.evidence).toEqual(['ΣΑ']);
    expect(dropped).toContain('ΑΣ');
  });

  it('a fact left with no quote becomes unknown', () => {
    const out = keepEvidence(facts(['three hours']), 'Workshop for parents and teachers.');
    expect(out.facts.session).toEqual({ minutes: null, evidence: [] });
  });

  it('returns a copy: the facts it was given are left as they were, and share nothing with the answer', () => {
    const given = facts(['two hours', 'three hours']);
    const before = JSON.stringify(given);
    const out = keepEvidence(given, 'Workshop for parents and teachers, two hours.').facts;
    expect(JSON.stringify(given)).toBe(before);
    expect(out).toEqual({ ...given, session: { minutes: 120, evidence: ['two hours'] } });
    out.participants.push({ phrase: 'x', role: 'participant', level: 'unknown', organisation: null, group: null });
    out.genre.evidence.push('x');
    out.concerns.push({ group: 'x', evidence: 'x' });
    expect(JSON.stringify(given)).toBe(before);
  });
});
