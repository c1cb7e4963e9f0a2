/**
 * Misreadings found by reading the review's answers on real public plans nobody tuning had seen (issue 10,
 * s28 audit). Each case is a short text of the same shape; the review must not say what the plan does not.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { reviewPlan } from '../../src/review/review.js';

const praise = (text: string, start: string): string | undefined => reviewPlan(text).strengths.find((s) => s.startsWith(start));

describe('a clock time is not a role', () => {
  it('reads "6 PM" as a time, and "PM" in a list of people as a product manager', () => {
    const timed = extract('Invited: residents, 6 PM start.');
    expect(timed.participants.some((p) => p.phrase === 'PM')).toBe(false);
    const team = extract('Discovery kickoff. 6 ppl: PM, designer, 2 engineers and a data analyst. 2 hrs.');
    expect(team.participants.find((p) => p.phrase === 'PM')?.level).toBe('middle');
  });
});

describe('a lead time is neither a series nor a length', () => {
  const checklist = 'Before the workshop\nTwo weeks before\n- Identify workshop participants\n- Invite members to the workshop\nThree Days Before\n- Create copies of worksheets for each breakout session';
  it('does not call "two weeks before" a series', () => {
    expect(extract(checklist).followUp.kind).not.toBe('series');
    expect(praise(checklist, 'It is one of a series')).toBeUndefined();
  });
  it('does not read "three days before" or "five days prior to the meeting" as the length', () => {
    expect(extract(checklist).session.minutes).toBeNull();
    expect(extract('Questions must reach the Clerk at least five days prior to the meeting. The council meets at 7pm.').session.minutes).toBeNull();
    expect(extract('A two day workshop for the whole team, in the village hall.').session.minutes).toBe(840);
  });
  it('still reads a set of sessions as a series', () => {
    expect(extract('We are holding three workshops across the borough this spring.').followUp.kind).toBe('series');
  });
});

describe('"the circle" of people is not a way of sitting', () => {
  it('does not count "grow the circle" as conversation, but does "sit in a circle"', () => {
    const grow = 'Sustainable Racine has begun with a committed group of volunteers. It is time to grow the circle. Please join a group of young leaders to help them design a strategy.';
    expect(extract(grow).format.conversationEvidence.map((e) => e.toLowerCase())).not.toContain('circle');
    expect(extract('We will sit in a circle and talk about the year.').format.conversationEvidence.join(' ')).toMatch(/circle/i);
  });
});

describe('the question praised is one put to people, quoted as asked', () => {
  it('does not praise a planning checklist asking the organiser "What is your goal?"', () => {
    const text = 'Two weeks before\n- Identify scope of workshop\n- What is your goal?\n- Identify workshop participants\n- This workshop works best online with no more than 12 participants.';
    expect(praise(text, 'The question invites')).toBeUndefined();
  });
  it('quotes the question a long sentence quotes, not the sentence cut short', () => {
    const text =
      'Community Conversation. You are invited to the table! A host will be seated at each section of the table to help guide conversations as attendees discuss questions like "what kind of community do you want?" and "what matters most to you here?". Lunch is provided, 12 to 2pm at the library.';
    expect(praise(text, 'The question invites')).toBe('The question invites people in rather than naming a problem: "what kind of community do you want?"');
  });
});

describe('"every day" recurs only as a meeting', () => {
  it('reads a daily huddle as recurring, but not a habit or a fact', () => {
    expect(extract('The safety huddles take 15 minutes and happen at the same time every day. Ward staff attend.').followUp.kind).toBe('recurring');
    const away = 'We designed an away day for all 60 employees. We spent time getting people to consider how they could bring their strengths to work every day. The first sessions focused on possibilities.';
    expect(praise(away, 'It is not a one-off')).toBeUndefined();
    expect(praise(away, 'It is a standing group')).toBeUndefined();
  });
});

describe('the open-door praise quotes the open door', () => {
  it('quotes "public meeting", not the invitee phrase before it', () => {
    const text = 'Cleveland Chief Constable and the Police and Crime Commissioner will attend a public meeting on Tuesday 4 March at 7pm in the Town Hall to hear residents.';
    const open = praise(text, 'It is open to everyone');
    expect(open).toBe('It is open to everyone (public meeting), so the people affected can come.');
  });
  it('does not call "anyone who might be interested in a position" an open door', () => {
    const agm = 'The AGM will be held on Wednesday 18th November at 7:30pm via Zoom. All members are invited to attend. There will be no coercion to join the committee however anyone who might be interested in a position is encouraged to nominate.';
    expect(praise(agm, 'It is open to everyone')).toBeUndefined();
  });
});

describe('a day holding several short sessions', () => {
  it('takes one session as the length, not the day they are spread over', () => {
    const day = 'From 10 AM to 6 PM on Friday, the Friends of the Park will host nine short, 45 minute community workshops. Local residents are encouraged to attend one or several.';
    expect(extract(day).session).toEqual({ minutes: 45, evidence: ['nine short, 45 minute community workshops'] });
    expect(praise(day, 'There is enough time')).toBeUndefined();
  });
});

describe('follow-up is this meeting\'s own future (s29 audit)', () => {
  const follow = (text: string): string => extract(text).followUp.kind;
  it('does not take another body\'s meetings as this meeting recurring', () => {
    expect(follow('Panel meeting on 3 May at 2pm for councillors to discuss the programme. The Partnership Board meets monthly and reports to Cabinet.')).toBe('none');
    expect(follow('Parents evening, Tuesday 3 May at 6pm in the hall, about the new reading scheme. The governors meet every term to review policies.')).toBe('none');
    // The body the text is about keeps its recurrence, and a body set up by this meeting is its follow-up.
    expect(follow('Parish council meeting on 3 May at 7pm. The council meets monthly in the village hall.')).toBe('recurring');
    expect(follow('Walk on Saturday 3 May with 20 residents. We will set up a park forum that meets every couple of months.')).not.toBe('none');
  });
  it('does not count a later part of the same day as follow-up', () => {
    expect(follow('Workshop on Tuesday 3 May, 10am to 3pm, for 40 residents. Morning: small groups map ideas. After lunch we come back together to share them.')).toBe('none');
    expect(follow('Away day on 3 May, 9am to 4pm, for the team to talk about our plan. The next session after lunch looks at budgets.')).toBe('none');
    expect(follow('Workshop on 3 May for 20 residents. We will come back together in June to check progress.')).toBe('actions');
  });
  it('does not praise a hope as a plan', () => {
    const hoped = 'Forum for local builders on Friday 3 December. Several builders said it was worthwhile, and one said she was hoping the points raised would be taken forward.';
    expect(praise(hoped, 'Next steps are planned')).toBeUndefined();
    expect(follow('Our first festival is on 3 June at 10am. We hope it kick starts a whole series of conversations.')).not.toBe('series');
  });
  it('reads a frequency as recurrence only in a sentence about meeting', () => {
    const awards = 'Volunteer awards breakfast on 7 December, 7 to 9am. Our volunteers help the club throughout the year. The annual event moves to the Grand Hotel.';
    expect(praise(awards, 'It is not a one-off')).toBe('It is not a one-off (annual), so relationships can continue.');
    expect(follow('Pupil lunch on Tuesday 3 May, 40 minutes, for eight pupils. We will do it every half term.')).toBe('recurring');
  });
});

describe('"round the table" as a turn, not a room (s29 audit)', () => {
  it('does not read round-the-table updates or introductions as a described room', () => {
    const updates = 'Partnership meeting, Tuesday 3 May, 2pm in the council chamber, 60 members. Agenda: 1. Welcome 2. Round the table updates from partners 3. Housing 4. AOB.';
    expect(extract(updates).setting.roomDescribed).toBe(false);
    expect(praise(updates, 'The room has been thought about')).toBeUndefined();
    expect(extract('Meeting on 3 May, 2pm, for 20 partners. We will go round the table so each partner can introduce their work.').setting.roomDescribed).toBe(false);
    expect(extract("The network meets on 3 May for 3 hours, with 90 minutes of 'round table' topical discussion.").setting.roomDescribed).toBe(false);
  });
  it('still reads people sitting round the table as the room, quoted once', () => {
    const dinner = 'Dinner for 30 members on 3 May at 7pm. We will sit round the table and talk about the year.';
    expect(extract(dinner).setting.roomDescribed).toBe(true);
    expect(praise(dinner, 'The room has been thought about')).toBe('The room has been thought about (sit round the table).');
  });
});

describe('developers are a level only in a software team (s29 audit)', () => {
  const level = (text: string): string | undefined => extract(text).participants.find((p) => /developer/i.test(p.phrase))?.level;
  it('does not read property developers or a public meetup of programmers as front-line staff', () => {
    expect(level("Developers' Forum on 3 December with about a dozen property developers and the planning authority to talk about delays.")).toBe('unknown');
    expect(level('Coding evening on Saturday 1pm to 5pm for 30 developers from across the city. Bring a laptop.')).toBe('unknown');
  });
  it('still reads developers in a product team as front-line', () => {
    expect(level('Sprint review on Tuesday, 1 hour: the product owner, 4 developers and a tester.')).toBe('front-line');
  });
});

describe('head counts: the places offered, not posts, yearly figures or names (s29 audit)', () => {
  const count = (text: string): number | null => extract(text).attendance.max;
  it('reads "the first 50 to register" as the expected number', () => {
    expect(count('Free breakfast briefing on 3 May at 8am. Lunch is free for the first 50 to register.')).toBe(50);
    expect(count('Workshop on 3 May at 2pm. The room is limited to 30, so book early.')).toBe(30);
  });
  it('does not count posts to fill, a yearly figure or a numbered programme as who comes', () => {
    const posts = 'Town meeting on 3 May at 7pm. It follows a call to appoint two young people to the council, which councillors turned down.';
    expect(extract(posts).attendance.kind).not.toBe('stated');
    expect(praise(posts, 'A small, mixed group')).toBeUndefined();
    expect(extract('Awards breakfast on 7 December, 7 to 9am. Each year, hundreds of volunteers give their time to the club.').attendance.kind).not.toBe('stated');
    expect(extract('Tenants meeting on 3 May at 4pm. The panel is made up of residents and Section 8 participants.').attendance.kind).not.toBe('stated');
    expect(count('Conference on 3 May. Each year, 300 delegates attend.')).toBe(300);
  });
});

describe('a question praised is one the meeting asks, not a teaser or the organisers\' story (s29 audit)', () => {
  it('does not praise a question the speakers answer for the reader', () => {
    expect(praise('How do you keep your best people? Join our free webinar on 3 May at 1pm to find out.', 'The question invites')).toBeUndefined();
    expect(praise("What makes a great place to work? Our panel will share seven tactics at the leaders' lunch on 3 May.", 'The question invites')).toBeUndefined();
  });
  it('does not praise the organisers telling how it began', () => {
    expect(praise('How did we get here? Last spring a few of us met in a cafe and began to talk. Join us on 3 May.', 'The question invites')).toBeUndefined();
  });
  it('still praises a question put to the people there', () => {
    const text = 'Community conversation on 3 May at 7pm at the library. What kind of town do you want your children to grow up in? Come and share your ideas.';
    expect(praise(text, 'The question invites')).toBe('The question invites people in rather than naming a problem: "What kind of town do you want your children to grow up in?"');
  });
});

describe('a part of the day is not the meeting\'s length (s29 audit)', () => {
  const minutes = (text: string): number | null => extract(text).session.minutes;
  it('does not take a wait, a happy hour, social hour or "a morning meeting" for the length', () => {
    expect(minutes('AGM on 15 March at 7pm. If there is no quorum the meeting shall be adjourned for 30 minutes.')).toBeNull();
    expect(minutes('Each session starts with a happy hour from 5:30pm - 6:00pm. Coding starts at 6pm and goes on until everyone leaves.')).toBeNull();
    expect(minutes('Tenant meetings on the first Friday of every month. On Tuesdays from 2:00-4:00 P.M. is social hour.')).toBeNull();
    expect(minutes("Evening meetings are hard for some families, so next term's meeting will be a morning meeting on Tuesday 14 August.")).toBeNull();
  });
  it('still reads a morning of conversation and a stated range', () => {
    expect(minutes('Join us for a morning of conversation on 3 May.')).toBe(180);
    expect(minutes('Workshop on 3 May, 9am to 12pm, for 20 residents.')).toBe(180);
  });
});

describe('the review does not ask what the plan answers: a stated use of the outputs (s29 audit)', () => {
  const asks = (text: string): string[] => reviewPlan(text).plan.openQuestions;
  const after = 'Will anything happen after this meeting?';
  it('does not ask what happens after when the outputs are used or published', () => {
    expect(asks('Workshop for residents on 3 May at 7pm about the park. What you tell us will be used to finalise the masterplan.')).not.toContain(after);
    expect(asks('Workshop for residents on 3 May at 7pm about the park. The findings will be published in a report in June.')).not.toContain(after);
    expect(asks('Drop-in on Wednesday 16 November, 6pm to 9pm, at the church hall about the new village plan, giving you the chance to help shape it.')).not.toContain(after);
  });
  it('still asks when a plan only helps shape something before the meeting, or says nothing', () => {
    expect(asks('Online town hall on 3 May at 7pm. To help shape the questions, residents are invited to send them in advance.')).toContain(after);
    expect(asks('Workshop for residents on 3 May at 7pm about the park.')).toContain(after);
  });
});

describe('people named as a topic or as business are not invitees (s29 audit)', () => {
  it('does not read a topic title ("Youth Activities", "Director of Public Health") as the group in the room', () => {
    const topics = 'Workshop on 3 May at 7pm at the community centre. Topics: Youth Activities, Public Safety, Affordable Housing.';
    expect(praise(topics, 'The people this is about are in the room')).toBeUndefined();
    expect(extract('Panel on 3 May with the Director of Public Health and two councillors.').participants.some((p) => p.group)).toBe(false);
    expect(praise('Youth Council meeting on 3 May at 5pm for young people aged 11 to 18.', 'The people this is about are in the room')).toBeDefined();
  });
  it('does not read posts to be filled as invitees mixing levels', () => {
    const agm = 'AGM on 15 March at 7pm. Only members may attend. Agenda: 1. Minutes 2. Election of Executive Officers and Board of Directors 3. New business.';
    expect(extract(agm).participants.filter((p) => p.role === 'participant').map((p) => p.phrase)).toEqual([]);
    expect(praise(agm, 'The invitees mix levels')).toBeUndefined();
  });
});

describe('a leaflet\'s numbered headings and ranges said with "between" (s29 audit)', () => {
  it('does not praise a numbered FAQ heading, and quotes a numbered question without its number', () => {
    expect(praise('User forum leaflet. 1 What is a User Forum? It is a meeting of patients and carers twice a year.', 'The question invites')).toBeUndefined();
    expect(praise('Community cafe on 3 May at 7pm. 1 What kind of town do you want? Come and share ideas.', 'The question invites'))
      .toBe('The question invites people in rather than naming a problem: "What kind of town do you want?"');
  });
  it('reads "between thirty and forty people" as the range', () => {
    const forum = 'User forum on 3 May, 11.30am to 3pm in the hall. There are usually between thirty and forty people.';
    expect(extract(forum).attendance).toMatchObject({ min: 30, max: 40 });
    expect(reviewPlan(forum).flags.find((f) => f.id === 'large-group')?.nudge).toMatch(/^With 30-40 people,/);
  });
});

describe('who ran a meeting is not its invitee list, and "invited to present" is a talk (s29 audit)', () => {
  it('does not read the hosts of a reported meeting as invitees mixing levels', () => {
    const report = 'About 40 delegates from different firms attended on 3 October. The CEO opened the meeting and the director presented the draft plan. Developers then gave their response.';
    expect(extract(report).participants.filter((p) => p.role === 'participant' && p.level === 'senior')).toEqual([]);
    expect(praise(report, 'The invitees mix levels')).toBeUndefined();
  });
  it('does not call a meeting with invited presenters one with no talk named', () => {
    const text = 'The group meets 10 times a year. Each member brings an issue to share and discuss. Experts are invited to present or facilitate a debate on a key theme.';
    expect(extract(text).format.talkEvidence).toContain('invited to present');
    expect(praise(text, 'It is built around conversation')).toBeUndefined();
  });
});
