import { describe, expect, it } from 'vitest';
import { decide } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';
import { COME_TO_HEAR, FEATURES_PERSON, programmeSpeakers, SPEAKER_LIST } from '../../src/review/programme.js';

const flags = (text: string) => decide(extract(text)).map((d) => d.id);

const PROGRAMME = [
  'Regional housing forum, 12 March',
  '09.30 - 09.45',
  'Welcome',
  'Cllr Jo Baker, Leader of the Council',
  '09.45 - 10.30',
  'What the new standards mean for landlords',
  'Dr Sam Okoro, Head of Policy, Housing Institute',
  '10.30 - 11.15',
  'Lessons from the pilot areas',
  'Priya Shah, Programme Manager, Northfield Homes',
].join('\n');

describe('a programme of timed slots given to named people is a run of talks', () => {
  it('reads the named speakers of a timed programme', () => {
    expect(programmeSpeakers(PROGRAMME)).toEqual([
      'Cllr Jo Baker, Leader of the Council',
      'Dr Sam Okoro, Head of Policy, Housing Institute',
      'Priya Shah, Programme Manager, Northfield Homes',
    ]);
    expect(flags(PROGRAMME)).toContain('presentation-led');
  });

  it('does not read a list of who was present as speakers', () => {
    const minutes = ['Present:', 'Jo Baker, Chair', 'Sam Okoro, Treasurer', '10.00 Apologies', '10.05 Minutes of the last meeting'].join('\n');
    expect(programmeSpeakers(minutes)).toEqual([]);
  });

  it('needs clock times: names with roles alone are not a programme', () => {
    const contacts = ['For more information contact:', 'Jo Baker, Events Officer', 'Sam Okoro, Communications Lead'].join('\n');
    expect(programmeSpeakers(contacts)).toEqual([]);
  });

  it('leaves the balance to the conversation cues: slots of table discussion are not a run of talks', () => {
    const mixed = `${PROGRAMME}\n11.15 - 12.30\nRound tables: residents and landlords discuss the standards in small groups, sharing their own experience, then workshops on the next steps.`;
    expect(flags(mixed)).not.toContain('presentation-led');
  });
});

describe('talk told by what the audience comes for, or by the person a session features', () => {
  it('reads "come and hear" and "attend to hear" as talk, with another talk cue making a run of talks', () => {
    expect('Please attend to hear more about the plans.'.match(COME_TO_HEAR)).toEqual(['attend to hear']);
    expect('Come along and hear what the new rules mean.'.match(COME_TO_HEAR)).toEqual(['Come along and hear']);
    expect(flags('Parents evening, 6pm on 4 May. Come and hear our head explain the new timetable, with a presentation from the governors.')).toContain('presentation-led');
  });

  it('reads a session that features a named person as talk, not a session that features a game', () => {
    expect('This session will feature Dr Ann Lee, author of Slow Growth.'.match(FEATURES_PERSON)).toEqual(['feature Dr Ann Lee']);
    expect('The evening features a quiz and games.'.match(FEATURES_PERSON)).toBeNull();
  });

  it('does not read hearing each other as talk', () => {
    expect('We want to hear from each other about what works.'.match(COME_TO_HEAR)).toBeNull();
  });
});

describe('a list of named speakers', () => {
  it('reads three or more named speakers as one more talk cue', () => {
    expect('Speakers at the launch included Ann Lee, Bo Chan of the trust and Cy Park.'.match(SPEAKER_LIST)).toHaveLength(1);
    expect(flags('The launch of the plan on 3 May. Speakers included Ann Lee, Bo Chan of the trust and Cy Park, with a presentation of the findings.')).toContain('presentation-led');
  });

  it('does not read one or two speakers, or speakers named in lower case, as a list', () => {
    expect('Speakers include Ann Lee and Bo Chan.'.match(SPEAKER_LIST)).toBeNull();
    expect('Speakers were short, clear and to the point.'.match(SPEAKER_LIST)).toBeNull();
  });
});
