/**
 * One-off: "a single event with nothing said about what happens after". The classes of text that were read
 * as one-off wrongly, each in sentences written for these tests: a cycle said in other words, an edition of
 * a recurring event, a promise to report back, and a longer text that names no day for one meeting.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { namesOneOccasion } from '../../src/review/followup.js';
import { candidateFlags } from '../../src/review/review.js';

const follow = (text: string): string => extract(text).followUp.kind;

describe('one-off: a cycle said in other words is recurrence', () => {
  it('once per half term', () => {
    expect(follow('The carers\' forum will meet once per half term in the library to talk about respite. All carers are welcome.')).toBe('recurring');
  });
  it('one time per month', () => {
    expect(follow('Book club for staff: it takes place one time per month on a Wednesday at noon, to talk about a novel.')).toBe('recurring');
  });
  it('held when needed', () => {
    expect(follow('Briefings for ward councillors on planning matters will be held on an as-needed basis, so that members can ask officers questions.')).toBe('recurring');
  });
});

describe('one-off: a yearly document or sum is not a yearly meeting', () => {
  it('the annual report and accounts', () => {
    expect(follow('Extraordinary session on Friday 6 June at 10am for the trustees to receive the annual report and accounts.')).not.toBe('recurring');
  });
  it('annual leave', () => {
    expect(follow('Team workshop on Monday 2 June, 9am to noon, to agree how annual leave is covered over the summer.')).not.toBe('recurring');
  });
  it('an annual conference still recurs', () => {
    expect(follow('Our annual conference for school governors is on Saturday 14 June in the town hall.')).toBe('recurring');
  });
});

describe('one-off: meeting each other is not meeting each week', () => {
  it('a chance to meet each other is not a cycle', () => {
    const f = extract('Open evening on Tuesday 3 March at 6pm for new tenants to meet each other and the housing team, with tea and cake.').followUp;
    expect(f.evidence.join(' ')).not.toMatch(/meet each/);
  });
  it('a standing group is quoted as the group, not the verb after it', () => {
    const f = extract('Agenda item 2: the advisory group has been asked to propose how its chair rotates among members.').followUp;
    expect(f.kind).toBe('standing-group');
    expect(f.evidence).toContain('advisory group');
  });
  it('a group named in passing is not a next step', () => {
    const f = extract('Workshop on 4 May for twenty carers about respite. The speaker sits on the national advisory group.').followUp;
    expect(f.evidence.join(' ')).not.toMatch(/advisory group/i);
  });
  it('a forum that meets each term still recurs', () => {
    expect(follow('The tenants\' panel meets each term to look at repairs with the housing team.')).toBe('recurring');
  });
});

describe('one-off: an edition of an event that comes back is recurrence', () => {
  it('an event in its twelfth year', () => {
    expect(follow('The county food fair, now in its twelfth year, will be held on Saturday 7 June to celebrate local growers.')).toBe('recurring');
  });
  it('an event that returns', () => {
    expect(follow('The Riverside Wellbeing Summit returns on Friday 3 October, bringing together clubs and clinics to promote active lives.')).toBe('recurring');
  });
  it('an event named with its year', () => {
    expect(follow('Join us for the Northern Libraries Conference 2026 on Tuesday 12 May to share ideas for reading groups.')).toBe('recurring');
  });
  it('a year in a date or a span is not an edition', () => {
    expect(follow('A public meeting on Thursday 5 March 2026 will ask what residents want from the new park. The conference room at the town hall has been booked.')).toBe('none');
  });
  it('"our" meetings in the plural are more than one occasion', () => {
    expect(follow('Our neighbourhood forums: North on Monday 2 March at 6pm, South on Wednesday 4 March at 6pm. Come and tell us what matters on your street.')).toBe('series');
  });
});

describe('one-off: a promise to report back is what happens after', () => {
  it('responses sent back to those who came', () => {
    expect(follow('A drop-in on Saturday 9 May at the leisure centre to hear what people think about the pool. We will gather what we hear and provide responses back to the community afterwards.')).toBe('actions');
  });
  it('publishing and tracking the questions raised', () => {
    expect(follow('An open evening on Tuesday 3 March at 7pm for residents to question the cabinet about the budget. We will commit to publishing the questions and tracking the answers online.')).toBe('actions');
  });
});

describe('one-off: nothing said about after is an absence only for one occasion', () => {
  const guide = 'Speakers are asked to keep to twenty minutes so that there will be time for questions from the floor. '
    + 'Slides should be sent to the organisers the day before, and the chair will introduce each speaker and keep time. '
    + 'The audience is mostly researchers from the engineering and design faculties, with some students and visitors from local firms. '
    + 'Please bring your talk on a memory stick or send a link to it, and tell us if you need a microphone or a hearing loop.';
  it('a longer text that names no day does not describe one meeting', () => {
    expect(namesOneOccasion(guide)).toBe(false);
    expect(follow(guide)).not.toBe('none');
    expect(candidateFlags(guide)).not.toContain('one-off');
  });
  it('the same text with the day named does', () => {
    expect(namesOneOccasion(`The seminar on Tuesday 4 November will hear three talks. ${guide}`)).toBe(true);
  });
  it('a planner\'s short notes need no day', () => {
    const notes = 'Workshop for 30 managers, two hours, to agree how rota requests are handled. Presentations from HR, then questions.';
    expect(namesOneOccasion(notes)).toBe(true);
    expect(candidateFlags(notes)).toContain('one-off');
  });
});

describe('one-off: more ways a text shows the meeting comes round again', () => {
  it('every Wednesday', () => {
    expect(follow('Knit and natter for carers in the library, every Wednesday from 10am, to make friends and share tips.')).toBe('recurring');
  });
  it('the first meeting of a longer term', () => {
    expect(follow('The first staff forum of the autumn 2026 term is on Tuesday 8 September at 4pm, to hear what the new timetable means for everyone.')).toBe('recurring');
  });
  it('its fourth regional conference', () => {
    expect(follow('The network is holding its fourth regional conference on Friday 6 March to share practice in supported housing.')).toBe('recurring');
  });
  it('a change from previous years', () => {
    expect(follow('In a change from previous years, the volunteers\' lunch on Saturday 4 July will be held in the park so families can come along.')).toBe('recurring');
  });
  it('walks that are back', () => {
    expect(follow('The Tuesday health walks are back in the park from 5 May, for anyone who wants gentle exercise and a chat.')).toBe('recurring');
  });
  it('a group being set up, with its first meeting', () => {
    expect(follow('We are setting up a tenants\' group for the Elm Street flats, and the first meeting is on Monday 2 March at 7pm in the community room.')).not.toBe('none');
  });
  it('a first-ever conference is still one event', () => {
    expect(follow('The trust will hold its first-ever carers\' conference on Thursday 14 May to hear what carers need from the hospital.')).toBe('none');
  });
});

describe('one-off: minutes and a worried post are not plans still to come', () => {
  it('minutes whose roster starts "Present:-"', () => {
    expect(extract('At a meeting of the allotment society held on 3 March.\nPresent:-\nJo Bell (chair)\nSam Reid (treasurer)\nAnn Shaw\nThe committee agreed the water charges for the year.').genre.forwardLooking).toBe(false);
  });
  it('someone wondering about a meeting they were called to', () => {
    expect(extract('My manager has called a meeting with me on Friday at 2pm about my hours. I\'m wondering whether I can bring a colleague with me to it.').genre.forwardLooking).toBe(false);
  });
});

describe('one-off: recurrence and follow-up said in other words (rtune)', () => {
  it.each([
    ['The AGM will be held on 3 July at 7pm for all 60 members to elect the committee and review the year.', 'recurring'],
    ['Join all 40 members on 5 May at 7pm for the spring meeting of the Friends of the Park to plan the summer litter picks.', 'recurring'],
    ['The second of our listening events takes place on 8 June for 30 families to hear how they use the library.', 'series'],
    ['A workshop on 4 May for 25 young people to co-design the new youth centre. This is the first step in a year-long programme.', 'series'],
    ['Come to our open evening on 4 May at 6pm for 100 families to find out about the new sixth form. Further open evenings follow in the summer.', 'actions'],
    ['The parish council invites 80 residents to a meeting on 5 May at 7pm on the draft plan. Comments received will be considered by the council.', 'actions'],
    ['The away day for 45 staff on 3 June will look at our priorities for next year. Each team will leave with three actions to take back.', 'actions'],
  ])('%s', (text, kind) => {
    expect(follow(text)).toBe(kind);
    expect(candidateFlags(text)).not.toContain('one-off');
  });
});

describe('one-off: an event placed in a run of them recurs (rroom, s24)', () => {
  it.each([
    'The commissioner will hold her latest public Q&A session on Thursday 6 March at 6pm, streamed live for residents.',
    'At this month\u2019s network event on Tuesday 4 November, volunteer managers will share ideas on recruitment.',
    'Join us at our November topical meeting on Wednesday 12 November at 7pm to explore zero-waste living.',
    'Engineering Lecture Series, Tuesday 18 February: why diverse teams build better bridges.',
    'The open evening starts at 6pm on Thursday 27 September. The event is usually attended by over 300 families.',
    'Coffee mornings with the neighbourhood team have become a popular way to meet; the next is on Friday 3 May at 10am.',
    'You are invited to the inaugural meeting of the Riverside Bus Users Group on Thursday 7 October at 6.30pm.',
    'I am pleased to announce a further \u201cMeet the Director\u201d session on Tuesday 5 May from 5pm to 6pm, for staff to ask questions.',
    'Lunch and learn sessions are offered on topics in sustainability; the next one, on Wednesday 6 March at noon, covers waste.',
    'This term we will hold the whole school assembly on Fridays at 2.30pm, to celebrate the week.',
  ])('%s', (text) => {
    expect(follow(text)).toBe('recurring');
    expect(candidateFlags(text)).not.toContain('one-off');
  });
});

describe('one-off: one session of a larger programme, or a recording, is not judged for what happens after (rroom, s24)', () => {
  it.each([
    'Plenary Session 3 - Rethinking obesity\nTuesday 29 April, 1.30pm - 3pm, Main Ballroom\nA panel of clinicians will discuss what drives weight gain.',
    'Side event: making research careers sustainable\nWednesday 20 November, 14:00 - 15:30\nA discussion of fixed-term contracts with early-career researchers.',
    'Recorded on: 13 October (75 minutes)\nHow do colleges keep students? Three retention leads share what worked.',
  ])('%s', (text) => {
    expect(extract(text).genre.forwardLooking).toBe(false);
    expect(candidateFlags(text)).not.toContain('one-off');
  });
});
