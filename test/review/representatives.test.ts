import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';

const reps = (text: string) => extract(text).representatives.value;

describe('representatives: people who come for a body', () => {
  it.each([
    'Panel members, who represent local traders and tenants, set the priorities.',
    'Invitations go to the lead contact in each member organisation.',
    'Twelve districts were invited to send their planning officers.',
    'I went as a deputy for the cabinet member, who was away.',
    'The board is constituted of a range of health, council and charity organisations.',
    'The multi-agency panel decides the level of risk for each referral.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'A multi-agency meeting on discharge with ward managers and community nurses.',
    'Residents who came were not representative of the whole estate.',
    'Questions to a representative of the developer will be taken at the end.',
    'Presenters will include representatives from the county council and the chamber of commerce.',
    'Each bidder sends a representative of the proposal, who then has the chance to present it to the board.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
});

describe('representatives: who attends for a body, not who speaks for classmates or is mentioned (review-c)', () => {
  it.each([
    'Each class elects two class reps, who meet the head of year every half term.',
    'Our student reps joined staff at the away day.',
    'Parents from each year act as representatives for others and bring their questions along.',
    'Reps are elected by the pupils of each tutor group and meet once a month.',
    'Item 6: to note the Liaison Representatives\u2019 reports.',
    'Representatives from two local charities will lead the small-group discussions.',
    'Slate of nominees for the trustee election',
    'Meet your elected representatives at the ward surgery on Friday.',
    'A customer service representative will call you to confirm your place.',
    'Representatives will be on hand at the stalls to answer questions about the scheme.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
  it.each([
    'The forum brings together representatives from the council, the police and three housing associations.',
    'Each partner agency sends a representative to the quarterly panel.',
    'Nominees from each member association sit on the executive.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
});

describe('representatives: words that speak of a body, not of who attends (rtune)', () => {
  it.each([
    'On behalf of the board of trustees, I am delighted to invite you to our spring conference.',
    'I am writing on behalf of the organising team to invite you to the planning workshop.',
    'The chamber, representing over 400 local firms, is holding a breakfast briefing on business rates.',
    'Our network of 60 member organisations meets in June to plan the winter shelter.',
    'The college is the representative body for the profession and will hold a summit in October.',
    'The band, Grammy-nominated last year, will open the festival.',
    'She was nominated for a national award; the launch celebrates the new centre with local families.',
    'Speakers representing the NHS, the council and two charities will share their experience.',
    'At the public meeting, representatives of the trust presented the plans and answered questions from residents.',
  ])('%s', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
  it.each([
    'Each partner agency is asked to send one representative to the forum.',
    'We invite each agency to attend on behalf of their organisation.',
    'The Carers Forum Representative Group met to plan the training evening.',
  ])('still reads delegates: %s', (text) => {
    expect(reps(text)).toBe('yes');
  });
});

describe('representatives: a bare "representative" needs a body beside it, and is not the host side (rroom, s24)', () => {
  it.each([
    // A people's constituency or the adjective, not a body.
    'Tenant representatives agree the time and place of each meeting.',
    'The steering group has one representative from each phase of the estate.',
    'The forum aims to be representative of everyone who uses the centre.',
    // Choosing representatives is business, not who attends.
    'Item 7: election of lay representatives to the deanery synod.',
    'Two vacant consumer representative positions will be filled at this meeting.',
    // The officials people come to meet or question.
    'A police representative will be there to answer any questions you may have.',
    'Residents will be joined on the panel by a senior representative from the fire service.',
    'A housing officer and a council representative will attend so that you can raise any repairs.',
    // A deputy in someone's place.
    'If heads of department are unable to attend, they may send a representative.',
    // Speaking for views, or politicians for parties.
    'The parent forum members attend representing the views of all parents in their year.',
    'A panel debate with councillors representing the three political groups follows the AGM.',
    // A collective acting, a role in the room, organisations invited onto the programme.
    'The accounts show what the governors have done on behalf of the members this year.',
    'If the chair is absent, those present shall nominate another member to act as chair.',
    'All village organisations are invited to give a short report on their year.',
    // No body named anywhere near the word.
    'Active participation is sought from all representatives at every meeting.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
  it.each([
    'Representatives from Oxfam and two local food banks will take part in the round table.',
    'The OSCE representatives and the host ministry will review the draft action plan.',
    'Around forty delegations are expected for the two-day consultation.',
    'Nearly ninety delegates attended from councils, health trusts and housing associations.',
    'We welcomed 120 nonprofits, public agencies and funders to the spring convening.',
    'Board members nominated by each partner agency attend the quarterly review.',
    'If you cannot attend, please send a colleague to represent your organisation at the meeting.',
    'The panel is quorate when three agencies are represented by officers who can make decisions.',
  ])('still reads delegates: %s', (text) => {
    expect(reps(text)).toBe('yes');
  });
});

describe('representatives: delegates named by what sends them, and attendance lists by body (rreps2)', () => {
  it.each([
    'Each region has two voting delegates at the national assembly in May.',
    'Branch delegates must register with head office a week before conference.',
    'Government delegates speak first, then observers from the floor.',
    'Good morning, distinguished delegates, and welcome to the second day of the briefing.',
    'Every branch is entitled to be represented at the annual conference.',
    'It is a condition of membership that all members are represented at the general assembly.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'Over 300 delegates enjoyed two days of talks and workshops.',
    'Women are still under-represented at board level.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
  it('a minutes list that names each person with their body', () => {
    const minutes = 'Flood Group minutes\n3 March\nPresent:\nJo Bell - Castle Parish Council\nAmir Khan - County Fire Service\nLiz Ward (EA)\nTom Pike, Riverside Housing Trust\nSue Hall - Wildlife Trust\n\n1. Welcome';
    expect(reps(minutes)).toBe('yes');
    expect(extract(minutes).representatives.evidence[0]).toContain('Jo Bell');
  });
  it.each([
    ['people listed by their post', 'Village meeting\nPanel at the front:\nJo Bell - Chair of the Parish Council\nAmir Khan - Treasurer of the Tenants Association\nLiz Ward - Head of Housing at the District Council\nTom Pike - Director of the Leisure Trust\n\nThe meeting opened at 7pm.'],
    ['the speakers', 'Spring conference\nSpeakers\nJo Bell - Castle Parish Council\nAmir Khan - County Fire Service\nLiz Ward - Riverside Housing Trust\nTom Pike - Wildlife Trust\n\nBook your place now.'],
    ['too short a list', 'Notes\nPresent:\nJo Bell - Castle Parish Council\nAmir Khan - County Fire Service\nLiz Ward\n\nActions below.'],
  ])('not from %s', (_, text) => {
    expect(reps(text)).not.toBe('yes');
  });
});

describe('representatives: a body named after a people\'s cue, community representatives, partners meeting (rreps2)', () => {
  it.each([
    'The synod is made up of the clergy and lay representatives of parishes, elected every three years.',
    'Over ninety people came as representatives of their parish communities.',
    'Ward officers meet residents and other community representatives each quarter.',
    'The plan is agreed with representatives from the local community.',
    'County partners met in Hove to launch the active travel year.',
    'Lead contacts from the regional partners came together to share what works.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'Each class elects two class reps, who meet the head of year every half term.',
    'Lay representatives sit on the patient panel for two years.',
    'The group aims to be representative of the community it serves.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
});

describe('representatives: bodies represented, partners brought together, cities sending people (rreps2)', () => {
  it.each([
    'By my count nine faith groups were represented at the first meeting.',
    'The partnership brings together local partners to plan the summer programme.',
    'Representatives from each of the five cities will compare their plans.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'Women and younger people are under-represented on the committee.',
    'The case was represented by a solicitor at the hearing.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
});

describe('representatives: places allotted per body, partners invited (rreps2)', () => {
  it.each([
    'Numbers are limited to two participants per member state.',
    'We will make sure at least one participant from each organisation can join.',
    'The hub would like to invite all of our partners and associate members to Madrid.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it.each([
    'Accounts are filed as per company rules each year.',
    'There is a budget of £500 for each council ward.',
  ])('not from "%s"', (text) => {
    expect(reps(text)).not.toBe('yes');
  });
});

describe('representatives: every body present or invited, bodies nominating their staff (rreps2)', () => {
  it.each([
    'The chair asked for a short update from all associations present.',
    'Each agency invited to attend should send its report two days before.',
    'Member governments are invited to nominate their national experts to the working group.',
  ])('%s', (text) => {
    expect(reps(text)).toBe('yes');
  });
  it('not from a body that is simply named', () => {
    expect(reps('The association will hold a quiz night in the church hall.')).not.toBe('yes');
  });
});
