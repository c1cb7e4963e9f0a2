/**
 * Representatives: whether the people who take part come for an organisation. The guide's flag is about
 * delegates of organisations, so a mention of "representatives" counts only when it says who attends:
 * not a class rep or a student rep (who speak for classmates, not for a body), not representatives who
 * lead the sessions or whose report is an agenda item, not nominees on an election slate.
 */
import { NOT_A_REPRESENTATIVE, NOT_REPRESENTATIVES, REPRESENTATIVE_CUES, SPEAKER_LABEL } from './cues.js';
import { primeNative } from './native-regex.js';
import { replaceEach } from './scan.js';
import { allMatches, matchAll } from './text.js';

/** What the plan says about people coming for a body, with the words that show it. */
export interface RepresentativeReading {
  /** Cues that participants come as representatives or delegates of organisations. */
  yes: string[];
  /** Cues that participants come as themselves. */
  no: string[];
}

/**
 * A people's constituency just before the cue ("class reps", "Year 10 student subject representatives",
 * "parent representatives"): they speak for the people who chose them, not for an organisation.
 */
const PEOPLE_BEFORE = /\b(?:class|form|tutor(?:[- ]group)?|year(?:[- ]group)?|year \d{1,2}|course|students?|pupils?|parents?|subject|school council|student council|sixth form|tenants?|patients?|lay|consumers?|campus|school)(?:[- ](?:council|union|voice|subject|year|group))?\s+$/i;
/** The same said after the cue: "representatives for others", "reps elected by the students", "reps of each class". */
const PEOPLE_AFTER = /^\s*(?:for (?:the )?(?:others|other parents|their (?:class|classmates|peers|year|form))|(?:who are |are |were )?(?:voted|elected|chosen)\b[^.;\n]{0,40}\b(?:tutor groups?|class(?:es)?|forms?|year groups?|students|pupils|parents|peers|classmates)\b|(?:of|from|in) (?:each |every |all |their |the )?(?:(?:two|three|four|five|six|\d) )?(?:tutor groups?|class(?:es)?|forms?|year groups?|years|phases?|student body|students|pupils|parents)\b)/i;
/**
 * A body named right after the cue ("lay representatives of parishes", "tenant reps from the residents'
 * associations"): whatever people chose them, they come for that body.
 */
const BODY_AFTER = /^\s+(?:of|from|for) (?:the |their |each |all |every )?(?:[\w'’-]+ ){0,2}?(?:parish(?:es)?|associations?|organi[sz]ations?|bod(?:y|ies)|councils?|unions?|churches|charit(?:y|ies))\b/i;
/** Community representatives ("the panel and other community representatives", "representatives from the local community") speak for community groups. */
const COMMUNITY_BEFORE = /\bcommunity\s+$/i;
const COMMUNITY_AFTER = /^\s+(?:from|of) (?:the |our |their )?(?:local )?communit(?:y|ies)\b/i;
/** A report by a representative is an item of business; who presents it is not who the participants are. */
const REPORT_AFTER = /^['’]?s?\s+(?:reports?|updates?)\b/i;
const REPORT_BEFORE = /\b(?:reports?|updates?) (?:of|from|by) (?:the |our |a |an )?(?:[\w&'’-]+\s+){0,4}$/i;
/** People running the meeting ("representatives ... will lead the discussions") are hosts, not participants. */
const LEADS_AFTER = /^[^.;\n]{0,100}\b(?:to|will|who will|would) (?:lead|facilitate|chair|host|run|deliver|introduce)\b/i;

/**
 * "Representative" as a job, a legislature or a sample: a sales representative, the House of
 * Representatives, elected representatives (who speak for voters, not for a body), a legal representative.
 */
const OTHER_SENSE_BEFORE = /\b(?:house of|sales|customer(?: service)?|account|legal|elected|your (?:local )?|local elected|constituency|trade union|high)\s+$/i;
const OTHER_SENSE_AFTER = /^\s+(?:sample|survey|selection|example)s?\b/i;
/**
 * "The representative body for nurses", "a representative group of staff": the adjective, describing a
 * body or a sample. Lower case only: "Carers Forum Representative Group" names a group of representatives.
 */
const ADJECTIVE_AFTER = /^\s+(?:personalities|body|bodies|organi[sz]ations?|groups?|voices?|structures?|roles?|democracy|government|institutions?|associations?|councils?|assembl(?:y|ies)|forums?|panels?|cross-section|mix|range|views?|data|picture|number|functions?|capacity)\b/;

/**
 * "On behalf of the board, I am delighted to invite you": the writer speaks for a body, which says nothing
 * of who attends. Only with "the", "our" or "my": "on behalf of their organisation" still says who comes.
 */
const WRITER_BEHALF = /^on behalf of (?:the|our|my)\b/i;
const FIRST_PERSON_BEFORE = /\b(?:I|[Ww]e)\b[^.;!?\n]{0,60}$/;
const FIRST_PERSON_AFTER = /^[^.;!?\n]{0,80}?,\s*(?:I|[Ww]e)\b/;
/** A body's size ("representing over 400 businesses", "which represents 2,000 members"): it describes a body, not who attends. */
const BODY_SIZE_AFTER = /^\s*(?:over|more than|around|about|some|nearly|almost|up to|in excess of|approximately)?\s*\d[\d,]*\b/i;
/** People on the platform ("speakers representing the NHS and charities") are speakers, not participants. */
const SPEAKERS_BEFORE = /\b(?:speakers?|presenters?|panell?ists?|keynotes?|contributors|guest speakers?)\b[^.;!?\n]{0,40}$/i;
/** A body's membership counted ("our 60 member organisations", "a network of 60 member organisations"). */
const COUNTED_BEFORE = /\b\d[\d,]*\s+$/;
/** Representatives there to serve the participants (a stall, answering questions) are not the participants. */
const SERVES_AFTER = /^[^.;\n]{0,60}\b(?:(?:will be|are|is) (?:available|on hand|there|at (?:the|their|our) (?:stands?|stalls?|tables?|desk))|(?:to|will) (?:help|assist|advise|take questions|meet (?:visitors|residents|you)))\b/i;

/** "To be representative of all parents", "aims to be representative": the adjective, saying what a body should look like. */
const BE_BEFORE = /\b(?:be|is|are|being|remain|become)\s+(?:broadly |truly |fully |more )?$/i;
/**
 * Choosing representatives is business the meeting transacts ("election of lay representatives", "to elect
 * reps on its steering group", "appointment of representatives to synod"): the people chosen are its output.
 */
const CHOSEN_BEFORE = /\b(?:elect(?:ion of|s|ing)?|appoint(?:ment of|s|ing)?|choos(?:e|es|ing)|select(?:ion of|s|ing)?|determine)\s+(?:the |our |its |new |lay |\w+ )?$/i;
/** A post to fill ("two vacant consumer representative positions"). */
const POST_AFTER = /^['’]?s?\W{0,3}\s*(?:positions?|posts?|vacanc(?:y|ies)|seats?|places?)\b/i;
/**
 * The officials people come to meet or put questions to ("a police representative will be present to
 * answer questions", "joined on the panel by a senior representative of the fire service", "so you can
 * discuss any issues"): the host's side of the room, read in the cue's own sentence.
 */
const HOST_SIDE =
  /\b(?:(?:chance|opportunity) to (?:meet|talk to|speak (?:to|with)|question)|(?:on|joined|join) (?:on )?the panel|panel (?:of|will|includes?)|answer (?:any |your |their |residents' )?questions|questions (?:of|to)|provide (?:any )?information|so (?:that )?you can|face[- ]to[- ]face|who facilitates|read out|present with their|joining (?:the|this|our) (?:discussion|panel|conversation) will be|report (?:back )?on|(?:sharing|giving|give|share|provide|providing) (?:an? )?updates?)\b/i;
/** Someone sent in another's place ("in the absence of a chief officer", "if unable to attend, they may send"): a deputy, not a delegate. */
const DEPUTY = /\b(?:in (?:the|their|his|her) absence|(?:are|is) unable to attend|cannot attend|can't attend|may send|can send)\b/i;
/** Speaking for people's views or interests ("representing the views of all parents"): advocacy, not attending for a body. */
const ADVOCACY_AFTER = /^\s+(?:the\s+)?(?:specific\s+|wider\s+|collective\s+)?(?:views?|interests?|voices?|needs?|concerns?|opinions?)\b/i;
/** "Nominated" names a delegate only beside who did the choosing or what they are ("nominated by the board", "nominated representatives"). */
const NOMINEE_AFTER = /^\s+(?:by|representatives?|delegates?|members?|officers?|to represent)\b/i;
/** Representing a people rather than a body ("students who represent their tutor groups", "representing researchers"). */
const PEOPLE_REPRESENTED = /^\s+(?:their |the |all )?(?:tutor groups?|class(?:es|mates)?|year groups?|forms?|students|pupils|parents|peers|residents|tenants|researchers|constituents)\b/i;
/** Politicians "representing" parties or wards speak for voters (see `OTHER_SENSE_BEFORE`). */
const POLITICIANS_BEFORE = /\b(?:councillors?|mps|politicians|members of parliament|senators?|congress(?:wo)?m[ae]n)\s+$/i;
/** Organisations invited to speak or report are on the programme, not in the audience. */
const INVITED_TO_PRESENT = /^\s+to (?:present|give|speak|talk|report|exhibit|showcase|run|have|host)\b/i;
/** Acting for a collective ("on behalf of the members", "of the branch"): what a body does, not who attends for one. */
const COLLECTIVE_BEHALF = /^on behalf of (?:the|a) (?:members|branch|body)$/i;
/** Choosing someone for a role in the room ("nominate another member to act as chair"). */
const ROLE_AFTER = /^\s+(?:to act as|as|to take) (?:the )?(?:chair|chairperson|secretary|minute[- ]taker|vice[- ]chair)\b/i;

/**
 * The guide's representatives come for organisations, so a bare "representative" counts only beside one:
 * a kind of body near it ("representatives of local charities", "council representatives"), a name after
 * it ("representatives from Oxfam"), or an acronym before it ("OSCE representatives").
 */
const BODY_NEAR =
  /\b(?:organi[sz]ations?|agenc(?:y|ies)|councils?|countr(?:y|ies)|charit(?:y|ies)|groups?|sectors?|government|authorit(?:y|ies)|compan(?:y|ies)|partners?|services|ministr(?:y|ies)|ngos?|csos?|associations?|bod(?:y|ies)|institutions?|member states|departments?|networks?|trusts?|federation|union|societ(?:y|ies)|industry|businesses|providers|commission|secretariat|parish(?:es)?|churches|schools|universit(?:y|ies)|colleges?|hospitals?|police|fire|practices?|districts?|count(?:y|ies)|regions?|branch(?:es)?|states|nations|cit(?:y|ies)|municipalit(?:y|ies)|clubs?|firms?|employers|donors|faiths?)\b/i;
const NAMED_AFTER = /^\s+(?:from|of|for)\s+(?:the\s+)?[A-Z][\w&'’-]+/;
const ACRONYM_BEFORE = /\b[A-Z]{2,}\s*$/;

/**
 * Bodies named as the ones taking part: country delegations, delegates who came from bodies, someone sent
 * to represent their organisation, agencies represented by officers, bodies welcomed, convened or invited ("we welcomed 171 nonprofits, public agencies and tribes").
 * Delegates named by what sends them ("voting delegates", "branch delegates", "government delegates",
 * "distinguished delegates" in a UN address) and bodies entitled or required to be represented at a meeting
 * say the same. A bare "delegates" does not: it is many conferences' word for whoever attends.
 */
const BODIES_TAKE_PART =
  /\b(?:delegations\b|delegates (?:who )?(?:attended|came|travelled|traveled|joined) from\b|to represent (?:your|their|its|the) (?:organi[sz]ation|agency|company|council|department|service|branch|country)\b|(?:agencies|organi[sz]ations|bodies|partners|network) (?:were |are |will be )?represented by\b|(?:welcomed|hosted|convened|invited|met with) (?:over |more than |some |around |about )?(?:[\w'’-]+ ){0,3}?(?:organi[sz]ations|agencies|governments|local authorities|ngos|csos|charities|institutions|ministries|member states|countries|partners|bodies|nonprofits|non-profits|affiliates|providers|municipalities|donors)\b|(?:voting|branch|government(?:al)?|national|country|official|member[- ]states?|party|ngo|accredited|distinguished|youth|regional|district|club|federation|affiliate) delegates?\b|partners (?:have |had |all )?(?:met|came together|gathered|attended|joined|took part|participated)\b|(?:organi[sz]ations|groups|agencies|countries|bodies|faiths|ngos|charities|councils|partners) (?:were |are |will be )?represented\b(?! by)|br(?:ing|ings|inging|ought) together (?:[\w'’-]+ ){0,2}?(?:partners|agencies|organi[sz]ations)\b|(?:participants?|delegates?|places|seats)\b[^.;\n]{0,30}?\b(?:per|from each|for each) (?:participating |member )?(?:organi[sz]ation|member state|country|agency|partner|ngo|institution|body|company|council)\b|invit\w* (?:all )?(?:of )?(?:our|its|their) (?:[\w'’-]+ )?(?:partners|member organi[sz]ations|affiliates|member agencies)\b|(?:each|every|all(?: the)?) (?:participating )?(?:agenc(?:y|ies)|organi[sz]ations?|partners?|associations?|member (?:organi[sz]ations?|agencies)) (?:invited|present|attending|represented)\b|nominate (?:their|its|your) (?:national |own )?(?:experts?|officers?|staff)\b|(?:entitled|required|invited|expected|asked) to be represented\b|(?:members|branch(?:es)?|organi[sz]ations?|agenc(?:y|ies)|countr(?:y|ies)|states|partners|bod(?:y|ies)) (?:are|is|must be|shall be|will be) represented at\b)/gi;

/**
 * An attendance list that names each person with a body ("Jo Bell - Castle Parish Council", "Sam Roy
 * (WSCC)", "Ann Lee, NHS Fife"): the participants came for those bodies. One line per person, the body after
 * a dash, comma or bracket; the body is told by a kind of body or an acronym.
 */
const LISTED_WITH_BODY =
  /^[ \t•*·▪-]*(?:(?:Cllr|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Councillor|Dame|Sir|Rev|Revd)\.?[ \t]+)?(?:[A-Z]{2,3}[ \t]+(?=[A-Z][a-z]))?[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}[ \t]*(?:\([A-Z]{1,4}\)[ \t]*)?(?:[–—-]|,|\()[ \t]*([^\n]{2,100})$/gm;
const BODY_IN_LIST =
  /\b(?:organi[sz]ations?|agenc(?:y|ies)|council|charit(?:y|ies)|group|government|authority|company|partnership|services?|ministry|trust|nhs|police|fire|association|society|institute|foundation|network|federation|union|commission|department|office|board|university|college|school|hospital|clinic|centre|center|project|practice|surgery|housing|probation|healthwatch)\b/i;
const ACRONYM = /\b[A-Z]{2,}[a-z]?\b/;
/** A person listed by their post ("Chair of the residents' association", "head of legal at ..."): a panel of office-holders, not bodies sending people. */
const POST_FIRST = /^(?:the\s+)?(?:(?:vice|deputy|assistant|senior|chief|executive|managing|regional|general|programme|policy)[- ]?)*(?:chair(?:man|woman|person)?|treasurer|secretary|head|director|manager|president|officer|lead|member|ceo|editor|professor|minister|leader|councillor|mayor|co-?ordinator|founder|executive)\b/i;
/** The heading of a list of the people on the platform, not in the audience. */
const PLATFORM_HEADING = /^\W*(?:the\s+|our\s+)?(?:speakers?|panel(?:l?ists?)?|panel guests|presenters?|guest speakers?|keynote speakers?|moderators?|contributors)\b[^\n]{0,20}$/i;
/** Fewer bodies than this in a list may be anything. */
const MIN_LISTED = 4;

/** The first line of an attendance list that names each person with a body, when there is one. */
function listedWithBodies(text: string): string | undefined {
  if (!/\n/.test(text)) return undefined;
  const lines = [...text.matchAll(LISTED_WITH_BODY)].filter((m) => {
    const body = (m[1] ?? '').trim();
    return !POST_FIRST.test(body) && (BODY_IN_LIST.test(body) || ACRONYM.test(body));
  });
  if (lines.length < MIN_LISTED) return undefined;
  if (new Set(lines.map((m) => (m[1] ?? '').replace(/\)$/, '').trim().toLowerCase())).size < MIN_LISTED - 1) return undefined;
  const first = lines[0];
  const heading = text.slice(0, first?.index ?? 0).trimEnd().split('\n').pop() ?? '';
  if (PLATFORM_HEADING.test(heading)) return undefined;
  return first?.[0].trim();
}

/** The cue's own sentence, to read who the representatives are there for. */
function sentenceAround(text: string, at: number, length: number): string {
  const before = text.slice(Math.max(0, at - 160), at);
  // Just past the last stop, as `before.search(/[^.!?;\n]*$/)` finds it: that regex tries the rest of
  // `before` from every character, and this ran for every representative cue in a plan.
  const start = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf(';'), before.lastIndexOf('\n')) + 1;
  const after = text.slice(at + length, at + length + 240);
  const end = after.search(/[.!?;\n]/);
  return before.slice(start) + text.slice(at, at + length) + (end < 0 ? after : after.slice(0, end));
}

/** Whether one cue, read in place, says who takes part. */
function saysWhoAttends(text: string, at: number, phrase: string): boolean {
  const before = text.slice(Math.max(0, at - 50), at);
  const after = text.slice(at + phrase.length, at + phrase.length + 120);
  if (/^(?:representatives?|reps?)$/i.test(phrase.trim())) {
    if ((PEOPLE_BEFORE.test(before) && !BODY_AFTER.test(after)) || primeNative(PEOPLE_AFTER).test(after)) return false;
    if (REPORT_AFTER.test(after) || REPORT_BEFORE.test(before)) return false;
    if (LEADS_AFTER.test(after) || SERVES_AFTER.test(after)) return false;
    if (OTHER_SENSE_BEFORE.test(before) || OTHER_SENSE_AFTER.test(after)) return false;
    if (phrase === 'representative' && ADJECTIVE_AFTER.test(after)) return false;
    if (/^representative$/i.test(phrase) && BE_BEFORE.test(before)) return false;
    if (CHOSEN_BEFORE.test(before) || POST_AFTER.test(after)) return false;
    const sentence = sentenceAround(text, at, phrase.length);
    if (HOST_SIDE.test(sentence) || DEPUTY.test(sentence)) return false;
    const near = text.slice(Math.max(0, at - 60), at + phrase.length + 80);
    const community = COMMUNITY_BEFORE.test(before) || COMMUNITY_AFTER.test(after);
    if (!community && !BODY_NEAR.test(near) && !NAMED_AFTER.test(after) && !ACRONYM_BEFORE.test(before.slice(-20))) return false;
  }
  if (/^send a representative$/i.test(phrase) && DEPUTY.test(sentenceAround(text, at, phrase.length))) return false;
  if (/represent(?:ing)?$/i.test(phrase) && (PEOPLE_REPRESENTED.test(after) || POLITICIANS_BEFORE.test(before))) return false;
  if (/invited$/i.test(phrase) && INVITED_TO_PRESENT.test(after)) return false;
  if (COLLECTIVE_BEHALF.test(phrase)) return false;
  if (/^nominate\b/i.test(phrase) && ROLE_AFTER.test(after)) return false;
  if (/^representing$/i.test(phrase) && ADVOCACY_AFTER.test(after)) return false;
  if (/^nominated$/i.test(phrase) && !NOMINEE_AFTER.test(after)) return false;
  if (WRITER_BEHALF.test(phrase) && (FIRST_PERSON_BEFORE.test(before) || FIRST_PERSON_AFTER.test(after))) return false;
  if (/^(?:representing|(?:who|which|that) represent)$/i.test(phrase) && (BODY_SIZE_AFTER.test(after) || SPEAKERS_BEFORE.test(before))) return false;
  if (/^member organi[sz]ations?$/i.test(phrase) && COUNTED_BEFORE.test(before)) return false;
  return true;
}

/**
 * Reads representatives from the plan's text and its sentences. Speakers ("Speakers: ... a patient
 * representative") and representatives in other senses are left out before the cues are read.
 */
export function readRepresentatives(text: string, sentences: readonly string[]): RepresentativeReading {
  const no = matchAll(NOT_REPRESENTATIVES, text, 3);
  let repText = replaceEach(NOT_A_REPRESENTATIVE, no.length > 0 ? replaceEach(NOT_REPRESENTATIVES, text, ' ') : text, ' ');
  for (const s of sentences) if (SPEAKER_LABEL.test(s)) repText = repText.replace(s, ' ');
  const yes: string[] = [];
  const seen = new Set<string>();
  for (const m of allMatches(REPRESENTATIVE_CUES, repText)) {
    const phrase = m[0].trim();
    if (!saysWhoAttends(repText, m.index ?? 0, phrase)) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    yes.push(phrase);
    if (yes.length >= 4) break;
  }
  if (yes.length === 0) yes.push(...matchAll(BODIES_TAKE_PART, repText, 2));
  if (yes.length === 0) {
    const listed = listedWithBodies(text);
    if (listed) yes.push(listed);
  }
  return { yes, no };
}
