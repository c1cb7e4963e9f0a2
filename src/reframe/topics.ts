/**
 * Aspirational rewrites by subject, in the spirit of "Where to Begin": teenage truancy became "how do we
 * make this a good place to grow up in?". Each subject knows who the issue is about (who might be missing
 * from the room) and offers rewrites built from the question's own people and place, so they read as
 * questions a person would ask rather than filled-in templates.
 */

/** The people and place a question names, with defaults that read naturally when it names none. */
export interface Slots {
  /** Plural people the question is about: "older people", "care staff". */
  who: string;
  /** A place as a noun phrase: "the borough", "the estate". */
  place: string;
  /** The place as a phrase after a noun: "in the borough", or "here". */
  placeIn: string;
  /** The thing the question is about, for process and service subjects: "referral process". */
  thing: string;
  /** True when the question named its own people. */
  namedWho: boolean;
  /** True when the question named its own place. */
  namedPlace: boolean;
}

/** One subject: how to recognise it, whom it concerns, and how to ask about it aspirationally. */
export interface Topic {
  id: string;
  /** True when the subject is about the people served, so a staff noun in the question is not "who". */
  served?: boolean;
  /** True for an internal workplace subject (staff, training, teams): outsiders are not who is missing. */
  internal?: boolean;
  re: RegExp;
  who: string;
  missing: (s: Slots) => string[];
  rewrite: (s: Slots) => string[];
}

const at = (s: Slots, fallback: string): string => (s.namedPlace ? s.place : fallback);

/** Subjects, most specific first. */
export const TOPICS: Topic[] = [
  {
    id: 'youth-crime', served: true, who: 'young people',
    re: /\b(?:youth (?:crime|offending|violence)|young (?:offenders|people'?s? (?:crime|offending))|knife crime|gangs?|county lines|juvenile)\b/i,
    missing: () => ['young people, including those who have been in trouble', 'parents and families', 'youth workers and others young people trust'],
    rewrite: (s) => [
      `How do we make ${at(s, 'this')} a good place to grow up in?`,
      `What would make ${at(s, 'our area')} a place where young people feel they belong and have a future worth investing in?`,
      `What are young people ${s.placeIn} already doing that we could get behind?`,
    ],
  },
  {
    id: 'falls', served: true, who: 'older people',
    re: /\b(?:falls|a fall|falling over|trips and falls)\b/i,
    missing: (s) => [`${s.who} themselves`, 'families and carers', 'care staff who help people move about every day'],
    rewrite: (s) => [
      `How can ${s.who} stay active, confident and steady on their feet?`,
      `What helps ${s.who} keep doing the things they love, safely?`,
      `What do ${s.who} say makes them feel confident moving about, and how do we get more of that?`,
    ],
  },
  {
    id: 'loneliness', served: true, who: 'people',
    re: /\b(?:loneliness|lonely|isolation|isolated)\b/i,
    missing: (s) => [`${s.who} themselves`, 'neighbours, community and faith groups', 'local businesses and the places people already meet'],
    rewrite: (s) => [
      `What would it take for ${s.who} ${s.placeIn} to feel connected and valued?`,
      `Where do ${s.who} already find company and belonging, and how could we grow that?`,
      `How might ${s.who} and their neighbours look out for one another?`,
    ],
  },
  {
    id: 'engagement', who: 'people',
    re: /\b(?:not engaging|disengage\w*|non-?compliance|low turnout|engagement|participation|not turning up|hard to reach)\b/i,
    missing: (s) => [s.namedWho ? `${s.who} themselves, especially those who rarely take part` : 'the people we most want to hear from', 'people they already trust', 'people from outside the usual networks'],
    rewrite: (s) => [
      `What would make ${s.who} want to be part of this?`,
      `What do ${s.who} care about most, and how could we start from there?`,
      `When do ${s.who} already take part gladly, and what is different then?`,
    ],
  },
  {
    id: 'school', served: true, who: 'young people',
    re: /\b(?:truancy|attendance at (?:secondary |primary )?schools?|school attendance|exclusions?|underachiev\w*|attainment|pupils?|school|classroom behaviour|ks\d|key stage \d|year \d{1,2}s?)\b/i,
    missing: () => ['pupils, including those who rarely come to school', 'parents and carers', 'teaching assistants, youth workers and others outside the school'],
    rewrite: () => [
      'How do we help every young person look forward to school?',
      'What would make school somewhere every pupil wants to be, each morning?',
      'How could pupils, parents and teachers shape a school day that works for all of them?',
    ],
  },
  {
    id: 'students', served: true, who: 'students',
    // A course or a university named alone ("a community–university conference") is not about students leaving.
    re: /\b(?:students?|drop-?out|retention of students|first[- ]year (?:students|undergraduates|cohort)|freshers|(?:course|university|college) (?:withdrawals?|dropouts?|completion|retention|attrition)|(?:leav\w*|quit\w*|drop\w* out of|withdraw\w* from) (?:the |their |a )?(?:course|university|college))\b/i,
    missing: () => ['students, including those who nearly left', 'personal tutors and support staff', 'students\' union officers'],
    rewrite: () => [
      'What would help every student feel they belong from their first week?',
      'What makes students glad they stayed, and how do we give that to more of them?',
      'How could students and staff design the first year together?',
    ],
  },
  {
    id: 'health-access', served: true, who: 'patients',
    re: /\b(?:a&e|emergency department|waiting (?:times|lists)|long waits|bed[- ]blocking|delayed discharges?|readmissions?|handover delays|gp access|appointments?|outpatients?|discharge)\b/i,
    missing: () => ['patients and their families', 'front-line clinical and reception staff', 'community and social care services'],
    rewrite: (s) => [
      `What would a good experience of ${s.namedPlace ? s.place.replace(/^the /, '') : 'care here'} look like for a patient and their family?`,
      'What would it take for patients to get the right care, in the right place, at the right time?',
      'Where does care already flow well for patients, and what could we learn from it?',
    ],
  },
  {
    id: 'training', who: 'colleagues', internal: true,
    re: /\b(?:mandatory|mandated|compliance|statutory) training\b|\btraining (?:completion|compliance|requirements)\b|\be-?learning\b/i,
    missing: () => ['colleagues who have not completed the training yet, and what gets in their way', 'the people who design and run the training', 'managers who release people for it'],
    rewrite: () => [
      'What would make this training feel worth people\'s time?',
      'When does learning here work best for people, and how do we get more of that?',
      'What would help everyone find the time and reason to keep their skills current?',
    ],
  },
  {
    id: 'staff', who: 'colleagues', internal: true,
    re: /\b(?:staff morale|morale|sickness absence|sickness|burnout|turnover|retention|absenteeism|wellbeing at work)\b|\b(?:staff|employees?|colleagues|nurses|midwives|teachers|doctors|social workers|care workers|clinicians|new starters|starters|engineers|developers|apprentices)\b[^?.]{0,40}\b(?:leav(?:e|es|ing)|quit\w*|resign\w*)\b|\blosing (?:good |great |experienced |skilled |talented )?(?:staff|employees|colleagues|nurses|midwives|teachers|doctors|social workers|care workers|clinicians|apprentices)\b/i,
    missing: () => ['front-line staff on every shift, not only their managers', 'people who have recently joined, and people who have recently left'],
    rewrite: (s) => [
      `What makes ${at(s, 'this')} a place where people love to work?`,
      'When do people here feel at their best at work, and how do we get more of that?',
      `What would help ${s.who} feel valued, well and proud of their work?`,
    ],
  },
  {
    id: 'process', who: 'the people who use it',
    re: /\b(?:process|referrals?|backlog|repairs|paperwork|bureaucracy|system|pathway|handoffs?)\b/i,
    missing: () => ['people who use the process, on both sides of it', 'front-line staff who work it every day', 'the teams just before and just after it'],
    rewrite: (s) => [
      `How can the ${s.thing} feel simple for the people who use it and the people who run it?`,
      `What would a really good ${s.thing} look like for everyone who relies on it?`,
      `Where does the ${s.thing} already work well, and what makes the difference?`,
    ],
  },
  {
    id: 'speak-up', internal: true, who: 'colleagues',
    re: /\b(?:near miss(?:es)?|report(?:ing)? (?:incidents|concerns|errors|mistakes)|speak(?:ing)? up|whistleblow\w*|medication errors?|mistakes|errors)\b/i,
    missing: () => ['front-line staff on every shift, not only their managers', 'people who have raised a concern before', 'patients or customers who noticed something first'],
    rewrite: () => [
      'What would make it feel safe and worthwhile for people here to speak up early?',
      'When do people here raise a concern straight away, and what makes that possible?',
      'How could we learn from what nearly went wrong as readily as from what went well?',
    ],
  },
  {
    id: 'delivery', internal: true, who: 'the people who use what we build',
    re: /\b(?:projects?|releases?|deployments?|production|outages?|incidents?|bugs|defects|launch(?:es)?|software)\b/i,
    missing: () => ['the people who use what we build', 'support and operations colleagues', 'newer team members who see things afresh'],
    rewrite: () => [
      'What helps our best work go well, and how do we get more of that?',
      'What would it take for us to ship changes we feel confident about?',
      'When has this gone really well, and what made the difference?',
    ],
  },
  {
    id: 'homes', served: true, who: 'people who have been homeless',
    re: /\b(?:homelessness|homeless|rough sleep\w*)\b/i,
    missing: () => ['people who have experienced homelessness', 'landlords and housing providers', 'faith and community groups already helping'],
    rewrite: (s) => [
      `What would it take for everyone ${s.placeIn} to have a safe, settled home?`,
      'What helps people keep their homes when life gets hard, and how could that be easier to find?',
      'How could people who have been homeless help design the support that works?',
    ],
  },
  {
    id: 'uptake', who: 'people',
    re: /\b(?:flu jabs?|vaccinations?|vaccines?|jabs|screening|health checks?|uptake|take-?up)\b/i,
    missing: (s) => [`${s.who} themselves, including those who said no`, 'trusted peers and champions', 'the people who offer it day to day'],
    rewrite: (s) => [
      `What would make ${s.thing} an easy yes for ${s.who}?`,
      `What helps ${s.who} look after their own health, and how could we make that easier?`,
      `Who among ${s.who} already champions this, and what do they know that we don't?`,
    ],
  },
  {
    id: 'wellbeing', who: 'people',
    re: /\b(?:drugs?|drug-related|alcohol|addiction|substance|overdoses?|deaths?|obesity|smoking)\b/i,
    missing: () => ['people with lived experience', 'families and friends', 'community groups and peer supporters'],
    rewrite: (s) => [
      `What helps people ${s.placeIn} live well and stay connected to the people who care about them?`,
      'How could people with lived experience shape support that reaches people early?',
      `What would it look like if ${at(s, 'this place')} looked after everyone's wellbeing?`,
    ],
  },
  {
    id: 'safety', served: true, who: 'residents',
    re: /\b(?:crime|offending|anti-?social|asb|burglar\w*|drug dealing|violence|street drinking|begging|community safety)\b/i,
    missing: () => ['residents, including young people', 'local businesses and traders', 'people from outside the usual policing and council networks'],
    rewrite: (s) => [
      `What would make ${at(s, 'our neighbourhood')} feel safe and welcoming for everyone who lives and works there?`,
      `Where do people ${s.placeIn} already look out for each other, and how could we grow that?`,
      `What would it take for ${at(s, 'this area')} to be somewhere people are glad to spend time?`,
    ],
  },
  {
    id: 'streets', served: true, who: 'residents',
    re: /\b(?:fly-?tipping|litter\w*|graffiti|vandalism|dog fouling|rubbish|dumping)\b/i,
    missing: () => ['residents and tenants', 'local businesses and schools', 'volunteers and community groups'],
    rewrite: (s) => [
      `How do we make ${at(s, 'our streets')} somewhere we are all proud of?`,
      `What would make ${at(s, 'our streets')} somewhere people want to look after?`,
      `How could residents and the council look after ${at(s, 'our streets')} together?`,
    ],
  },
  {
    id: 'silos', internal: true, who: 'colleagues across teams',
    re: /\b(?:silos?|silo working|working in silos|joined[- ]up|partnership working)\b/i,
    missing: () => ['people who connect across teams and organisations', 'front-line staff from each side', 'the people who fall between the services'],
    rewrite: () => [
      'Where do people across teams already work well together, and what makes it work?',
      'What could we achieve together that none of us can alone?',
      'What would it feel like to work as one team for the people we serve?',
    ],
  },
  {
    id: 'green', who: 'everyone who uses the place',
    re: /\b(?:carbon|emissions|pollution|energy use|climate)\b/i,
    missing: () => ['students, residents or staff who use the place every day', 'local groups already acting on climate', 'suppliers and neighbours'],
    rewrite: (s) => [
      `What would a greener ${at(s, 'place').replace(/^the /, '')} look like, and who would love to help build it?`,
      `How could everyone ${s.placeIn} play a part in a healthier environment?`,
    ],
  },
  {
    id: 'money', who: 'the people we serve',
    re: /\b(?:budget|cuts|overspend|savings|deficit|shortfall|funding)\b/i,
    missing: () => ['the people who use the services affected', 'front-line staff who see where money helps most'],
    rewrite: () => [
      'What matters most to the people we serve, and how do we protect it together?',
      'What could we do differently if we designed this with the people who use it?',
    ],
  },
];

/** Rewrites for a subject the table does not know: general, but still questions a person would ask. */
export function genericRewrites(s: Slots): string[] {
  return [
    `What would it look like if this were going really well ${s.placeIn}, and who would notice first?`,
    'Where is this already working well, and what could we learn from it?',
    s.namedWho ? `What would make ${s.who} want to be part of the answer?` : 'What would make everyone affected want to be part of the answer?',
  ];
}

/** Who is usually missing, whatever the subject: the seed's front-line staff and wider networks. */
export const ALWAYS_MISSING = ['front-line staff who see this every day', 'people from outside the usual networks, such as community groups, local businesses and faith groups'];
/** The general reminder for an internal workplace question: other levels and teams, not the community. */
export const INTERNAL_MISSING = ['front-line staff who see this every day', 'people from other teams and levels who see it differently'];
/**
 * Words that set a question inside the workplace (its people, their jobs and the organisation's own tools),
 * when no topic says so: "Why do new starters leave within six months?", "Why is nobody using the intranet?".
 */
export const INTERNAL_QUESTION =
  /\b(?:staff|employees?|employers?|colleagues|workforce|team members|our people|managers|line managers|hr|recruitment|retention|morale|mandatory training|sick(?:ness)? (?:leave|absence)|absenteeism|presenteeism|appraisals?|one-to-ones|performance reviews?|induction|onboarding|new starters?|starters|new joiners|joiners|leavers|exit interviews?|payroll|pay rise|salar(?:y|ies)|overtime|rotas?|shifts?|timesheets?|expenses claims?|intranet|deadlines|workload|workplace|hybrid working|hiring|job adverts?|(?:job|engineering|senior|leadership) roles|engineers|developers|nurses|doctors|teachers|social workers|midwives|care workers|clinicians|apprentices|trainees|call handlers|job applicants|applicants|vacancies|redundanc(?:y|ies)|lay-?offs?|restructur\w*|downsizing|sales|revenue|profits?|sprints?|retrospectives?|projects?|(?:our|the|my|your) (?:team|company|business|organi[sz]ation|department|office|board)|teams|blockers?|blocking you|unblock\w*|bottlenecks?|your (?:manager|role|job|current project)|direct reports?|one-on-ones?|1[:-]1s?)\b/i;
/** People outside the organisation: a question naming them is not internal. */
export const OUTSIDE_PEOPLE = /\b(?:residents?|patients?|pupils?|students?|customers?|clients?|service users?|tenants?|citizens?|families|parents|carers|young people|children|public|community|communities)\b/i;
