import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

describe('deficit framing: decline in plain words', () => {
  it.each([
    'Is local journalism going to the dogs?',
    'Why our bus network is falling apart',
    'Children’s services at breaking point',
    'The realities of recruiting social workers in rural areas',
    'The hard reality of funding youth clubs',
    'The truth about waiting lists',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it('does not read "the practical realities of" inside a sentence as a deficit', () => {
    expect(reframe('A workshop on the practical realities of running a community garden together').deficit).toBe(false);
  });
});

describe('deficit framing: people as experts and procedure about a body', () => {
  it('reads people named as experts by experience as an aspiration', () => {
    expect(reframe('Experts by Experience: empowering tenants to lead the work on damp').deficit).toBe(false);
  });
  it('reads an item about a body named for a problem as procedure', () => {
    expect(reframe('Update - membership of the Town Partnership Against Knife Crime').deficit).toBe(false);
    expect(reframe('Tackling knife crime in the town centre').deficit).toBe(true);
  });
});

describe('deficit framing: how something got so bad, and people worn out', () => {
  it.each([
    'How did rents in the town centre get so high?',
    'How did a season ticket get so expensive?',
    'Is it too late to keep the lido open?',
    'Social workers are burned out: can we still keep them?',
    'Night staff feel overwhelmed and the ward is understaffed',
    'Youth clubs are underfunded',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it('"how did it get so good" is not', () => {
    expect(reframe('How did the library garden get so lovely?').deficit).toBe(false);
  });
});

describe('deficit framing: a body named for a problem is a name, not the framing', () => {
  it.each([
    'Joining the Police and Crime Panel as a community member',
    'The Violence Reduction Unit\'s summer art programme for young people',
    'Welcome to new members of the Homelessness Partnership Board',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('the problem named outside the body\'s name still is', () => {
    expect(reframe('Tackling violence in the night-time economy with the Violence Reduction Unit').deficit).toBe(true);
  });
});
