import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';

const reps = (text: string) => extract(text).representatives.value;

describe('representatives: people who come for a body', () => {
  it.each([
    'Panel members, who represent local traders and tenants, set the priorities.',
    'Invitations go to the lead contact in each member organisation.',
    'Twelve districts were invited to send their planning officers.',
    'I went as a deputy for the cabinet member, who was away.',
    'The board is constituted of a range of health, council and charity organisations.',
    'The multi-agency panel decides the level of risk for each referral.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'A multi-agency meeting on discharge with ward managers and community nurses.',
    'Residents who came were not representative of the whole estate.',
    'Questions to a representative of the developer will be taken at the end.',
    'Presenters will include representatives from the county council and the chamber of commerce.',
    'Each bidder sends a representative of the proposal, who then has the chance to present it to the board.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
});
