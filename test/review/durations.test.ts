import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/review/durations.js';

const minutes = (text: string) => parseDuration(text)?.minutes;

describe('session length: the plan says how long the meeting lasts', () => {
  it.each([
    ['The governors meet three days before term. Each meeting lasts no more than 45 minutes.', 45],
    ['We hold a 30-minute, all-team huddle each morning.', 30],
    ['The forum runs for an hour; the whole session lasts 1 hour and 20 minutes with the coffee.', 80],
    ['The ward team meet for just 10 minutes at the start of the shift.', 10],
    ['Sessions will be online and will last a maximum of one hour.', 60],
  ])('%s', (text, want) => {
    expect(minutes(text)).toBe(want);
  });
});

describe('session length: lengths of a part are not the meeting', () => {
  it('does not read a clock time followed by an agenda item as a length', () => {
    expect(minutes('Agenda\n7:00 Doors open\n7:30 Welcome\n7:40 Minutes of the last meeting\n8:30 Close')).toBe(90);
  });
  it('does not take a turn to speak, an agenda item or question time for the meeting', () => {
    expect(minutes('Residents meeting\nEach agenda item gets about 10 minutes.')).toBeUndefined();
    expect(minutes('Public question time: a total of 10 minutes is allowed for statements.')).toBeUndefined();
    expect(minutes('Talks should be short (15 minutes or so) and informal.')).toBeUndefined();
  });
  it('adds a talk and its questions, and parts that follow one another', () => {
    expect(minutes('In each session, plan to speak for up to 40 minutes, which leaves 10 minutes for questions.')).toBe(50);
    expect(minutes('Please plan to speak for up to 40 minutes.')).toBeUndefined();
    expect(minutes('The director presents for 30 minutes, followed by 40 minutes of questions from staff.')).toBe(70);
  });
  it('reads "4-5 slides" as a number of slides, not an hour', () => {
    expect(minutes('Panellists may use 4-5 slides each.')).toBeUndefined();
  });
  it('skips a point in time and a rate', () => {
    expect(minutes('After half an hour we split into two teams.')).toBeUndefined();
    expect(minutes('For every 30 minutes of lesson time, six were lost.')).toBeUndefined();
  });
  it('still reads a short briefing named in its title line', () => {
    expect(minutes('Weekly volunteer briefing\nSat 8.15am, 15 mins at the start line.')).toBe(15);
  });
});

describe('session length: which numbers are a length of this meeting (review-c)', () => {
  it('reads a range after a month, or before a year, as days, not hours', () => {
    expect(minutes('Regional housing summit, March 3 - 4, 2026, in the civic centre.')).not.toBe(60);
    expect(minutes('The festival runs 10-11 June at the county showground.')).not.toBe(60);
  });
  it('pairs a start and an end said apart', () => {
    expect(minutes('The book club starts at 6:30 pm and finishes at 8 pm.')).toBe(90);
    expect(minutes('Lunchtime talk: we begin at 12:00 PM and end at 1 PM.\nFrom 12:45-1:00 PM there are questions.')).toBe(60);
  });
  it('does not take a moment or a statistic for the meeting, even under a meeting title', () => {
    expect(minutes('Minutes of the Annual Meeting of the Allotment Society\nWe held one minute of silence for a late member during the last year.')).toBeUndefined();
    expect(minutes('Trust board meeting\nStaff said that 4.5 minutes of each visit go on paperwork.')).toBeUndefined();
  });
  it('keeps a short meeting whose own sentence says it is the meeting', () => {
    expect(minutes('The night shift meets for 5 minutes at handover.')).toBe(5);
  });
  it('reads "a few days" as days, so an item\'s limit is not the length', () => {
    expect(minutes('Take the board away for a few days. Keep each topic to no longer than 30 minutes.')).toBeGreaterThan(420);
  });
  it('adds up agenda lines that each end with their length', () => {
    expect(minutes('Team retro\n1. Check-in (10 minutes)\n2. What went well (20 minutes)\n3. What to change (20 minutes)\n4. Actions (10 minutes)')).toBe(60);
  });
});

describe('session length: the length of the wrong thing (issue 10: "duration of the wrong thing")', () => {
  it('reads a length named after its part ("a 30-minute presentation") as that part, not the meeting', () => {
    expect(minutes('Come to the planning day on 3 June. It opens with a 30-minute presentation, then we work at tables.')).toBeUndefined();
    expect(minutes('The residents meeting on 5 April includes a 30-minute Q&A with the mayor.')).toBeUndefined();
    expect(minutes('The summit opens with a 40 minute keynote from the minister.')).toBeUndefined();
    expect(minutes('Guests can join a 45 minute tour of the new wing after the forum.')).toBeUndefined();
  });
  it('reads a length whose subject is a part ("talks should last no more than 15 minutes") as that part', () => {
    expect(minutes('Talks should last no more than 15 minutes. The symposium is on 1 May.')).toBeUndefined();
    expect(minutes('Each speaker has 25 minutes at the seminar.')).toBeUndefined();
  });
  it('does not read an offset (arrive early, submit before) as a length', () => {
    expect(minutes('Please arrive 30 minutes early. The town hall starts at 7pm.')).toBeUndefined();
    expect(minutes('Send your questions at least 30 minutes before the meeting.')).toBeUndefined();
    expect(minutes('Please allow 30 minutes for parking at the stadium.')).toBeUndefined();
  });
  it('still reads time allowed for questions as part of the meeting', () => {
    expect(minutes('Plan to speak for 40 minutes and allow 10 minutes for questions.')).toBe(50);
  });
  it('does not read a rate ("two hours a day in meetings") as a length or a day-long meeting', () => {
    expect(minutes('Managers spend two hours a day in meetings.')).toBeUndefined();
    expect(minutes('Nurses lose 20 minutes a day to paperwork.')).toBeUndefined();
  });
  it('still reads the meeting\'s own short length', () => {
    expect(minutes('We will hold a 40-minute meeting to agree the rota.')).toBe(40);
    expect(minutes('Each session lasts 45 minutes, with a short talk to open it.')).toBe(45);
  });
});

describe('session length: times said after a date, or by what happens at them (rtune)', () => {
  it('reads "7pm start, 8pm finish" and "starts at 9.30am and runs until 4pm"', () => {
    expect(minutes('Residents meeting, Thursday 5 March. 7pm start, 8pm finish.')).toBe(60);
    expect(minutes('The conference starts at 9.30am and runs until 4pm.')).toBe(390);
  });
  it('reads a range with am or pm after a date as hours, a bare one as days', () => {
    expect(minutes('Public meeting on 5 March 7-9pm in the church hall.')).toBe(120);
    expect(minutes('Regional summit, March 7-9, in the civic centre.')).toBeUndefined();
  });
});

describe('session length: how clock times and lengths are written in real notices (rdef)', () => {
  it('reads dotted a.m./p.m., noon and "between ... and ..." as clock ranges', () => {
    expect(minutes('The forum runs from 10:00 a.m. - 11:15 a.m. in the library.')).toBe(75);
    expect(minutes('MINUTES OF THE PARENTS MEETING HELD 7:00 P.M. TO 8:00 P.M. IN THE HALL')).toBe(60);
    expect(minutes('The drop-in is from 12 noon - 1:30 p.m. at the depot.')).toBe(90);
    expect(minutes('The online surgery is between 5pm and 6pm on Monday.')).toBe(60);
  });
  it('does not read a short window to log in ("join between 9.30 and 9.45am") as the session', () => {
    expect(minutes('Please log in between 9.30 and 9.45am so we can check your sound.')).toBeUndefined();
  });
  it('reads one session offered at several times as one session, not the day from first to last', () => {
    expect(minutes('Drop-in sessions:\n- Monday, May 4: 10-11 a.m., Room 2\n- Wednesday, May 6: 2-3 p.m., Room 5')).toBe(60);
    expect(minutes('Choose a session from 9:00 a.m. - 10:00 a.m. or again from 3:00 p.m. - 4:00 p.m.')).toBe(60);
    expect(minutes('The library meeting is 7pm - 8pm; an online meeting is also held 6.30pm - 7.30pm.')).toBe(60);
  });
  it('still reads a day of back-to-back or spaced parts from first start to last end', () => {
    expect(minutes('Programme\n9:00-10:00 Welcome\n10:00-11:00 Discussion\n11:00-12:00 Plenary')).toBe(180);
    expect(minutes('Programme\n9:00-10:00 Welcome\n10:30-11:30 Discussion\n12:00-1:00 Plenary')).toBe(240);
  });
  it('reads "hour-long" and "will last one hour" as lengths', () => {
    expect(minutes('Residents put their questions to the mayor in an hour-long webinar.')).toBe(60);
    expect(minutes('The panels are held at noon and at 4 p.m. Each panel will last one hour.')).toBe(60);
  });
  it('does not read a lower bound, an overrun or a part\'s time as the length', () => {
    expect(minutes('The meeting lasted well over an hour as tenants spoke.')).toBeUndefined();
    expect(minutes('The discussion ran 30 minutes past its planned end.')).toBeUndefined();
    expect(minutes('Ten minutes will be reserved for questions from the floor.')).toBeUndefined();
    expect(minutes('Each resident may take up to 3 minutes to speak at the committee meeting.')).toBeUndefined();
    expect(minutes('We plan an hour in the June council meeting for the budget.')).toBeUndefined();
    expect(minutes('Come to the open day (includes a 20 minute guided walk).')).toBeUndefined();
    expect(minutes('The director spoke for about 30 minutes about the new plan.')).toBeUndefined();
  });
  it('does not read "a huddle a day" or "the morning meeting" as a day or a morning', () => {
    expect(minutes('One huddle a day keeps the ward safe.')).toBeUndefined();
    expect(minutes('Some teams call it the morning meeting; ours is called the Stand.')).toBeUndefined();
  });
});
