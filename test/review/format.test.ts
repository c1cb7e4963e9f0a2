import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';

const format = (text: string) => extract(text).format;

describe('talk versus conversation: reported talks count as talk', () => {
  it.each([
    'The mayor will give remarks on the new transport plan.',
    'Last week the head spoke to parents about the new uniform.',
    'The first talk was given by our finance lead.',
    'She delivered the closing presentation before lunch.',
    'Parents will listen to the teacher explain the timetable.',
    'The chief executive will address the board on the merger.',
  ])('%s', (text) => {
    expect(format(text).talk).toBeGreaterThan(0);
  });
  it('reads an agenda whose lines name their speaker after a dash as talks', () => {
    const f = format('Quarterly network meeting\n- Welcome - Ann Lee\n- Budget overview - Dr Bo Chan\n- Housing update - Cy Park & Di Roy\n- Close');
    expect(f.talk).toBeGreaterThanOrEqual(3);
    expect(f.talkEvidence).toContain('Budget overview - Dr Bo Chan');
  });
  it('does not read an agenda line without a name as a speaker', () => {
    expect(format('Agenda\n- Welcome - coffee and tea\n- Budget - next year').talk).toBe(0);
  });
});

describe('talk versus conversation: sharing information is not conversation', () => {
  it('counts "share their experiences" as conversation, not "share information" or "share our plans"', () => {
    expect(format('Tenants will share their experiences of the repairs service.').conversation).toBeGreaterThan(0);
    expect(format('The council will share information on the budget.').conversation).toBe(0);
    expect(format('We will share our plans for the new library.').conversation).toBe(0);
  });
  it('counts listening to each other as conversation, not listening to a speaker', () => {
    expect(format('We want to listen to residents about the park.').conversation).toBeGreaterThan(0);
    expect(format('Staff will listen to the director set out the year ahead.').conversation).toBe(0);
  });
  it('does not read "talked to each other" or to old friends as a talk', () => {
    expect(format('At the tables people talked to each other about their first year.').talk).toBe(0);
    expect(format('Over lunch they talked to old friends and new neighbours.').talk).toBe(0);
  });
  it('does not read a standing panel of residents as a panel discussion', () => {
    expect(format('The Neighbourhood Panel: residents meet the police each month. It is a panel for the local community.').talk).toBe(0);
    expect(format('Panel: three heads of service answer questions from the floor.').talk).toBeGreaterThan(0);
  });
});

describe('talk versus conversation: a talk only supposed is not the format (review-c)', () => {
  it('does not count talks in a condition or a maybe', () => {
    const f = format('Staff meet each month to plan the rota together. If a colleague wants to give a presentation, they tell the chair first. Guest speakers may sometimes be invited.');
    expect(f.talk).toBe(0);
  });
  it('still counts talks the plan states', () => {
    expect(format('The director will give a presentation, then guest speakers take questions.').talk).toBeGreaterThanOrEqual(2);
  });
});

describe('talk versus conversation: the time left after one part goes to what is named beside it', () => {
  it('gives the remainder to the conversation named before it in the clause', () => {
    const text = 'Each seminar opens with a presentation from a speaker of up to 40 minutes. Discussion follows for the remainder of the seminar.';
    const f = format(text);
    expect(f.conversation).toBeGreaterThanOrEqual(3);
    expect(extract(text).format.talk).toBeLessThanOrEqual(2 * f.conversation);
  });
  it('gives the rest of the time to questions named after it', () => {
    const plain = format('Each author gives a short overview of the poster.');
    const withRest = format('Each author gives a short overview of the poster. The rest of the time is for Q&A with the panel.');
    expect(withRest.talk).toBeGreaterThanOrEqual(plain.talk + 2);
  });
  it('counts tables named after "the remaining time" as conversation', () => {
    expect(format('After a welcome, the remaining time is spent in small group discussion.').conversation).toBeGreaterThanOrEqual(3);
  });
});

describe('talk versus conversation: conversation told as what the participants do', () => {
  it.each([
    'After the update the room will break into groups to talk about priorities.',
    'More than the talks, the day got people talking to each other about what to try.',
    'Residents sat round a table with the housing officers.',
  ])('%s', (text) => {
    expect(format(text).conversation).toBeGreaterThan(0);
  });
  it('keeps a plan of two talks and a short "break into groups" from reading as talk-dominated', () => {
    const text = 'The evening starts with a presentation from the council and a briefing from the police. Then we will break into groups to set priorities.';
    const f = format(text);
    expect(f.talk > 2 * f.conversation).toBe(false);
  });
  it('does not read a speaker talking as the participants talking', () => {
    expect(format('The head of students talking about the new timetable.').conversation).toBe(0);
  });
});

describe('talk versus conversation: one item of a list is one part of the meeting', () => {
  it('counts an item with several talk words once', () => {
    const text = 'Monthly forum\n1. Apologies\n2. Head\'s report / guest speaker presentation (the school gives an update)\n3. Events coming up\n4. Any other business';
    expect(format(text).talk).toBe(1);
  });
  it('still counts separate talk items separately', () => {
    const text = 'Programme\n- Keynote address\n- Panel discussion with Q&A\n- Closing remarks';
    expect(format(text).talk).toBeGreaterThanOrEqual(3);
  });
  it('counts talk words in prose as before', () => {
    expect(format('The keynote speaker gives a presentation, then takes questions from the floor.').talk).toBeGreaterThanOrEqual(3);
  });
});

describe('talk versus conversation: talk told as what the hosts do to the room', () => {
  it.each([
    'Ward councillors answered questions from residents about the parking scheme.',
    'The trust\'s directors will answer your questions on the new clinic.',
    'The chief officer then responded to comments and questions from the committee.',
    'The negotiators will brief the membership on every change.',
    'The purpose of the evening is to inform residents about the plans.',
  ])('%s', (text) => {
    expect(format(text).talk).toBeGreaterThanOrEqual(1);
  });
  it.each([
    'Volunteers will be on hand to answer any questions over tea.',
    'Each team member is asked to answer the three questions in turn.',
  ])('not: %s', (text) => {
    expect(format(text).talk).toBeLessThanOrEqual(0.5);
  });
  it('reads an open house that informs and answers questions as talk-led', () => {
    const f = format('The open house is for officers to:\n- Inform you about the proposal;\n- Inform you about the process;\n- Answer your questions.');
    expect(f.talk).toBeGreaterThanOrEqual(2);
    expect(f.conversation).toBe(0);
  });
});

describe('talk versus conversation: "experience" is conversation only as the participants\' own (rtune)', () => {
  it('the student experience, years of experience or a customer experience programme is not conversation', () => {
    expect(format('Keynote on improving the student experience, then a panel with 20 years of experience in the sector.').conversation).toBe(0);
    expect(format('Presentations on the new customer experience programme, followed by questions.').conversation).toBe(0);
  });
  it('people sharing their own experience is', () => {
    expect(format('Parents share their experiences of the new timetable.').conversation).toBeGreaterThan(0);
    expect(format('Time to swap experiences with other carers over lunch.').conversation).toBeGreaterThan(0);
  });
});

describe('talk versus conversation: a speaker discussing is not the participants\' conversation (rtune)', () => {
  it('speakers or a panel who discuss a subject give a talk', () => {
    expect(format('Our speakers will discuss the new funding rules.').conversation).toBe(0);
    expect(format('A panel of experts will discuss how we work from home.').conversation).toBe(0);
  });
  it('participants who discuss still converse', () => {
    expect(format('Residents will discuss the plans at their tables.').conversation).toBeGreaterThan(0);
  });
});

describe('an event that names itself a talk format is talk unless conversation is told', () => {
  it.each([
    'Virtual town hall with the chief executive\nJoin us online on Thursday at noon. Send your questions in advance.',
    'Research seminar: soil carbon in upland farms. Dr Ann Lee, University of Leeds, Tuesday 4pm.',
    'Parent information session on the new bus routes, Monday 6pm in the school hall.',
    'Panel discussion: what next for the high street? Four local traders and the council leader, Friday 7pm.',
  ])('%s', (text) => {
    expect(format(text).talk).toBeGreaterThanOrEqual(2);
    expect(extract(text).format.talk).toBeGreaterThan(2 * extract(text).format.conversation);
  });

  it('leaves a seminar with several turns of conversation to the cues', () => {
    const f = format('Seminar on rural transport. After a short introduction, people break into small groups to share their experiences and discuss ideas.');
    expect(f.talk).toBeLessThan(2);
  });

  it('does not read a venue such as a lecture theatre as the kind', () => {
    expect(format('The residents\' forum meets in Lecture Theatre 2 on the first Monday of the month.').talk).toBeLessThan(2);
  });
});

describe('a moderator and an audience are the parts of a talk format', () => {
  it.each([
    'The session is moderated by the editor of the local paper, with three guests from the transport board.',
    'Residents can submit questions in advance; the mayor will take them in order.',
    'Each speaker has ten minutes, and the audience then has a chance to comment.',
  ])('%s', (text) => {
    expect(format(text).talk).toBeGreaterThan(0);
  });

  it('does not read a target audience as people in the room', () => {
    expect(format('Our target audience is young carers aged 16 to 25.').talk).toBe(0);
  });
});

describe('listening to a talk and time to ask questions are not conversation', () => {
  it.each([
    'Parents will be given time to ask questions to the visiting psychologist.',
    'Members came to listen to engaging presentations from the three project leads.',
    'Everyone is welcome to stay and listen to the rest of the meeting.',
    'For the full lecture, listen to the podcast below.',
  ])('%s', (text) => {
    expect(format(text).conversation).toBe(0);
  });

  it('still reads listening to people and time to talk as conversation', () => {
    expect(format('The evening is for councillors to listen to residents.').conversation).toBeGreaterThan(0);
    expect(format('There will be time to talk in small groups.').conversation).toBeGreaterThan(0);
  });
});

describe('an exhibition is browsed, not a talk', () => {
  it('does not count an exhibition or its boards as talk', () => {
    expect(format('The exhibition boards show the new road layout; come along any time between 2pm and 7pm.').talk).toBe(0);
  });
});
