import { describe, expect, it } from 'vitest';
import { decide, strengths } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';
import type { PlanFacts } from '../../src/review/facts.js';
import { cleanQuote, quoted } from '../../src/review/quote.js';
import { reviewToText } from '../../src/review/render.js';
import { reviewFacts, reviewPlan } from '../../src/review/review.js';
import { invitationFacts } from './facts-fixture.js';

const facts = invitationFacts;
const ids = (f: PlanFacts): string[] => decide(f).map((d) => d.id);

describe('decide: unknown never raises a flag', () => {
  it('raises nothing from facts that are all unknown', () => {
    expect(ids(facts({ purpose: { stated: 'unknown', evidence: [] } }))).toEqual([]);
  });
  it('asks about the purpose only when the text shows there is none', () => {
    expect(ids(facts({ purpose: { stated: 'no', evidence: [] } }))).toEqual(['purpose-unclear']);
  });
  it('calls a meeting one-off only when follow-up is known to be absent', () => {
    expect(ids(facts({ followUp: { kind: 'none', evidence: [] } }))).toContain('one-off');
    expect(ids(facts({ followUp: { kind: 'unknown', evidence: [] } }))).not.toContain('one-off');
    expect(ids(facts({ followUp: { kind: 'recurring', evidence: ['we meet again in a month'] } }))).not.toContain('one-off');
  });
});

describe('review: a crowd the plan only implies is asked about, not stated', () => {
  const crowd = (kind: 'stated' | 'inferred') =>
    facts({ attendance: { kind, min: kind === 'stated' ? 60 : null, max: kind === 'stated' ? 60 : null, evidence: [kind === 'stated' ? '60 people' : 'all staff'] } });
  it('states large-group when the plan gives the head count', () => {
    const r = reviewFacts(crowd('stated'));
    expect(r.flags.map((f) => f.id)).toContain('large-group');
    expect(r.plan.openQuestions).not.toContain('How many people will there be, and how will everyone get to speak?');
  });
  it('asks how many will come when the crowd is inferred from the kind of event', () => {
    const f = crowd('inferred');
    expect(ids(f)).toContain('large-group');
    const r = reviewFacts(f);
    expect(r.flags.map((x) => x.id)).not.toContain('large-group');
    expect(r.plan.openQuestions).toContain('How many people will there be, and how will everyone get to speak?');
  });
  it('asks an inferred crowd even when a caller asks no flag', () => {
    expect(reviewFacts(crowd('stated'), []).flags.map((f) => f.id)).toContain('large-group');
    expect(reviewFacts(crowd('inferred'), []).flags.map((f) => f.id)).not.toContain('large-group');
  });
});

describe('review: a framing that names one problem word is asked about, not stated', () => {
  const framing = (evidence: string[]) =>
    facts({ framing: { text: 'Tackling loneliness and isolation', question: null, deficit: true, evidence, aspiration: [] } });
  const question = 'Is the question framed around a problem, or around something people would want to build?';
  it('states deficit-framing when the framing names two problems', () => {
    const r = reviewFacts(framing(['loneliness', 'isolation']));
    expect(r.flags.map((f) => f.id)).toContain('deficit-framing');
    expect(r.plan.openQuestions).not.toContain(question);
  });
  it('asks when one problem word is all the framing shows', () => {
    const f = framing(['loneliness']);
    expect(ids(f)).toContain('deficit-framing');
    const r = reviewFacts(f);
    expect(r.flags.map((x) => x.id)).not.toContain('deficit-framing');
    expect(r.plan.openQuestions).toContain(question);
  });
  it('asks a one-word framing even when a caller asks no flag', () => {
    expect(reviewFacts(framing(['loneliness']), []).flags.map((f) => f.id)).not.toContain('deficit-framing');
  });
});

describe('review: strengths say where the conversation happens', () => {
  it('an online call is not said to have people in a room', () => {
    const f = facts({
      format: { talk: 0, conversation: 3, talkEvidence: [], conversationEvidence: ['breakout discussions', 'small groups'], stories: false },
      setting: { mode: 'online', roomDescribed: false, roomForTalk: false, roomForConversation: false, evidence: ['Zoom'] },
    });
    const said = reviewFacts(f).strengths.join(' ');
    expect(said).toContain('conversation among the people taking part');
    expect(said).not.toContain('in the room');
  });
  it('says which words show the conversation, and claims no share of the time', () => {
    const f = facts({ format: { talk: 0, conversation: 2, talkEvidence: [], conversationEvidence: ['small group discussion', 'world café'], stories: false } });
    const said = reviewFacts(f).strengths.join(' ');
    expect(said).toContain('It is built around conversation among the people in the room (the plan says "small group discussion" and "world café"), with no talk or presentation named.');
    expect(said).not.toMatch(/most of the time/i);
    const plural = facts({ format: { talk: 0, conversation: 3, talkEvidence: [], conversationEvidence: ['conversation', 'dialogue', 'conversations'], stories: false } });
    expect(reviewFacts(plural).strengths.join(' ')).toContain('(the plan says "conversation" and "dialogue")');
  });
  it('one conversation word said twice ("Workshops", "workshop") is a name, not a plan built around conversation', () => {
    const praised = (conversationEvidence: string[]) =>
      strengths(facts({ format: { talk: 0, conversation: 2, talkEvidence: [], conversationEvidence, stories: false } }), []).some((s) => s.id === 'conversation');
    expect(praised(['Workshops', 'workshop'])).toBe(false);
    expect(praised(['discussion', 'discussions'])).toBe(false);
    expect(praised(['workshop', 'small groups'])).toBe(true);
  });
});

describe('decide: the guide', () => {
  const large = { kind: 'stated' as const, min: 45, max: 45, evidence: ['45 people'] };
  it('a large group with no room detail in a forward-looking plan gets room-setting', () => {
    expect(ids(facts({ attendance: large }))).toEqual(['large-group', 'room-setting']);
  });
  it('a report written after the event is not asked about its room', () => {
    expect(ids(facts({ attendance: large, genre: { value: 'report', forwardLooking: false, occasion: false, evidence: [] } }))).toEqual(['large-group']);
  });
  it('an online event states its setting', () => {
    expect(ids(facts({ attendance: large, setting: { mode: 'online', roomDescribed: false, roomForTalk: false, roomForConversation: false, evidence: ['online'] } }))).toEqual(['large-group']);
  });
  it('large-group can be inferred from the kind of event', () => {
    expect(ids(facts({ attendance: { kind: 'inferred', min: 13, max: null, evidence: ['conference'] } }))).toContain('large-group');
  });
  it('short-time: under 45 minutes for any group, under 90 for a large one', () => {
    expect(ids(facts({ session: { minutes: 30, evidence: ['30 minutes'] } }))).toContain('short-time');
    expect(ids(facts({ session: { minutes: 60, evidence: ['1 hour'] } }))).not.toContain('short-time');
    expect(ids(facts({ session: { minutes: 60, evidence: ['1 hour'] }, attendance: large }))).toContain('short-time');
  });
  it('affected people absent only when an invitee list is stated without them', () => {
    const concerns = [{ group: 'young people', evidence: 'young people' }];
    const staff = [{ phrase: 'youth workers', role: 'participant' as const, level: 'front-line' as const, organisation: null, group: null }];
    expect(ids(facts({ concerns }))).not.toContain('affected-people-absent');
    expect(ids(facts({ concerns, invitees: { stated: true, open: false, mixedLevels: false, evidence: ['youth workers'] }, participants: staff }))).toContain('affected-people-absent');
    const withThem = [...staff, { phrase: 'young people', role: 'participant' as const, level: 'unknown' as const, organisation: null, group: 'young people' }];
    expect(ids(facts({ concerns, invitees: { stated: true, open: false, mixedLevels: false, evidence: ['youth workers'] }, participants: withThem }))).not.toContain('affected-people-absent');
  });
  it('a speaker does not count among the participants', () => {
    const concerns = [{ group: 'patients', evidence: 'patients' }];
    const people = [
      { phrase: 'ward managers', role: 'participant' as const, level: 'middle' as const, organisation: null, group: null },
      { phrase: 'a patient', role: 'speaker' as const, level: 'unknown' as const, organisation: null, group: 'patients' },
    ];
    expect(ids(facts({ concerns, participants: people, invitees: { stated: true, open: false, mixedLevels: false, evidence: ['ward managers'] } }))).toContain('affected-people-absent');
  });
  it('narrow-mix needs one level and no mixed roles', () => {
    const managers = ['clinic managers', 'service managers', 'team leaders'].map((phrase) => ({ phrase, role: 'participant' as const, level: 'middle' as const, organisation: null, group: null }));
    const stated = { stated: true, open: false, mixedLevels: false, evidence: ['clinic managers'] };
    expect(ids(facts({ participants: managers, invitees: stated }))).toContain('narrow-mix');
    expect(ids(facts({ participants: managers, invitees: { ...stated, mixedLevels: true } }))).not.toContain('narrow-mix');
  });
  it('presentation-led when talks outweigh conversation more than two to one', () => {
    expect(ids(facts({ format: { talk: 3, conversation: 1, talkEvidence: ['keynote'], conversationEvidence: ['discussion'], stories: false } }))).toContain('presentation-led');
    expect(ids(facts({ format: { talk: 2, conversation: 1, talkEvidence: ['keynote'], conversationEvidence: ['discussion'], stories: false } }))).not.toContain('presentation-led');
  });
});

describe('strengths come from the same facts', () => {
  it('meeting again is a strength', () => {
    const f = facts({ followUp: { kind: 'recurring', evidence: ['we meet again in a month'] } });
    expect(strengths(f, []).map((s) => s.id)).toContain('carries-on');
    expect(reviewFacts(f).strengths.join(' ')).toContain('we meet again in a month');
  });
  it('theatre-style seating is not praised as a room for conversation', () => {
    const f = facts({ setting: { mode: 'in-person', roomDescribed: true, roomForTalk: true, roomForConversation: false, evidence: ['theatre-style'] } });
    expect(strengths(f, []).map((s) => s.id)).not.toContain('room');
  });
  it('a room with rows and tables is praised for its tables, never quoted for its rows', () => {
    const f = facts({
      attendance: { kind: 'stated', min: 45, max: 45, evidence: ['about 45 people'] },
      setting: { mode: 'in-person', roomDescribed: true, roomForTalk: false, roomForConversation: true, evidence: ['theatre-style', 'seating', 'small mixed tables'] },
    });
    const said = reviewFacts(f).strengths.join(' ');
    expect(said).toContain('The room has been thought about (small mixed tables).');
    expect(said).not.toContain('theatre-style');
  });
  it('a large event with small tables is not told that small tables would help', () => {
    const f = facts({
      attendance: { kind: 'stated', min: 45, max: 45, evidence: ['45 people'] },
      setting: { mode: 'in-person', roomDescribed: true, roomForTalk: false, roomForConversation: true, evidence: ['small mixed tables'] },
    });
    const large = reviewFacts(f).flags.find((x) => x.id === 'large-group');
    expect(large?.nudge).not.toMatch(/small mixed tables .* help/i);
    expect(large?.nudge).toMatch(/already thought about the tables/);
  });
  it('microphones describe a room but are not praised, and a large meeting with them is not told it has tables', () => {
    const f = facts({
      attendance: { kind: 'stated', min: 80, max: 80, evidence: ['80 people'] },
      setting: { mode: 'in-person', roomDescribed: true, roomForTalk: false, roomForConversation: false, evidence: ['microphones'] },
    });
    expect(strengths(f, []).map((s) => s.id)).not.toContain('room');
    expect(reviewFacts(f).flags.find((x) => x.id === 'large-group')?.nudge).not.toMatch(/already thought about the tables/);
  });
  it('a long day of talks is not praised for its time, and "all staff" alone is not praised as a mix', () => {
    const day = facts({
      session: { minutes: 360, evidence: ['8:45 AM to 3:00PM'] },
      format: { talk: 3, conversation: 0, talkEvidence: ['presenter', 'lecture', 'keynote'], conversationEvidence: [], stories: false },
      invitees: { stated: true, open: false, mixedLevels: true, evidence: ['All staff'] },
    });
    const praised = strengths(day, decide(day).map((d) => d.id)).map((s) => s.id);
    expect(praised).not.toContain('time');
    expect(praised).not.toContain('mixed');
    const workshop = facts({
      session: { minutes: 150, evidence: ['two and a half hours'] },
      format: { talk: 0, conversation: 2, talkEvidence: [], conversationEvidence: ['small groups', 'conversation'], stories: false },
    });
    expect(strengths(workshop, decide(workshop).map((d) => d.id)).map((s) => s.id)).toContain('time');
  });
  it('a heading that says what a meeting or a body is does not earn praise for its question', () => {
    const asked = (question: string) => facts({ framing: { text: question, question, deficit: false, evidence: [], aspiration: [] } });
    const praised = (q: string) => strengths(asked(q), []).some((s) => s.id === 'question');
    for (const q of ['What happens at a PACT meeting?', 'So what happens at NHW meetings?', 'What is the purpose of the partnership?', 'What is Contract Cheating?', 'What is the Campus Safety Commission (CSC)?', 'What is a kick-off meeting?', 'What is the goal of the council?', 'Where do we meet?', 'When and where?', 'How often is it?', 'What is the group for?', 'What is it and who is it for?', 'What are these days all about/aimed at?', 'So what will happen at the meeting?', 'How does voting work?', 'How the Parent Forum works?', 'What is it?']) {
      expect(praised(q)).toBe(false);
    }
    for (const q of ['What would make our high street somewhere people want to spend time?', 'How might we welcome new starters better?', 'What is working well on the ward?', 'Where is your voice heard in this school?', 'How do we make a world where everyone can find a place to belong?', 'What do we want the library to do?', 'How often do you feel listened to?', 'How do you make interfaith dialogue work?']) {
      expect(praised(q)).toBe(true);
    }
  });
  it('a question asking for help with the meeting does not earn praise for its question', () => {
    const asked = (question: string) => facts({ framing: { text: question, question, deficit: false, evidence: [], aspiration: [] } });
    const praised = (q: string) => strengths(asked(q), []).some((s) => s.id === 'question');
    for (const q of ['What am I forgetting?', 'What can I do to make it more interesting?', 'Should I accept this meeting?', 'How do I do it?', 'What tips do you have for keeping such meetings productive?', 'Does anyone have any ideas or experience of staging such events?', 'Unfortunately there is no tick for attending, so I wonder how many will make it along?']) {
      expect(praised(q)).toBe(false);
    }
    for (const q of ['If I knew when I started what I know now, what would I have done differently?', 'What ideas do residents have for the park?', 'How can we make Barnet a better place to grow old?']) {
      expect(praised(q)).toBe(true);
    }
  });
  it('conversation is praised only when there is no talk beside it (the share of time is then unknown)', () => {
    const format = (talk: number, conversation: number) => facts({ format: { talk, conversation, talkEvidence: talk ? ['a presentation'] : [], conversationEvidence: ['small group discussion', 'conversation'], stories: false } });
    const praised = (f: PlanFacts) => strengths(f, decide(f).map((d) => d.id)).some((s) => s.id === 'conversation');
    expect(praised(format(0, 2))).toBe(true);
    expect(praised(format(0, 5))).toBe(true);
    expect(praised(format(1, 2))).toBe(false);
    expect(praised(format(1, 5))).toBe(false);
    expect(praised(format(0, 1))).toBe(false);
    expect(praised(format(2, 3))).toBe(false);
  });
});

describe('extract', () => {
  const text = 'Annual partnership conference on reducing knife crime. 200 delegates, one representative from each agency. Keynote, then three panels. Theatre-style seating in the main hall. 10:00-16:00. We meet again in a month.';
  it('quotes only words of the plan', () => {
    const f = extract(text);
    const all = [
      ...f.purpose.evidence, ...f.framing.evidence, ...f.attendance.evidence, ...f.session.evidence, ...f.format.talkEvidence,
      ...f.followUp.evidence, ...f.setting.evidence, ...f.representatives.evidence, ...f.participants.map((p) => p.phrase),
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const e of all) expect(text.toLowerCase()).toContain(e.toLowerCase());
  });
  it('reads recurrence, representatives, the room kind and the head count', () => {
    const f = extract(text);
    expect(f.followUp.kind).toBe('recurring');
    expect(f.representatives.value).toBe('yes');
    expect(f.setting.roomForTalk).toBe(true);
    expect(f.attendance).toMatchObject({ kind: 'stated', max: 200 });
  });
  it('takes the head count from who comes, not a population or a share', () => {
    expect(extract('The trust employs 12,000 staff. A workshop for 10 ward managers to plan the winter rota.').attendance.max).toBe(10);
    expect(extract('1 in 5 children live in poverty here. Workshop for eight teachers.').attendance.max).toBe(8);
  });
  it('does not take a video or a break for the length of the meeting', () => {
    expect(extract('Workshop for managers. We will watch a 10 minute video, then talk.').session.minutes).toBeNull();
  });
  it('does not read another thing that continues as this meeting\'s follow-up', () => {
    expect(extract('Workshop for 20 nurses on the rota. Demand continues to rise. 2 hours.').followUp.kind).toBe('none');
  });
  it('reads a report after the event as not forward-looking', () => {
    expect(extract('The workshop took place on 3 May and was attended by 40 residents. Participants discussed the new park.').genre.forwardLooking).toBe(false);
  });
});

describe('readable answer', () => {
  it('quotes whole words with single quotation marks', () => {
    expect(quoted('"What would make this a good place?"')).toBe('"What would make this a good place?"');
    expect(cleanQuote('one two three four five six', 12)).toBe('one two');
    expect(quoted('one two three four five six', 12)).toBe('"one two…"');
  });
  it('turns quotation marks inside a quote into single ones', () => {
    expect(quoted('Her talk on \u201cWhat would we do differently?\u201d opened the day')).toBe('"Her talk on \u2018What would we do differently?\u2019 opened the day"');
    expect(quoted('He asked "why not?" twice')).toBe('"He asked \'why not?\' twice"');
  });
  it('never shows a bare "(Also worth a thought: the room.)"', () => {
    const text = reviewToText(reviewPlan('Conference on reducing knife crime for 300 delegates representing agencies: keynote, panels and Q&A, to approve the draft strategy. 45 minutes. Senior leaders only: chief executives and directors.'));
    expect(text).not.toMatch(/Also worth a thought: the room\./);
    expect(text).not.toMatch(/""/);
  });
  it('does not call mixed roles "everyone is a manager"', () => {
    const r = reviewPlan('Workshop for clinic managers and reception staff to improve how patients book appointments. 2 hours.');
    expect(r.flags.map((f) => f.id)).not.toContain('narrow-mix');
    expect(reviewToText(r)).not.toMatch(/everyone (?:on the list )?is a manager/i);
  });
});

describe('decide: absences (one-off, room-setting, purpose-unclear) from facts', () => {
  const large = { kind: 'inferred' as const, min: 13, max: null, evidence: ['public meeting'] };
  const none = { kind: 'none' as const, evidence: [] };
  it('one-off needs both a stated purpose and follow-up known to be absent', () => {
    expect(ids(facts({ followUp: none }))).toEqual(['one-off']);
    expect(ids(facts({ followUp: none, purpose: { stated: 'unknown', evidence: [] } }))).toEqual([]);
  });
  it('any kind of carrying on (a series, a standing group, actions) is not one-off', () => {
    for (const kind of ['series', 'standing-group', 'actions', 'recurring'] as const) {
      expect(ids(facts({ followUp: { kind, evidence: ['the next residents meeting'] } }))).not.toContain('one-off');
    }
  });
  it('room-setting only for a text that describes a whole meeting still to come', () => {
    expect(ids(facts({ attendance: large }))).toContain('room-setting');
    for (const value of ['report', 'template', 'terms-of-reference', 'unknown'] as const) {
      expect(ids(facts({ attendance: large, genre: { value, forwardLooking: false, occasion: true, evidence: [] } }))).not.toContain('room-setting');
    }
  });
  it('a hybrid event is judged by its room; a described room is not flagged', () => {
    const hybrid = { mode: 'hybrid' as const, roomDescribed: false, roomForTalk: false, roomForConversation: false, evidence: ['hybrid'] };
    expect(ids(facts({ attendance: large, setting: hybrid }))).toContain('room-setting');
    const described = { mode: 'in-person' as const, roomDescribed: true, roomForTalk: false, roomForConversation: false, evidence: ['well ventilated'] };
    expect(ids(facts({ attendance: large, setting: described }))).not.toContain('room-setting');
  });
  it('room-setting is not asked of a text that sends the reader elsewhere for the arrangements', () => {
    const elsewhere = { mode: 'unknown' as const, roomDescribed: false, roomForTalk: false, roomForConversation: false, arrangementsElsewhere: true, evidence: [] };
    expect(ids(facts({ attendance: large, setting: elsewhere }))).toEqual(['large-group']);
    expect(ids(facts({ attendance: large, setting: { ...elsewhere, arrangementsElsewhere: false } }))).toEqual(['large-group', 'room-setting']);
  });
  it('room-setting follows large-group however it was established (a whole body, a kind, a number), as the guide says', () => {
    const whole = { kind: 'inferred' as const, min: 13, max: null, evidence: ['All parents are invited'] };
    expect(ids(facts({ attendance: whole }))).toEqual(['large-group', 'room-setting']);
    expect(ids(facts({ attendance: { ...whole, evidence: ['town hall'] } }))).toEqual(['large-group', 'room-setting']);
    expect(ids(facts({ attendance: { kind: 'stated', min: 40, max: 40, evidence: ['40 staff'] } }))).toContain('room-setting');
    const online = { mode: 'online' as const, roomDescribed: false, roomForTalk: false, roomForConversation: false, evidence: ['Zoom'] };
    expect(ids(facts({ attendance: whole, setting: online }))).toEqual(['large-group']);
  });
  it('room-setting only in a text that says when the meeting is: one that does not describes a kind of meeting', () => {
    const kind = { value: 'unknown' as const, forwardLooking: true, occasion: false, evidence: [] };
    expect(ids(facts({ attendance: { kind: 'stated', min: 40, max: 40, evidence: ['40 staff'] }, genre: kind }))).toEqual(['large-group']);
  });
  it('room-setting does not wait for a stated purpose: a bare notice for a crowd still needs a room', () => {
    expect(ids(facts({ attendance: large, purpose: { stated: 'no', evidence: [] } }))).toEqual(['purpose-unclear', 'large-group', 'room-setting']);
  });
  it('purpose-unclear follows the purpose fact whatever the genre (a text of standing items shows its whole business)', () => {
    const minutes = { value: 'report' as const, forwardLooking: false, occasion: false, evidence: ['minutes'] };
    expect(ids(facts({ genre: minutes, purpose: { stated: 'no', evidence: [] } }))).toEqual(['purpose-unclear']);
    expect(ids(facts({ genre: minutes, purpose: { stated: 'unknown', evidence: [] } }))).toEqual([]);
  });
});
