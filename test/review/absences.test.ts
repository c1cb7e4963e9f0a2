/**
 * The facts the absence-type flags depend on (genre and whether a text looks forward, follow-up, setting,
 * purpose), read from sentences written for these tests, one class of text at a time.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { detectGenre } from '../../src/review/genre.js';
import { realPurposes } from '../../src/review/purpose.js';

const genre = (text: string): { value: string; forwardLooking: boolean } => {
  const g = detectGenre(text);
  return { value: g.value, forwardLooking: g.forwardLooking };
};

describe('genre: what is written after the event is not judged for absences', () => {
  it('a news write-up told in the past', () => {
    expect(genre('Around sixty tenants came to the estate forum on Tuesday evening. The housing director spoke about repairs and residents asked about damp. It was a lively night.')).toMatchObject({ value: 'report', forwardLooking: false });
  });
  it('a blog post about last week', () => {
    expect(genre('Last week we hosted our spring open evening for new families. Staff welcomed parents and pupils gave tours of the school.').forwardLooking).toBe(false);
  });
  it('minutes of a meeting', () => {
    expect(genre('Allotment committee minutes\nPresent: the chair, the treasurer and four plot holders\n1. Apologies\n2. Water charges').forwardLooking).toBe(false);
  });
  it('a write-up that names who held the event (rroom, s24)', () => {
    expect(genre('On Saturday 14 March, Riverside Borough Council hosted a town hall in the new community centre. About ninety residents came with questions on housing.').forwardLooking).toBe(false);
    expect(genre('Last spring the Tenants Federation organised its first Estates Conference at the civic centre, with workshops on repairs.').forwardLooking).toBe(false);
  });
  it('a text headed as the report of a meeting (rroom, s24)', () => {
    expect(genre('Report of a public meeting on Tuesday 4 June at 7pm, Millbrook Library\nAround 120 residents\nThe chair opened with the history of the site.').forwardLooking).toBe(false);
  });
  it('an announcement saying where an event will be held stays forward-looking (rroom, s24)', () => {
    expect(genre('The forum will be held in the Town Hall on Monday 9 May at 6pm. The council will host a workshop on the budget.').forwardLooking).toBe(true);
  });
  it('an announcement told in the future, with a day and a time', () => {
    expect(genre('A public meeting about the library will be held on Thursday 5 March at 7pm in the church hall. Everyone is welcome.').forwardLooking).toBe(true);
  });
  it('a news item announcing a coming event is forward-looking even with a past sentence in it', () => {
    expect(genre('The parish council has decided to consult residents. A drop-in session will take place on Saturday 12 April from 10am, and residents will be able to comment on the draft plan.').forwardLooking).toBe(true);
  });
  it('a write-up whose subject is the event itself', () => {
    expect(genre('A virtual listening event on 5 May provided an opportunity for carers to talk about respite, and explored what the council could change.').forwardLooking).toBe(false);
  });
  it('the genre of a long paste is read from its opening', () => {
    const plan = 'A public meeting about the new bus routes will be held on Thursday 5 March at 7pm.'
      + ' Officers will explain each route and residents will be able to ask questions.'.repeat(60);
    const history = ' Last year the forum was held in the old library and speakers talked about parking.'.repeat(80);
    expect(genre(`${plan}${history}`).forwardLooking).toBe(true);
  });
  it('a planner\'s short notes with no tense at all still describe a meeting to come', () => {
    expect(genre('Workshop for 30 ward managers on the winter rota. 2 hours. Presentations then questions.').forwardLooking).toBe(true);
  });
});

describe('genre: a kind of meeting, or one session of a bigger event, is not a whole plan', () => {
  it('a generic guide to a kind of meeting', () => {
    expect(genre('What happens at a town hall? Town halls typically open with an update from the leadership, followed by questions from the floor.')).toMatchObject({ value: 'template', forwardLooking: false });
  });
  it('tips on running a meeting', () => {
    expect(genre('Five tips for a better away day. The facilitator should agree the questions in advance and keep the presentations short.').forwardLooking).toBe(false);
  });
  it('one panel inside a conference', () => {
    expect(genre('Our chief nurse will speak on a panel at the regional health conference on 4 June, on the future of community care.').forwardLooking).toBe(false);
  });
  it('a request for help with a plan still being made', () => {
    expect(genre('We are running a session for about 40 volunteers next month on the new rota. How much can I fit into an hour? Any thoughts?')).toMatchObject({ value: 'request', forwardLooking: false });
  });
  it('guidelines for a kind of session', () => {
    expect(genre('Seminar guidelines. Speakers will have 30 minutes, then questions from the floor. Slides should be sent a day before.').forwardLooking).toBe(false);
  });
  it('a membership roster is read as terms of reference', () => {
    expect(genre('The panel is made up of six councillors and four residents. Panel members: Cllr Smith (Chair), Cllr Jones, Ms Patel.').value).toBe('terms-of-reference');
  });
  it('a long description of a format with neither a date nor anything ahead', () => {
    const text = 'The reading group is a relaxed gathering of people who enjoy books. Members take turns choosing a title and leading the conversation. '
      + 'Newcomers are often surprised by how varied the choices are, from crime fiction to poetry and local history. Tea and cake are part of the tradition, '
      + 'and the conversation tends to wander from the book to the lives of the people around the table, which is much of the point of it for most members. '
      + 'Some members have belonged for many years and others come for a season, and both are part of what keeps the group lively.';
    expect(genre(text).forwardLooking).toBe(false);
  });
});

describe('follow-up: recurrence and carrying on shown by structure and general phrasing', () => {
  const follow = (text: string): string => extract(text).followUp.kind;
  it('the next meeting of a group recurs', () => {
    expect(follow('Our next residents\' meeting is on Monday 4 May at 7pm in the community room, to talk about the bins. Everyone welcome.')).toBe('recurring');
  });
  it('"as always" speaks of a meeting that happens again', () => {
    expect(follow('The parents\' evening will be on Thursday at 6pm, to hear about the new reading scheme. As always there will be tea and a creche.')).toBe('recurring');
  });
  it('approving the minutes of the last meeting shows a standing body', () => {
    expect(follow('The tenants\' panel will meet on Tuesday at 6pm to plan the garden day.\n1. Approval of the minutes of the last meeting\n2. Garden day')).toBe('standing-group');
  });
  it('a calendar of four dates is a programme of meetings', () => {
    expect(follow('Governors will meet to review the school plan on these dates: 14 September, 9 November, 18 January and 22 March.')).toBe('series');
  });
  it('several separate meetings are a series', () => {
    expect(follow('Members will vote to approve the new rules at three separate meetings next month.')).toBe('series');
  });
  it('the last assembly of the year belongs to a series', () => {
    expect(follow('The final whole-school assembly of the year will celebrate the sports teams, on Friday at 9am.')).toBe('recurring');
  });
  it('this year\'s conference is one of a run of them', () => {
    expect(follow('This year\'s regional conference will be held on 3 October at the civic centre to share good practice in foster care.')).toBe('recurring');
  });
  it('a meeting held every day recurs', () => {
    expect(follow('The whole team meets every day at 8.30 for fifteen minutes to plan the day\'s work.')).toBe('recurring');
  });
  it('a decision or consultation still to come is what happens after', () => {
    expect(follow('An information evening on Wednesday at 6pm to explain the plans for the park. A public consultation will follow.')).toBe('actions');
  });
  it('a single event with nothing about what comes after is none', () => {
    expect(follow('A public meeting will be held on Thursday 5 March at 7pm in the village hall to discuss the future of the shop.')).toBe('none');
  });
  it('business owners in the audience are not owners of actions', () => {
    expect(follow('A seminar will be held on Wednesday at 9am to help small business owners find local support.')).toBe('none');
  });
});

describe('setting: telephone and digital events state their setting; the room in more words', () => {
  const setting = (text: string): { mode: string; roomDescribed: boolean } => {
    const s = extract(text).setting;
    return { mode: s.mode, roomDescribed: s.roomDescribed };
  };
  it('a telephone town hall is not in a room', () => {
    expect(setting('The council will hold a tele town hall on Monday at 7pm so residents can ask about the budget.').mode).toBe('online');
  });
  it('booking online does not make the meeting online', () => {
    expect(setting('A public meeting on the new cycle lanes will be held in the town hall on Tuesday at 7pm. Book online to reserve a place.').mode).not.toBe('online');
  });
  it('seats as capacity are not said about the room', () => {
    expect(setting('A public meeting on the bypass will be held on Monday at 7pm in the church hall. Seating is limited, so please arrive early.').roomDescribed).toBe(false);
  });
  it('air, warmth and a stage are said about the room', () => {
    expect(setting('The annual meeting will be held in the village hall on Saturday at 10am to elect the committee. The hall is well ventilated and heated.').roomDescribed).toBe(true);
    expect(setting('Speakers will address the audience from the stage at the conference on Friday.').roomDescribed).toBe(true);
  });
});

describe('purpose: standing items, schedule words and calendars are not a purpose', () => {
  const purpose = (text: string): string => extract(text).purpose.stated;
  it('a formal agenda of standing items states no purpose', () => {
    expect(purpose('Bowls club committee\nThursday 3 October, 7.30pm\n1. Call to order\n2. Apologies\n3. Approval of the minutes\n4. Treasurer\'s report\n5. Any other business\n6. Date of next meeting')).toBe('no');
  });
  it('minutes of standing items state no purpose, though written after the meeting', () => {
    expect(purpose('Minutes of the allotment society meeting\n1. Apologies were received from two members.\n2. Minutes of the previous meeting were approved.\n3. Matters arising: none.\n4. Any other business: none.')).toBe('no');
  });
  it('a calendar of meeting dates states no purpose', () => {
    expect(purpose('Parish council meetings 2027\nMonday 11 January, 7pm\nMonday 8 March, 7pm\nMonday 10 May, 7pm\nMonday 12 July, 7pm')).toBe('no');
  });
  it('a bare name in a formal agenda is an item, not a purpose', () => {
    expect(purpose('Allotment society committee\n1. Apologies\n2. Minutes of the last meeting\n3. Matters arising\n4. Budget\n5. Any other business')).toBe('no');
  });
  it('a real item of business is a purpose', () => {
    expect(purpose('Bowls club committee\n1. Apologies\n2. Approval of the minutes\n3. Whether to open the green to juniors on Sundays\n4. Any other business')).toBe('yes');
  });
  it('an aim put as an opportunity is a purpose', () => {
    expect(purpose('The parents\' forum meets each term. It is an opportunity for parents to share their views on homework with the head.')).toBe('yes');
  });
  it('a talk whose topic is not read is unknown, not absent', () => {
    expect(purpose('Lunchtime talk in the library on Friday at 12.30. Bring your own sandwiches.')).toBe('unknown');
  });
  it('standing items, schedule words and empty aims are dropped from the purposes found', () => {
    expect(realPurposes(['Call to order', '- Welcome', 'Meeting: 7', 'to allow for social distancing', 'to agree the new allotment rules'])).toEqual(['to agree the new allotment rules']);
  });
});

describe('genre: "tomorrow" as a noun is not a date ahead (rroom, s24)', () => {
  it('a write-up of a summit titled "transforming tomorrow"', () => {
    expect(genre('Leaders Summit: performing today while transforming tomorrow\nThis was the question put to more than 200 executives who gathered in Munich for two days.').forwardLooking).toBe(false);
  });
  it('"tomorrow" as a day still looks ahead', () => {
    expect(genre('The residents\u2019 forum meets tomorrow at 7pm in the library; all are welcome.').forwardLooking).toBe(true);
  });
});
