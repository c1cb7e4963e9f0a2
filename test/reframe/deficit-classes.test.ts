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
