/**
 * Room-setting is asked only for a clear crowd in a plan still to come with nothing said about the room:
 * tables described in other words are the room, and a write-up in the present perfect or a headline's
 * participle is not a plan still to come. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { candidateFlags } from '../../src/review/review.js';

describe('room-setting: tables described in other words are the room', () => {
  it('tables that are set, and what is on each table', () => {
    const text = 'Harvest supper for 60 neighbours on Saturday 4 October at 6pm. Tables are set for eight, with a jug of water on each table.';
    expect(extract(text).setting.roomDescribed).toBe(true);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('"a seat at the table" is a figure of speech, not the room', () => {
    const text = 'Public meeting for 200 residents on Thursday 5 March at 7pm so that every street has a seat at the table in planning the new park.';
    expect(extract(text).setting.roomDescribed).toBe(false);
    expect(candidateFlags(text)).toContain('room-setting');
  });
});

describe('room-setting: a write-up is not a plan still to come', () => {
  it('people who have attended', () => {
    const text = 'Around 90 people have attended a public meeting about the closure of the swimming pool. Council officers took questions on Monday.';
    expect(extract(text).genre.forwardLooking).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('a headline saying what was discussed at a meeting', () => {
    expect(extract('Bus cuts discussed at packed meeting\nAbout 150 residents came to the town hall to question the operator.').genre.forwardLooking).toBe(false);
  });
});

describe('room-setting: an open invitation to one occasion, and seating told as where people sit (rtune)', () => {
  it('an open invitation with a named day brings in the room, as the guide says', () => {
    const text = 'All parents are invited to a meeting on Tuesday 4 March at 6pm about the new homework policy.';
    expect(extract(text).genre.occasion).toBe(true);
    expect(candidateFlags(text)).toEqual(expect.arrayContaining(['large-group', 'room-setting']));
  });
  it('a page on how a standing forum works, naming no day, is not asked about the room', () => {
    const text = 'The parents forum gives families a voice in the life of the school. The forum is open to all parents and talks about the issues parents raise with the school.';
    expect(extract(text).genre.occasion).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('people who will sit in groups around a table: the room is described', () => {
    const text = 'Open evening for 80 residents on Thursday 5 June at 7pm. Guests will sit in groups around a table with a council officer.';
    expect(extract(text).setting.roomDescribed).toBe(true);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
});
