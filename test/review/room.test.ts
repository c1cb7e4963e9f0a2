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

describe('room-setting: a text that says when, an open invitation, and seating told as where people sit (rtune)', () => {
  it('an open invitation with a named day brings in the room, as the guide says', () => {
    const text = 'All parents are invited to a meeting on Tuesday 4 March at 6pm about the new homework policy.';
    expect(extract(text).genre.occasion).toBe(true);
    expect(candidateFlags(text)).toEqual(expect.arrayContaining(['large-group', 'room-setting']));
  });
  it('a page on how a standing forum works, saying no day or time, is not asked about the room', () => {
    const text = 'The parents forum gives families a voice in the life of the school. The forum is open to all parents and talks about the issues parents raise with the school, from homework and uniform to clubs, trips and the way the school keeps in touch with home. It was set up by parents and governors together, and it helps the school hear what families think before changes are made. Parents who cannot come can send their questions to the school office, and a short note of each forum is sent home with pupils.';
    expect(extract(text).genre.occasion).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('people who will sit in groups around a table: the room is described', () => {
    const text = 'Open evening for 80 residents on Thursday 5 June at 7pm. Guests will sit in groups around a table with a council officer.';
    expect(extract(text).setting.roomDescribed).toBe(true);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
});

describe('room-setting: a clock time says when (rtune)', () => {
  it('a long page that names a time but no day still announces a meeting', () => {
    const text = 'Community conference on the future of the high street. Doors open at 9:30am and the conference closes at 4pm. ' +
      'Traders, residents, councillors and anyone who cares about the town centre are welcome to come and take part. ' +
      'We will look at what has worked in other towns, what people want from their high street and what the council can change. ' +
      'Lunch is provided for everyone who books a place, and there is a creche for young children if you let us know in advance.';
    expect(extract(text).genre.occasion).toBe(true);
    expect(candidateFlags(text)).toContain('room-setting');
  });
});

describe('room-setting: short notes that describe how sessions of a kind go are not one meeting (rtune)', () => {
  it('"the talks are short" or "sessions typically last an hour" describes a kind; the room is not asked', () => {
    const text = 'Lunch and learn talks are short, 20-minute talks by a colleague, held over lunch. Anyone interested is welcome.';
    expect(extract(text).genre.occasion).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('short notes for one meeting still are', () => {
    expect(extract('Town hall for all 200 staff on the new rota. 90 minutes. Presentations then questions.').genre.occasion).toBe(true);
  });
});

describe('room-setting: a text that opens by telling what happened is a write-up', () => {
  it('a first meeting told in the past, then how the next ones will run', () => {
    const text = 'Carers Forum\nOn Tuesday 4 February we held our first Carers Forum meeting for 40 carers. The meetings will take place once a term and will be open to all carers, with a newsletter going home afterwards.';
    expect(extract(text).genre.value).toBe('report');
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('a headline, then a crowd that walked out', () => {
    const text = 'Walk out at public meeting 3 May\nMany of the 200 residents at the public meeting walked out after an hour. Tickets for the next one go on sale soon. Book your place now: the council will reply to every question.';
    expect(extract(text).genre.forwardLooking).toBe(false);
  });
  it('still reads an invitation whose first sentence says what will happen as well', () => {
    const text = 'Our first forum met in March; we will hold the second for 60 residents on 12 June at 7pm. Book your place now.';
    expect(extract(text).genre.forwardLooking).toBe(true);
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('a meeting summary under the agenda', () => {
    const text = 'Agenda\n- Questions from the all staff meeting (3:30-3:45)\n- Discussion of the three questions (3:45-4:30)\nMeeting Summary\nThe 20 of us talked through each question, we discussed the next steps and it was agreed to set up a working group. We will send a survey next week.';
    expect(extract(text).genre.forwardLooking).toBe(false);
    expect(extract(text.replace('Meeting Summary\n', '')).genre.forwardLooking).toBe(true);
  });
});

describe('room-setting: what the space is like, and a meeting on a video call at a time (rroom, s24)', () => {
  it.each([
    'Members\u2019 evening for 80 members on Thursday 6 November at 7pm in one of the cosy upstairs rooms of the Red Lion.',
    'The open day for 300 families is on Saturday 10 May from 10am; indoor and outdoor spaces are available for stalls.',
    'All staff meeting on Monday 3 March at 4pm, held in the sports hall to allow for social distancing.',
    'Open evening for prospective families on Tuesday 26 September at 6pm; school closes early so staff can arrange displays and organise rooms.',
  ])('the space described: %s', (text) => {
    expect(extract(text).setting.roomDescribed).toBe(true);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('"on Zoom at 7.30pm" says where the meeting is, so the room is not asked about', () => {
    const text = 'Parents\u2019 association meetings (to be held on Zoom at 7.30pm) are open to all parents. Next meeting: Tuesday 29 September.';
    expect(extract(text).setting.mode).toBe('online');
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('"book online at" is still about booking, not where people meet', () => {
    const text = 'Public meeting on Thursday 5 March at 7pm in the village hall for 150 residents. Book online at the council website.';
    expect(extract(text).setting.mode).not.toBe('online');
  });
});

describe('room-setting: a page of a body\u2019s rules for its meetings is not an occasion to attend (rroom, s24)', () => {
  it('voting rights and how minutes are kept, with a weekday in it', () => {
    const text = 'The members\u2019 meeting is open to all members and meets every Tuesday at 7pm. Only full members have voting rights, and minutes are circulated within a week.';
    expect(extract(text).genre.occasion).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('an announcement with a day and a time still is one', () => {
    const text = 'Public meeting for all residents on Thursday 5 March at 7pm about the new bus routes. Everyone is welcome.';
    expect(extract(text).genre.occasion).toBe(true);
    expect(candidateFlags(text)).toContain('room-setting');
  });
});

describe('room-setting: in person and online together is hybrid; chairs who chair and a round-table activity are not the room (rroom, s24)', () => {
  it.each([
    'Staff town hall on Tuesday 4 March at 12.30pm in the Main Ballroom and online through Zoom. All staff are encouraged to attend.',
    'Campus town hall on Friday 7 February at 3pm: all are welcome to attend in person or via Zoom.',
    'Public meeting for all residents on Monday 9 June at 6pm. If you are not able to attend in person, the Zoom details are below.',
  ])('%s', (text) => {
    expect(extract(text).setting.mode).toBe('hybrid');
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('committee chairs are people', () => {
    const text = 'General meeting of the club on Thursday 12 March at 7pm, open to all members. All committee chairs are asked to attend.';
    expect(extract(text).setting.roomDescribed).toBe(false);
  });
  it('"round table discussions" names an activity', () => {
    const text = 'Regional symposium for 150 delegates on Wednesday 2 October at 9am, ending with round table response discussions.';
    expect(extract(text).setting.roomDescribed).toBe(false);
  });
  it('round tables to sit at are still the room', () => {
    const text = 'Regional symposium for 150 delegates on Wednesday 2 October at 9am; delegates sit at round tables of eight.';
    expect(extract(text).setting.roomDescribed).toBe(true);
  });
});

describe('room-setting: a time named without a day still says when (rroom, s24)', () => {
  it.each([
    'Our annual conference next week brings 300 charity finance staff together to think about the year ahead.',
    'The parents\u2019 association holds its annual general meeting this evening; all parents are welcome.',
    'The first regional health conference opens in late September, bringing together 400 clinicians.',
  ])('%s', (text) => {
    expect(extract(text).genre.occasion).toBe(true);
  });
  it('a page about a kind of meeting with no time at all still says nothing of when', () => {
    expect(extract('Town hall meetings are a way for the student government to hear from the student body on topics of interest.').genre.occasion).toBe(false);
  });
});

describe('room-setting: a text that sends the reader elsewhere for the arrangements is not the whole plan (rroom2)', () => {
  it.each([
    'Monthly residents\u2019 forum, open to everyone, on the first Tuesday from 6 to 7.30pm. For dates and venues, please see the events page.',
    'Youth conference for 150 young people on Saturday 14 March. More information about the event will be available shortly.',
    'Public meeting on the new bus routes on Thursday 5 March at 7pm. Venue to be confirmed.',
    'Annual members\u2019 meeting on Wednesday 18 June, open to all members. Details to follow.',
    'Staff open forum on Monday 2 June at noon. More information, papers and later dates can be found on our staff pages.',
    'Whole school assemblies move to Friday afternoons from 2pm next term. Further details will be communicated before the holidays.',
    'The association\u2019s annual general meeting is on Tuesday 14 October at 7pm. Members will be sent formal notices a fortnight before.',
    'The club\u2019s annual general meeting will be held on Saturday 21 March. Please put the date in your diary and come if you can.',
  ])('%s', (text) => {
    expect(extract(text).setting.arrangementsElsewhere).toBe(true);
    expect(candidateFlags(text)).toContain('large-group');
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('details about what the meeting will decide are not the arrangements', () => {
    const text = 'Public meeting for all residents on Thursday 5 March at 7pm, where further details will be announced about the new park.';
    expect(extract(text).setting.arrangementsElsewhere).toBe(false);
    expect(candidateFlags(text)).toContain('room-setting');
  });
});

describe('room-setting: stalls and a marketplace say how the space is set out (rroom2)', () => {
  it.each([
    'Annual members\u2019 meeting on Tuesday 9 September at 1pm, open to everyone; the hall has a marketplace of stalls run by local charities.',
    'Community health day for 200 residents on Saturday 3 May at 10am, with information stands from the surgery and the library.',
  ])('%s', (text) => {
    expect(extract(text).setting.roomDescribed).toBe(true);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
});

describe('room-setting: an announcement told with a participle or "are to meet" is still one (rroom2)', () => {
  it('"a summit hosted by", "a forum told through" are participles, not a write-up', () => {
    const text = 'The regional recovery summit on Thursday 14 May is a day told entirely through the eyes of local leaders, a summit hosted by the county council for 200 delegates.';
    expect(extract(text).genre.forwardLooking).toBe(true);
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('"are to meet" and "residents are invited" look ahead', () => {
    const text = 'Some 300 housing officers are to meet in Leeds on 3 June, the organisers said. Residents are invited to the public session on the final day, the chair said.';
    expect(extract(text).genre.forwardLooking).toBe(true);
  });
  it('a summit that hosted its guests last year is still a write-up', () => {
    const text = 'Last year the summit hosted 300 delegates and we heard from six speakers. The event brought together councils from across the region.';
    expect(extract(text).genre.forwardLooking).toBe(false);
  });
});

describe('room-setting: a second way in online makes it hybrid; a round of updates is not the room (rroom2)', () => {
  it.each([
    'Annual members\u2019 meeting on Tuesday 16 September at 5pm in the hospital chapel, open to all. You can also join online via MS Teams.',
    'Teaching conference for 250 staff on Wednesday 25 June at the main campus. Speakers who cannot travel on the day will present online.',
  ])('%s', (text) => {
    expect(extract(text).setting.mode).toBe('hybrid');
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('an agenda item done "(around the table)" names a round of updates', () => {
    const text = 'Our meetings are open to the public: please come along and join us on Wednesday 4 June at 7pm, when we will discuss the new timetable.\n1. Apologies\n2. Minutes\n3. Local issues (around the table)\n4. Any other business';
    expect(extract(text).setting.roomDescribed).toBe(false);
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('people sitting around the table still describe the room', () => {
    expect(extract('Open evening for 60 parents on Monday 2 June at 6pm; families sit around the table with a governor.').setting.roomDescribed).toBe(true);
  });
});

describe('room-setting: a speech given at the meeting, and one agenda item of a conference, are not whole plans (rroom2)', () => {
  it('a speech that opens by addressing the audience is a record of the event', () => {
    const text = 'Ladies and gentlemen, distinguished guests, good morning. It is a pleasure to welcome 300 delegates to the second day of our conference, which will cover housing and transport.';
    expect(extract(text).genre.forwardLooking).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
  it('a page on one agenda item of a conference', () => {
    const text = 'Review of the regional action plan (agenda item 4)\nWednesday 12 May: Conference of Parties\nUnder this agenda item, the conference may wish to adopt the revised plan.';
    expect(extract(text).genre.forwardLooking).toBe(false);
    expect(candidateFlags(text)).not.toContain('room-setting');
  });
});

describe('room-setting: changes "which have taken place" are not the event having happened (rroom2)', () => {
  it('an invitation that mentions improvements made over the year still looks ahead', () => {
    const text = 'Members and the public are invited to our annual members\u2019 meeting on Tuesday 16 September at 5pm. Come and hear about the improvements which have taken place over the last year.';
    expect(extract(text).genre.forwardLooking).toBe(true);
    expect(candidateFlags(text)).toContain('room-setting');
  });
  it('a meeting that has taken place is still a write-up', () => {
    expect(extract('The annual members\u2019 meeting for 200 members has taken place in the town hall. Members heard the accounts.').genre.forwardLooking).toBe(false);
  });
});
