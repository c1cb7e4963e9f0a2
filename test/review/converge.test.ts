import { describe, expect, it } from 'vitest';
import { convergingEvidence } from '../../src/review/converge.js';
import { decide } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';

const converges = (text: string) => convergingEvidence(text).length > 0;

describe('converge-early: set up to settle a course fixed beforehand', () => {
  it.each([
    'The special meeting is called so members can ratify the tentative agreement.',
    'Members will vote on the proposed changes to the constitution.',
    'Purpose: approve the revised parking policy before it goes to cabinet.',
    'We need sign-off on the new rota from the ward managers.',
    'The panel will decide which of the three shortlisted bids to fund.',
    'Governors are asked to agree the draft behaviour policy circulated last week.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(true);
  });
});

describe('converge-early: not from routine approvals, open choices or reports', () => {
  it.each([
    'Item 2: approve the minutes of the last meeting.',
    'Minutes of the spring meeting as circulated, for approval.',
    'The committee receives and approves its annual accounts.',
    'Residents vote on which local issues the police should tackle first.',
    'Every vote on every motion took longer than planned.',
    'The board agreed last year to meet quarterly. A draft of the strategy was shared later.',
    'Staff can choose from a wide range of workshops in the afternoon.',
    'The chair endorsed this approach at the last meeting.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(false);
  });
  it('quotes only words of the plan', () => {
    const text = 'Shareholders will vote on the merger proposal at the special meeting.';
    for (const e of convergingEvidence(text)) expect(text).toContain(e);
  });
});

describe('converge-early in the facts', () => {
  it('is raised for a ratification meeting and not when the plan explores options first', () => {
    expect(decide(extract('Union meeting: the membership will ratify the tentative agreement by secret ballot.')).map((d) => d.id)).toContain('converge-early');
    expect(decide(extract('We will explore the options together first, then vote on the proposed plan.')).map((d) => d.id)).not.toContain('converge-early');
  });
});

describe('converge-early: deciding whether to take a named course, and seeking buy-in, settle it', () => {
  it.each([
    'Cabinet members will decide whether to close the day centre on Fridays.',
    'Trustees meet to decide whether or not to sell the old school building.',
    'The purpose of the roadshow is to gain staff buy-in for the new shift pattern.',
    'We are seeking buy-in from ward sisters to roll out the electronic handover.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(true);
  });
  it.each([
    'The chair will decide whether the late item is urgent enough to be heard tonight.',
    'Governors decide which of the parents\' questions to answer first.',
  ])('not: %s', (text) => {
    expect(converges(text)).toBe(false);
  });
});

describe('converge-early: one approval in a long list of business is routine', () => {
  const agenda = (items: string[]): string => ['Parish council meeting, Tuesday 7pm', ...items.map((t, i) => `${i + 1}. ${t}`)].join('\n');
  const business = ['Election of chair', 'Declarations of interest', 'Report from the county councillor', 'Play area inspection', 'Correspondence', 'Planning applications received'];
  it('one approval among six other items does not make the meeting converge', () => {
    expect(converges(agenda([...business, 'Approve the revised grass-cutting contract']))).toBe(false);
  });
  it('two approvals in the list do', () => {
    expect(converges(agenda([...business, 'Approve the revised grass-cutting contract', 'Approve the draft budget for next year']))).toBe(true);
  });
  it('a short agenda built around one approval does', () => {
    expect(converges(agenda(['Apologies', 'Approve the revised grass-cutting contract']))).toBe(true);
  });
  it('an approval stated outside the list as well does', () => {
    expect(converges(`The meeting is called to approve the new lease.\n${agenda([...business, 'Approve the new lease'])}`)).toBe(true);
  });
});

describe('converge-early: a question reported from elsewhere is not the meeting exploring', () => {
  const text = 'Members of the credit union will vote on the proposed merger at a special meeting on 3 March. '
    + 'Asked what would happen if members said no, the chief executive said the board would think again.';
  it('the reported question does not count as exploring, so the vote on a proposal converges', () => {
    const f = extract(text);
    expect(f.outcome.explores).toBe(false);
    expect(decide(f).map((d) => d.id)).toContain('converge-early');
  });
  it('the meeting asking the question itself still explores', () => {
    const f = extract('Members of the credit union meet on 3 March to ask what would make the branch worth visiting, before any proposal is drafted.');
    expect(f.outcome.explores).toBe(true);
  });
});

describe('converge-early: both answers open, a vote on a date, a consultation still to come', () => {
  it.each([
    'Members debate each motion and then vote to approve or reject it.',
    'The panel will accept or amend the suggestions from the floor after discussion.',
    'The town will hold a ballot vote on 5 December about the proposed library, and these sessions answer questions before then.',
    'Residents are invited to weigh up the options before the public consultation in the spring.',
  ])('not: %s', (text) => {
    expect(converges(text)).toBe(false);
  });
  it('a vote on a named proposal still converges', () => {
    expect(converges('Shareholders will vote on the proposed merger at the general meeting.')).toBe(true);
  });
});

describe('converge-early: accepting or finalising a named proposal, in either spelling', () => {
  it.each([
    'The adjourned meeting is only for accepting the proposed rule changes and electing officers.',
    'Outcome: finalize the proposed timetable and the forms that go with it.',
    'We will be finalising the draft handbook on the day.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(true);
  });

  it.each([
    'The festival is accepting proposals for workshops until 1 March.',
    'The minutes were confirmed and the proposed date agreed later by email.',
    'Finalists will present their ideas to the panel.',
  ])('not: %s', (text) => {
    expect(converges(text)).toBe(false);
  });
});

describe('converge-early: business a body settles by its own rules, and meetings that settle nothing', () => {
  it.each([
    // the body's standing business: officers, accounts, reports, a generic agenda heading
    'At the annual meeting members ratify the accounts and elect the committee.',
    'The AGM will ratify any elections held for the branch officer posts.',
    'The general meeting shall review and endorse the annual accounts each year.',
    'Voting for approval of the company secretary will be by show of hands.',
    'Treasurer’s report: a motion to accept the reports should be moved and seconded.',
    'Agenda\nWelcome\nMatters for Approval\nMatters for Discussion\nAny Other Business',
    'The vestry meeting covers the election of wardens and the adoption of the annual church budget.',
    // the text says the meeting decides nothing, or the members bring the business
    'Officers consult members on the draft budget at the workshops. No decisions are taken at these workshops.',
    'The forum is a consultation on the proposed bypass; the panel makes no decisions.',
    'Any member can submit motions for the assembly to debate and vote on the proposed rule changes.',
    // a request for information, and a choice still open
    'Please confirm how the chair will make sure every parent is heard before the proposal goes ahead.',
    'Please confirm your attendance; the proposed agenda is attached.',
    'On the night members can choose to accept/reject the proposed amendment.',
    // the recommendations or the draft are what the meeting makes
    'In the final phase the panel will decide which recommendations to put to the council.',
    'The away day moved the trustees towards agreement on their values and let the chair write a draft mission statement.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(false);
  });

  it('items under a heading of a body\'s powers are its standing remit, not one meeting\'s course', () => {
    const remit = 'Members\' Assembly\nThe powers and functions of the Assembly are:\n(i). To consider and adopt policies of the network.\n(ii). To approve the annual plan and budget.\n(iii). To elect the board.';
    expect(converges(remit)).toBe(false);
    // a notice below the list still counts
    expect(converges(`${remit}\n\nThis extraordinary meeting is called to approve the proposed merger with the Northern Network.`)).toBe(true);
  });

  it.each([
    'Members will be asked to ratify the tentative agreement reached with the employer.',
    'The board meets to approve the business case for the new depot.',
    'Governors will agree the draft admissions policy at this meeting.',
    'The consultation event presents the proposed closure of the library, with questions afterwards.',
  ])('still converges: %s', (text) => {
    expect(converges(text)).toBe(true);
  });
});
