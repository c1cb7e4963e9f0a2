/**
 * Vocabularies the review reads plans with. They follow the seed's own distinctions: levels ("chief
 * executives and front-line staff"), the people an issue is about ("customers/clients/service
 * users/citizens"), representatives versus individuals, presentations versus conversation, exploring
 * before deciding, continuing relationships, and the room. Kept as data so they can grow without
 * touching the rules.
 */

/** Organisational level of a role, in the seed's sense of "different levels". */
export type Level = 'senior' | 'middle' | 'front-line';

/** Roles by level. Order matters: the first pattern that matches a phrase decides its level. */
export const ROLE_LEVELS: Array<[Level, RegExp]> = [
  ['front-line', /\bsenior (?:engineers?|developers?|nurses?|practitioners?|social workers?|lecturers?|designers?|analysts?)\b|\blead nurses?\b/gi],
  ['senior', /\b(?:chief executives?|chief execs?|ceos?|cex|chief officers?|chief constables?|(?:deputy |executive |strategic )?directors?|execs?|executives?|exec team|board members?|board(?<!(?:advisory|delivery|programme|project|partnership|safeguarding) board)(?= meeting)|the board|trustees?|governors?|goverors|slt|senior leaders(?:hip)?(?: team)?|senior management(?: team)?|senior managers?|leadership team|heads? of service|heads? of (?!year|department|dept)\w+|headteachers?|head teachers?|(?:the )?head(?= *[,+&]| and\b)|deputy heads?|deputies|ahts?|assistant heads?|principals?|vice[- ]chancellors?|pro[- ]vcs?|vc's executive|deans?|cabinet(?: members?)?|councillors?|elected members?|commissioners?|ctos?|cfos?|coos?|cios?|vps?|chief inspectors?|superintendents?|(?:corporate|extended|executive) (?:leadership|management) team|clt|elt|cmt)\b/gi],
  ['middle', /\b(?:(?:team|service|practice|ward|programme|project|clinic|clinical|commissioning|care home|engineering|product|general|line|middle|department|area|operations|site|centre)[- ]?managers?|managers?|team lead(?:er)?s?|(?:gp|clinical|service|programme|practice|sre|support|squad|tech|design|safeguarding) leads?|leads|supervisors?|coordinators?|co-ordinators?|matrons?|heads? of (?:year|department|dept)|hods|sergeants?|sgt|inspectors?|pms?(?<!\d\s?pms?)|product managers?|product owners?|ward sisters?|charge nurses?|nurse in charge)\b/gi],
  ['front-line', /\b(?:front[- ]?line(?: staff| workers?| colleagues)?|nurses?|hcas?|healthcare assistants?|doctors?|gps|gp|consultants|clinicians?|receptionists?|porters?|(?:ward )?clerks?|cleaners?|caretakers?|care workers?|support workers?|social workers?|youth workers?|teachers?|teaching assistants?|tas|lecturers?|tutors?|mentors?|developers?|devs|engineers?|designers?|analysts?|testers?|call handlers?|advisers?|advisors?|(?:housing|police|probation|council|neighbourhood) officers?|pcsos?|paramedics?|pharmacists?|therapists?|health visitors?|midwives?|librarians?|rangers?|operators?|drivers?|planners?|practitioners?|case workers?|caseworkers?|officers)\b/gi],
];

/** Phrases that say the invitees span levels or grades on purpose. */
export const MIXED_LEVEL_CUES =
  /\b(?:any (?:grade|level|team|role)|all (?:grades|levels|roles)|every (?:level|grade)|all[- ]staff|whole (?:company|organisation|organization|team|staff|squad|service)|from (?:the )?(?:chief executives?|ceos?|board|directors?)\b[^.]{0,40}\bto\b|mix of (?:levels|grades|roles)|all (?:the )?(?:teaching |support )?staff)\b/gi;

/** A kind of person an issue can be about, with the families that count as "them" in the room. */
export interface Group {
  name: string;
  re: RegExp;
  families: string[];
}

/** Groups of people the seed says are essential: clients, service users, citizens and the like. */
export const GROUPS: Group[] = [
  { name: 'young people', re: /\b(?:young (?:people|person|carers?|offenders?|adults?|residents)|youth(?! (?:services?|workers?|club|offending|team|justice|work|leaders?|provision|officers?))|teenagers?|teens|adolescents|care leavers|school leavers|sixth[- ]formers|year ?\d{1,2}s|young ones)\b/gi, families: ['young'] },
  { name: 'children', re: /\b(?:children|child|kids)(?!'s (?:services|centre|social care))\b/gi, families: ['young', 'parent'] },
  { name: 'pupils', re: /\b(?:pupils?|school council|ks\d|key stage \d|send(?= (?:pupils|children|students|learners|provision|policy|support|needs|team|review|code|reforms?|system|strategy|cohort|register)\b)|send(?<=\b(?:with|and|for|of) send)\b(?! (?:a|an|the|out|round|back|in|over|it|them|us|you|me|to|\d|one|two|three|four|five|delegates|reps|representatives|someone|your|their|our|his|her)\b))\b/gi, families: ['young', 'parent'] },
  { name: 'students', re: /\b(?:students?|learners?|undergraduates?|trainees?|apprentices?)\b/gi, families: ['student', 'young'] },
  { name: 'parents', re: /\b(?:parents?|families|family|mums|dads|guardians)\b/gi, families: ['parent', 'patient', 'resident'] },
  { name: 'older people', re: /\b(?:older (?:people|residents|adults|person)|elderly|pensioners|frail\w*)\b/gi, families: ['older', 'patient', 'resident'] },
  { name: 'patients', re: /\b(?:patients?(?! (?:safety|flow|records?|data|experience team|administration))|ppg|healthwatch|patient participation|patient representatives?)\b/gi, families: ['patient'] },
  { name: 'carers', re: /\b(?:carers?|family carers?)\b/gi, families: ['carer', 'patient', 'parent'] },
  { name: 'service users', re: /\b(?:service users?|people who use (?:our |the )?services?|(?:people )?with lived experience|lived experience|experts by experience|people we (?:support|serve))\b/gi, families: ['patient', 'customer', 'resident', 'carer'] },
  { name: 'tenants', re: /\b(?:tenants?|leaseholders?|householders?)\b/gi, families: ['resident'] },
  { name: 'residents', re: /\b(?:residents?|local people|locals|villagers|neighbours|the public|members of the public|public|citizens?|communit(?:y|ies) members?|people who live|everyone who lives|shop owners?|local business(?:es)?(?: owners?)?|traders)\b/gi, families: ['resident', 'customer'] },
  { name: 'customers', re: /\b(?:customers?|clients?|users?(?! interviews?| research)|consumers?|members(?= of the (?:club|scheme|service)))\b/gi, families: ['customer'] },
  { name: 'volunteers', re: /\b(?:volunteers)\b/gi, families: ['volunteer'] },
  { name: 'homeless people', re: /\b(?:homeless people|people (?:who are|experiencing) homeless(?:ness)?|rough sleepers)\b/gi, families: ['resident', 'homeless'] },
];

/**
 * What an issue is about, when the plan names a topic rather than the people: youth crime is about
 * young people, A&E about patients, an estate about its tenants.
 */
export const TOPIC_GROUPS: Array<{ re: RegExp; groups: string[] }> = [
  { re: /\b(?:youth|teenage|juvenile|knife crime|gangs?|county lines|grow(?:ing)? up)\b/gi, groups: ['young people'] },
  { re: /\b(?:truancy|school|schools|exclusions?|persistent absen\w+|pupil absence|attainment|underachiev\w*|disadvantaged pupils|gcses?|a-levels?|sats|y(?:ear ?)?\d{1,2}|send (?:policy|provision)|curriculum|classrooms?|behaviour (?:policy|problem)|attendance (?:policy|at school)|ks\d)\b/gi, groups: ['pupils'] },
  { re: /\b(?:crime|offending|(?:serious )?violence|anti-?social|asb|burglar(?:y|ies)|drug dealing|community safety|policing|fly-?tipping|vandalism|graffiti|street drinking|begging)\b/gi, groups: ['residents'] },
  { re: /\b(?:hospital|a&e|emergency (?:care|department)|urgent care|outpatients?|clinics?|readmissions?|discharges?|ambulance|frailty|pathway|mental health|gp (?:access|practice|surgery)|patient|nhs|waiting (?:times|lists)|care homes?|dementia|social care|on the wards?|falls|medication|pressure (?:ulcers|sores)|serious incidents?|clinical (?:incidents?|governance|safety|care)|elective|integrated care|ics|icb)\b/gi, groups: ['patients'] },
  { re: /\b(?:later life|old age|ageing|aging|retire(?:ment|d)|over[- ]?(?:60|65|70|75|80)s)\b/gi, groups: ['older people'] },
  { re: /\b(?:day (?:centres?|services|opportunities)|care and support|get care|social care|adult care|care (?:services|packages?|assessments?)|support services|safeguarding adults)\b/gi, groups: ['service users'] },
  { re: /\b(?:estates?|housing|arrears|homes|tenancy|repairs|damp|mould|disrepair|homelessness|regeneration|rent)\b/gi, groups: ['residents'] },
  { re: /\b(?:town centre|high street|neighbourhoods?|village|streets?|parks?|libraries|library|waste|bins|recycling|council tax)\b/gi, groups: ['residents'] },
  { re: /\b(?:(?:front[- ]door|public|council|local|community|customer|support|our) services?)\b/gi, groups: ['service users'] },
  { re: /\b(?:website|app|(?:onboarding|sign[- ]?up|checkout|booking|user|customer) (?:flow|journey|process|experience))\b/gi, groups: ['customers'] },
  { re: /\b(?:university|students?|nss|assessment regulations|student (?:experience|mental health|support)|campus|degree|course)\b/gi, groups: ['students'] },
  { re: /\b(?:carers?)\b/gi, groups: ['carers'] },
];

/** Routines of one team about its own work: they are not meant to hold the whole system. */
export const TEAM_ROUTINE =
  /\b(?:huddles?|stand-?ups?|daily scrum|retros?|retrospectives?|(?:shift|nursing|ward|clinical) handovers?|handover meeting|safety briefing|shift briefing|start of (?:every|each|the) shift|shift change|every shift|practice forum|peer (?:review|support|learning)|reflective practice|action learning set|supervision|1:1|one-to-ones?|sprint(?: \d+)? (?:planning|review)|backlog refinement)\b/gi;

/** Words that say who is coming, introducing an invitee list. */
export const INVITEE_LABEL =
  /^(?:invitees?|invited|attendees?|attending|participants?|who|who's coming|people|audience|delegates|present|guests?|members|membership)\s*[:-]\s*/i;
/** Lines that list who speaks, not who takes part. */
export const SPEAKER_LABEL =
  /^(?:speakers?|presenters?|panellists?|keynote speakers?|guest speakers?|chair(?:ed by)?|facilitators?|hosts?)\s*[:-]\s*/i;
/** Agenda items that are housekeeping rather than the meeting's business. */
export const PROCEDURAL_ITEM =
  /^(?:apologies|minutes|matters arising|declarations?|aob|any other business|welcome|introductions?|arrival|registration|coffee|tea|lunch|break|close|closing|finish|end|refreshments|networking|date of next|chair'?s (?:welcome|remarks)|evening drinks|drinks|housekeeping|comfort break)\b/i;
/** Approving the minutes or the agenda is housekeeping, not converging on a course of action. */
export const PROCEDURAL_APPROVAL =
  /\b(?:approv\w*|agree\w*|sign(?:ing)?[- ]?off|confirm\w*|accept\w*)\s+(?:of\s+)?(?:the\s+)?(?:previous\s+|last\s+)?(?:minutes|agenda|apologies)\b|\b(?:minutes|agenda)\s+(?:\w+\s+){0,4}?(?:to be\s+)?(?:approved|agreed|confirmed)\b/gi;
/** Asking when to meet is not saying what the meeting is for. */
export const SCHEDULING =
  /\b(?:can we(?<!(?:how|what|where|why) can we) (?:find|meet|get together|catch up|grab|book|schedule|move|pencil)|are you (?:free|around|available)|(?:does|would|will) [^?]{0,30}\bwork for|find (?:a |an )?(?:time|hour|slot|date|half an hour)|what time|when (?:are|is|can|would)|free (?:on|next|this)|any chance)\b/i;

/** Labels that say a line is about something else. */
export const OTHER_LABEL =
  /^(?:agenda|format|after|follow[- ]?up|next steps|papers|venue|where|when|date|time|duration|length|purpose|aim|aims|goal|objectives?|question|topic|theme|why|outcome|notes?)\s*[:-]\s*/i;
/** Labels that introduce the purpose or question. */
export const PURPOSE_LABEL = /^(?:purpose|aim|aims|goal|goals|objectives?|question|topic|theme|why|focus|outcome|subject|item|items|issue|for decision|for discussion)\s*[:-]\s*/i;

/** Meeting nouns: "<meeting> with X", "<meeting> for X" name the invitees. */
export const MEETING_NOUN =
  '(?:meeting|mtg|session|workshop|event|chat|forum|lunch (?:&|and) learns?|seminars?|teach-ins?|show[- ]and[- ]tell|masterclass|training|morning|afternoon|evening|lunch|day|huddle|drop-in|briefing|town hall|consultation|conversation|circle|call|catch[- ]?up|summit|conference|gathering|get[- ]together|panel|group|retro|review|discussion|walkabout|visit)';

/** Organisations and sectors, so "from police, health and education" counts as an invitee list. */
export const ORGS =
  /\b(?:police|constabulary|council|councils|local authorit(?:y|ies)|housing associations?|housing assoc|fire (?:service|brigade)|nhs|(?:acute |ambulance |community |neighbouring |mental health )?trusts?|icb|ics|hospitals?|ambulance|health|education|schools?|universit(?:y|ies)|colleges?|gp practices?|practices|charit(?:y|ies)|voluntary sector|vcs\w*|social care|probation|agenc(?:y|ies)|statutory agencies|partner organisations?|partners?|organisations?|organizations?|departments?|directorates?|faith groups?|community groups?|businesses|food bank|library|providers?|commissioners?|home office|government)\b/gi;

/**
 * Who is asked to answer, read just behind "answer" or "respond": each participant ("each member is asked to
 * answer three questions", a stand-up's round) or someone merely on hand to answer. It sits behind the verb,
 * not before the alternative: a lookbehind that opens an alternative is tried at every word of a long plan.
 */
const ASKED_TO = String.raw`\b(?:each|every|all) (?:[\w-]+ ){0,2}?(?:members?|persons?|participants?|attendees?|people)(?: (?:is|are|will be) (?:asked|invited|expected))? to |\b(?:on hand|available|happy|there|around) to `;

/**
 * Formats where someone talks at the room: talks, panels, briefings, updates and Q&A, named or told as what the
 * hosts do to the room or as the room's part (a moderator between speakers and an audience that submits questions) ("officers answered questions", "will brief the membership", "inform you about the
 * proposal"); not people on hand to answer questions, nor each participant answering a stand-up's questions.
 */
export const PRESENTATION_CUES = new RegExp(
  String.raw`\b(?:presentations?|present(?:s|ing)? (?:on|the|their|its|our|his|her|a|an|findings|options|results|data|proposals?|plans?|changes|progress)|will present|(?:invited|asked|due|expected) to present\b|keynotes?|panel (?:discussions?|debates?|q&a|sessions?)|(?:expert|closing|opening|plenary|speaker) panels?|(?:a|two|three|four|\d) (?:expert )?panels?\b(?! for the (?:local )?(?:community|residents|public))|panel(?<!(?:neighbourhood|policing|police|scrutiny|citizens'?|residents'?|youth|patients?|advisory|community|appeals?|disciplinary|selection|interview|grants?|funding|awards?|judging) panel)(?=\s*[:(-]|\s+(?:with|of|on|from)\b)|panell?ists?|followed by a panel|panels? of (?!residents|tenants|citizens|young|patients)|q ?& ?a|q and a|questions and answers|question[- ]and[- ]answers?|take questions|(?:minutes|mins) of questions|questions from the floor|questions (?:will be|were|are|can be|to be) (?:answered|addressed|put to)|(?:opportunity|chance|time) (?:for [\w' -]{1,40}? )?to ask (?:[\w-]+ ){0,2}?questions(?! of\b)|time for questions|ama|ask me anything|moderat(?:ed by|ors?)|submit (?:your |their )?questions|audience(?<!(?:target|wider|key) audience)(?! (?:research|insights?|development|engagement|segments?))|briefings?|(?:give|gives|giving) an? update|(?:update|introduction|overview)s? (?:from|by)(?= \w)|tells? you (?:all |more )?about|slides(?<!no slides)(?! (?:will be |are |)(?:circulated|sent|shared)| in advance| beforehand)|talks? (?:from|by)|(?:a|an|short|opening|the|keynote) (?:talk|speech)|speech(?:es)?|speakers?|presenters?|lectures?|webinar|demos?|demonstrations?|will explain|explain the|hear(?:ing)? (?:directly |first-?hand |more )?from|(?:addressed|attended and addressed) by|town hall(?: meeting)?s?(?<!(?:in|at) the town hall)|all[- ]hands|(?:school|whole school|full school) assembl(?:y|ies)|seminars?|papers? (?:will be|are|is) (?:of \d+|\d+|presented|given|delivered)|(?:\d+|twenty|thirty)[- ]min(?:ute)?s? papers?|paper presentations?|present(?:ing)? (?:a |their |your |the )?papers?|lunch (?:and|&) learns?|information (?:evenings?|sessions?|events?|nights?)|listen-only|(?:keynote )?address (?:by|from)|will speak|(?:invited|guest) to speak|lecture series|guest lectures?|talks|remarks|(?:spoke|speaks|talked) (?:to|about|on)(?! (?:each other|one another|(?:old |new )?(?:friends|people|colleagues|neighbours|others)))|(?:gave|give|gives|delivered|deliver|delivers) (?:a|the|his|her|their|an) (?:[\w-]+ )?(?:talk|presentation|address|lecture|overview)|(?:first|next|second|third|final|last) (?:talk|speaker|presentation)|hear (?:him|her|them) speak|listen(?:ing)? to (?:the |a |our |guest )?(?:speakers?|teachers?|presenters?|principal|head(?:teacher)?|director)|address(?:es)? the (?:board|meeting|audience|conference|council|room|members|delegates)|(?:is|are|will be) discussed by|(?:answer(?<!(?:${ASKED_TO})answer)(?:(?:s|ed|ing) (?:[\w-]+ ){0,3}?questions| (?:[\w-]+ ){1,3}?questions)|respon(?<!(?:${ASKED_TO})respon)(?:d|ds|ded|ding) to (?:[\w-]+ ){0,3}?questions)|brief(?:s|ed|ing)? (?:the )?(?:membership|members|staff|board|meeting|audience|room|residents|parents|delegates)|inform(?:s|ed)? (?:you|the meeting|members|residents|parents|staff|the public|delegates) (?:about|of|on))\b`,
  'gi',
);

/** An agenda line that names its speaker after a dash ("- Wellbeing overview - Dr A Name"): a talk. */
export const AGENDA_SPEAKER =
  /^-[ \t]+[^\n]{3,90}?[ \t][-:][ \t]+(?:(?:Dr|Prof|Professor|Cllr|Mr|Mrs|Ms|Sir|Dame)\.?[ \t]+)?[A-Z][a-z'-]+(?:[ \t]+[A-Z][\w'-]+){1,2}(?:[ \t]*(?:&|and|,)[ \t]*[A-Z][a-z'-]+(?:[ \t]+[A-Z][\w'-]+)?)*[ \t]*$/gm;

/** Reports and updates on paper or screen: they count half, since they may be read rather than presented. */
export const DOCUMENT_CUES = /\b(?:dashboards?|performance data|(?:finance|progress|annual|committee) reports?|reports? (?:of|from|by) (?:the )?|financials|updates?|answer (?:questions|qs)|on hand to answer)\b/gi;

/**
 * Formats where participants talk with each other and from experience, named (a workshop, small groups) or
 * told as what the participants do ("break into groups", "we got people talking", "sitting round a table").
 * A lookbehind comes after its word ("discuss(?<!… discuss)"), never first in an alternative: first, it would
 * run at every word of a long plan and stop V8 skipping ahead (test/review/regex-shape.test.ts).
 */
export const CONVERSATION_CUES =
  /\b(?:conversations?(?<!\b(?:national|global|public|wider|broader|societal|cultural|international)\s+conversations?|\b(?:further|advance|drive|lead|shape|change|start)\s+the\s+conversations?)|conversational|discuss(?<!\b(?:speakers?|panel|panell?ists?|experts?|keynotes?|presenters?|authors?|guests?|lecturers?|he|she)\s+(?:[\w'’-]+\s+){0,3}discuss)(?:ions?(?<!panel discussions?)|)|dialogue|small[- ]groups?|small-group work|group work|breakouts?|break-out|workshops?|co-?design|co-?produc\w+|brainstorm\w*|stories|story(?<!\bthe (?:full |whole |real |inside |untold )?story|success story)|experience(?<=\b(?:their|own|your|our|my|his|her|lived|personal|first[- ]hand|people's|participants'|members'|each other's|one another's|colleagues'|patients'|users'|residents'|parents'|carers'|staff)\s+experience)s?|experience(?<=\b(?:share|shared|sharing|swap|swapping|exchange|exchanging|draw on|drawing on|learn from|learning from)\s+(?:[\w'’-]+\s+){0,2}experience)s?|(?:share|sharing)(?<!\b(?:i|i'll|i'd|he|she|speakers?|presenters?|panell?ists?|experts?|facilitators?|keynotes?|studies)\s+(?:[\w'-]+\s+)?(?:share|sharing))(?! (?:his|her)\b)(?! (?:information|our (?:achievements|plans?|progress|vision|strategy|results)|the (?:latest|range|results|findings|plans?)|updates?|news|an? (?:update|overview)|progress|findings))|listen\w*(?!-only)(?! to (?:the |a |an |our |guest |keynote )?(?:[\w-]+ )?(?:speakers?|teachers?|presenters?|talks?|presentations?|lectures?|principal|head(?:teacher)?|director|chief|minister|experts?|panel|podcasts?|recordings?|sessions|chair(?:man|woman|person)?['’]?s?|rest of))|world caf[eé]|open space|round tables?|cafe[- ]style|café[- ]style|in a circle|circles?(?<!\b(?:grow|grows|growing|widen|widening|expand|expanding|enlarge|broaden|inner|full|vicious|virtuous)\s+(?:the\s+|our\s+|this\s+|a\s+)?circles?)(?<!\bin (?:[\w-]+ )?(?:education|academic|policy|political|business|government|medical|legal|scientific|research|industry|professional|social|media|literary|health|care) circles?)|reflect\w*(?<!\b(?:his|her)\s+(?:[\w-]+\s+)?reflect\w*)|explor\w+|ideas|each person|chat|walkabout|asks what|tell us(?<!\b(?:will|would|'ll|they|he|she|it)\s+tell us)|no slides|hands-on|map what|look at options together|time to (?:speak|talk|chat|meet|ask(?! (?:[\w-]+ ){0,2}?questions)|network|mingle)|(?:speak|talk|chat)(?:ing)? (?:to|with) (?:each other|one another)|stalls|market ?place|(?:break|breaking|split|splitting|divide|dividing)\s+(?:\w+\s+){0,2}?into\s+(?:small\s+|smaller\s+|table\s+|mixed\s+|breakout\s+)?groups|(?<!\bof\s)(?:people|participants|attendees|delegates|residents|everyone|colleagues|staff|members|parents|students)\s+(?:\w+\s+){0,4}?(?:talk|talking|discussing|chatting|debating)|(?:sitting|sat|seated)\s+(?:round|around)\s+(?:a\s+|the\s+)?tables?)\b/gi;

/** Phrases that give conversation most of the time ("the rest is open conversation"). */
export const CONVERSATION_DOMINANT = /\b(?:mostly|mainly|most of (?:the|our) time|the rest is|the majority|largely)\b/gi;
/**
 * The time left after one part ("the remainder", "the remaining time", "the rest of the session"): it goes to
 * whatever is named beside it: before it in its clause ("discussion follows for the remainder of the
 * seminar"), or else after it ("the rest of the time is for Q&A").
 */
export const REMAINDER = /\b(?:the remainder|the remaining time|the rest of the (?:time|session|meeting|hour|evening|morning|afternoon|day))\b/gi;

/** Words that make a talk a small part of the meeting. */
export const BRIEF = /\b(?:short|brief|quick|a few short)\s+$/i;

/** Signs that the outcome was shaped before the meeting: a draft, a proposal, a set of costed options. */
export const PREDETERMINED =
  /\b(?:drafts?|drafted|proposed|proposals?|preferred option|(?:the|costed|shortlisted|proposed|masterplan|two|three|four|five|\d) options|final version|already (?:decided|agreed)|recommendations?|recommended|preferred (?:approach|option|model|solution))\b/gi;

/** Exploring a range of possibilities before focusing, as the seed's design section asks. */
export const EXPLORE_FIRST =
  /\b(?:explor\w+|brainstorm\w*|before (?:deciding|choosing|agreeing|we decide|focusing|picking|committing)|range of (?:possibilities|options|ideas)|possibilities|open (?:discussion|conversation)|(?:lots of|many) (?:ideas|options)|(?:ideas|options) first|diverge|imagin(?:e|ing) (?:what|how|a|the|our|new|together)|dream(?:ing)? (?:up|big|of what)|blue[- ]sky|what could|what might|what would|look at options together)\b/gi;

/** Something continues after the meeting: follow-up, a series, a standing group, actions with owners. */
export const AFTER_CUES =
  /\b(?:follow[- ]?ups?|follow(?:ed|ing)[- ]up|meets? (?:up )?again|meet (?:up )?again|meeting (?:up )?again|get together again|come back together|regroup|(?:minutes|notes) of (?:the )?(?:last|previous) (?:meeting|session)|matters arising|work programme|pledges?|next (?:meeting|session|round|month's session|term|time)|monthly|weekly|fortnightly|quarterly|termly|annual(?:ly)?|yearly|bi-?weekly|bi-?monthly|every (?:\w+ )?(?:weeks?|months?|days?|terms?|half[- ]term|quarter|fortnight|morning|evening|shift|sprint|time|couple of months)|each (?:week|month|term|half[- ]term|quarter|year|fortnight|time|session|morning|evening|shift)|regular(?:ly)?|recurring|ongoing(?= (?:group|basis|series|meetings?|conversations?|work|support|relationships?|forum|network|programme))|standing group|series|first of \w+|\d+ x|(?:two|three|four|five|\d) (?:sessions|days|meetings)|programme of|report(?:s|ed)? back|reported to|feed(?:s)? into|fed into|go(?:es)? to (?:the |full )?(?:cabinet|council|board|committee|group|panel|team|programme|service|scrutiny|leadership|executive)|retest|reconvene|iterate|take (?:them|it|this|these) forward|taken forward|action plan|actions?(?: will be| with| tracked| w\/)|named owners|owners|who (?:fixes|does|will do|owns|takes) what|review date|written up|collated|notes go|keep (?:it|this) going|continu\w+|kick-?off|shadowing placements|test the first changes|runs (?:\w+ )?times|(?:\d+|two|three|four|five|six|several|many) times (?:a|per|across|over|during|in) \w+|set up a \w+ (?:forum|group|panel)|(?:working|steering|task(?: and finish)?|action|implementation|reference|advisory|project) groups?|named (?:leads?|owners?|people)|park forum|newsletter)\b/gi;

/** A room cue that sets people out to talk with each other (tables, circles, break-out space), not in rows. */
export const CONVERSATION_ROOM = /table|circle|cabaret|caf|break-?out|sofa|beanbag|comfy|quiet|floor space/i;

/** Room, tables, seating and acoustics: the seed's "attention to the detail". */
export const ROOM_CUES =
  /\b(?:(?:small|round|mixed|cabaret)\b[\w ,-]{0,20}?\btables\b|(?:round|small|big|long|cafe[- ]style|café[- ]style|cabaret|one)(?<!feedback to the (?:round|small|big|long|cafe[- ]style|café[- ]style|cabaret|one))\s+tables?|tables?(?<=\b(?:cafe|café|coffee|dining|separate|several|\d+|two|three|four|five|six|eight|ten)\s+tables?)|tables (?:of|for)|tables?(?<!\w tables?)(?! discussion)|seating|seated|sitting|chairs|circles? of chairs|in a circle|cabaret(?: style)?|cafe[- ]style|café[- ]style|acoustics?|microphones?|roving mics?|hearing loop|layout|laid out|set up (?:as|with|cabaret)|breakout (?:rooms?|spaces?|areas?)|break-out (?:rooms?|spaces?)|quiet (?:room|corner|space)|natural light|floor space|plenty of (?:space|room)|theatre[- ]style|sofas|comfy chairs|beanbags|play area|room big enough|sit (?:in (?:small |mixed )?groups |together )?(?:around|round|at) (?:a |the |small |round |their |mixed )?tables?)\b/gi;
/** An online setting states its own room (dev-set convention). */
export const ONLINE_CUES = /\b(?:online|zoom|video call|videocall|virtual|webinar|(?:on|via|ms|microsoft) teams|teams (?:call|meeting)|google meet|meet\.google|skype|webex)\b/gi;
/** Hybrid meetings still have a room to think about. */
export const HYBRID = /\bhybrid\b/i;

/** Events that are large by their nature, used when no number is given. */
export const LARGE_EVENT =
  /\b(?:conference(?<!(?:parent[- ]\s*teacher|case|video|tele|press|family group|child protection|review) conference)s?(?! (?:rooms?|calls?|centre|center|facilities|suite|line|hall|tables?))|summits?|public (?:meetings?|forums?|lectures?|information sessions?|consultation events?|events?)|all are welcome|open to (?:anyone|the public|all members)|anyone (?:interested )?(?:is |are )?welcome|all (?:\w+ )?members (?:are )?(?:invited|welcome|encouraged)|everyone (?:is )?(?:\w+ )?welcome|all(?<!\b(?:with|among|by|between|affects?|affecting|for) all)[- ]staff|(?:all|whole)[- ]school (?:staff )?meetings?|all are (?:\w+ )?(?:welcome|invited)|(?:all|any) (?:of (?:our|the) )?(?:[\w'-]+ ){0,4}?(?:members|residents|patients|parents|carers|tenants|people|families|neighbours|staff|employees|colleagues|students|pupils)(?: (?:and|of|of the|of our|in the) [\w'-]+(?: [\w'-]+){0,3})? (?:are|is) (?:\w+ )?(?:welcome\w*|invited|encouraged)|members of the public (?:are|is) (?:\w+ )?(?:invited|welcome)|(?:invit\w+|asking) members of the public|open (?:for|to) anyone|delegates(?<!(?:send|sends|nominate|appoint|elect)\s(?:\w+\s)?delegates)(?! (?:to|from|of|representing|for)\b)|national (?:[\w-]+ ){0,2}events?|town hall(?<!(?:(?:in|at) the|(?:in|at|,|:|venue:?)) town hall)|all[- ]hands|open invitation|open to all|open to everyone|open (?:forums?|evenings?)|roadshow|expo|rally|whole (?:company|organisation|organization|school)(?! (?:issues?|approach|policy|policies|improvement|priorit\w+|development|strategy|level|matters))|hundreds of|dozens of|(?:meeting|session|event|evening|assembly|briefing|forum|workshop|training|programme|program|inset(?: day)?|gathering|day)s? (?:[\w',-]+ ){0,8}?for all (?:of )?(?:the |our )?(?:staff|employees|students|pupils|parents|residents|members|colleagues)|all(?<!\b(?:with|among|by|between|affects?|affecting|for) all) (?:the )?(?:staff|employees|students|pupils|parents|residents))\b/gi;
/**
 * The public invited to watch a formal meeting: they observe, so they do not make it a large group. A meeting
 * with a closed session or confidential items, or open to the public "except" for some business, is such a
 * formal meeting.
 */
export const OBSERVE_ONLY =
  /\b(?:observ(?:e|ing|ers?)\b(?! (?:the )?(?:changes?|trends?|data|results?))|(?:public )?gallery|not a public meeting|listen-only|closed session|(?:confidential|exempt) (?:items?|business|matters|information|reports?)|open to the public,? (?:except|with the exception|apart from|other than))/i;
/** The large-event cues that name the public as the audience. */
export const PUBLIC_AUDIENCE = /\bpublic\b/i;

/** An open invitation covers the people an issue is about. */
export const OPEN_INVITATION =
  /\b(?:everyone (?:is )?welcome|open to (?:all|everyone|anyone)|open invitation|anyone (?:who|can|is welcome)|everyone who (?:lives|works|uses)|all welcome|public meeting|drop-in)\b/gi;

/** Representatives and delegates of organisations; "as themselves, not representatives" is the opposite. */
export const REPRESENTATIVE_CUES =
  /\b(?:representatives?|reps\b|rep (?:from|of|for)|delegates (?:from|of|representing)|nominated|nominees? (?:from|of)\b|nominate (?:\w+ )?(?:delegates?|representatives?|reps|members?|someone|a person|one person|officers?|leads?)|on behalf of (?:their|its|your|each|an?|the|his|her) (?:\w+ )?(?:organisations?|organizations?|agenc(?:y|ies)|services?|departments?|partners?|members|council|boards?|groups?|bodies|body|teams?|branch(?:es)?)|representing|one (?:person|member) from each|each (?:agency|organisation|partner|service|department) (?:sends|will send|to send)|send(?:s|ing)? (?:(?:a|one|two|three|\d+|their|its|a senior)\s+)?(?:delegates?|representatives?|reps)\b|multi[- ]agency (?:decisions?|panels?|risk meetings?)|member organi[sz]ations?|(?:agencies|organi[sz]ations|affiliates|districts|countries|member states) (?:were|are|will be|have been) invited|members of (?:\w+ ){0,2}(?:affiliates|agencies|organi[sz]ations)|(?:who|which|that) represent\b|as (?:a )?deputy for|constituted of (?:a range of )?(?:[\w,-]+ ){0,8}?organi[sz]ations)/gi;
/** "Representative" in other senses: an adjective, a negation, someone who speaks or answers questions. */
export const NOT_A_REPRESENTATIVE = new RegExp([
  String.raw`\b(?:not |no |truly |broadly |more |less |un)?representative of (?:the )?(?:whole|wider|general|local|community|population|people|views|range|diversity)\b`,
  String.raw`\b(?:no|not as an?|not)\s+(?:[\w-]+\s+){0,3}?(?:representatives?|reps)\b`,
  String.raw`\b(?:hear(?:ing)? from|talks? from|presentations? from|questions? (?:to|for))\s+(?:an?|the)?\s*representatives?\b[^.;]*`,
  String.raw`\brepresentatives?\b[^.;]{0,120}\b(?:will|have agreed to|to|are on hand to) (?:answer|present|speak|explain|give|talk)\b`,
  // Representatives who presented or answered questions were on the platform, not among the participants.
  String.raw`\brepresentatives?\b[^.;]{0,60}\b(?:presented|answered (?:questions|residents|the public)|gave (?:a|an) (?:presentation|talk|update|overview|briefing)|spoke (?:about|on)|outlined)\b`,
  String.raw`\b(?:presenters?|speakers?|panell?ists?) (?:will )?(?:include|are|is)\b[^.;]*`,
].join('|'), 'gi');
/** People coming as themselves: the opposite of representatives, and a strength. */
export const NOT_REPRESENTATIVES =
  /\b(?:(?:not|rather than|instead of)\s+(?:as\s+)?(?:representatives?|reps|delegates)|as (?:themselves|individuals)|in a personal capacity)\b/gi;

/** Purpose words: an aim, a question or a topic. Vague aims ("catch up") do not count. */
export const PURPOSE_VERB =
  /\b(?:to|so (?:that|we can)|in order to)\s+(?!(?:catch up|meet|chat|get together|touch base|sync|have a (?:chat|catch[- ]up|meeting))\b)(?:explore|discuss|agree|decide|sign|approve|plan|review|share|hear|understand|co-design|design|develop|improve|build|create|look|go|talk|think|consider|make|set|shape|find|work|choose|identify|prioriti[sz]e|learn|celebrate|launch|update|brief|consult|test|map|reflect|imagine|thank|welcome|introduce|listen|ask|answer|tackle|reduce|prevent|fix|address|support|help|check|understand|redesign|refresh|agree|finalise|present|review|respond|recruit|induct|train|scope|kick|show|visit|tour|meet the|raise|hear from|gather|collect|generate)\w*[^.;:?!\n]{0,80}/gi;
/** A meeting named with its topic: "workshop on", "meeting about", "session re:". */
export const PURPOSE_TOPIC =
  new RegExp(`\\b(?:${MEETING_NOUN}|updates?|presentations?|talks?)s?\\s*(?::|on|about|re\\b:?|regarding|around|into|concerning|for the|exploring|to)\\s+(?!(?:next steps|things|stuff|everything|bits|where we are|general|catch)\\b)\\w+`, 'gi');
/** Kinds of meeting whose name says what they are for (a retro, a consultation, an open day). */
export const PURPOSE_TYPES =
  /\b(?:retros?|retrospectives?|huddles?|stand-?ups?|briefings? on|consultations? on|co-?design|planning session|strategy|budget|induction|debrief|celebration|thank-you|awards?|kick-?off|scrutiny|listening (?:event|session|exercise)|engagement (?:event|session) on|discovery|curriculum|open (?:day|evening|morning|house)|launch of|hackathon|interviews?|charter|roadmap)\b/gi;
/** A topic introduced anywhere ("re: the new rota", "about the future of the library"). */
export const TOPIC_MARKER =
  /(?:re(?<!['\w]re)\b:?|\b(?:regarding|concerning|about|on the (?:future|subject|topic) of))\s+(?:the |our |a |new )?(?!next steps|things|stuff|everything|general|\d|an? hour|half|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty)[a-z][\w-]{1,}/gi;
/** A purpose given as an instruction, at the start of a sentence or after a colon ("Board: approve the budget"). */
export const PURPOSE_IMPERATIVE =
  /(?:^|[:\n]\s*|\s-\s)(?:decide|agree|approve|sign off|review|discuss|explore|plan|choose|consider|go through|go over|look at|share|update|design|co-design|map|reflect|celebrate|welcome|hear|listen)\b/gim;
/** A question asked within a sentence ("the group asks what might be tried"). */
export const QUESTION_LEAD =
  /\b(?:what|how|why|where|which|whether|who)\b\s+(?:\w+\s+){0,3}?(?:might|would|could|can|do|does|did|is|are|should|makes?|helps?|works?|went|want)\b/gi;
