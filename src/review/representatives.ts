/**
 * Representatives: whether the people who take part come for an organisation. The guide's flag is about
 * delegates of organisations, so a mention of "representatives" counts only when it says who attends:
 * not a class rep or a student rep (who speak for classmates, not for a body), not representatives who
 * lead the sessions or whose report is an agenda item, not nominees on an election slate.
 */
import { NOT_A_REPRESENTATIVE, NOT_REPRESENTATIVES, REPRESENTATIVE_CUES, SPEAKER_LABEL } from './cues.js';
import { primeNative } from './native-regex.js';
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
const PEOPLE_BEFORE = /\b(?:class|form|tutor(?:[- ]group)?|year(?:[- ]group)?|year \d{1,2}|course|students?|pupils?|parents?|subject|school council|student council|sixth form)(?:[- ](?:council|union|voice|subject|year|group))?\s+$/i;
/** The same said after the cue: "representatives for others", "reps elected by the students", "reps of each class". */
const PEOPLE_AFTER = /^\s*(?:for (?:the )?(?:others|other parents|their (?:class|classmates|peers|year|form))|(?:who are |are |were )?(?:voted|elected|chosen)\b[^.;\n]{0,40}\b(?:tutor groups?|class(?:es)?|forms?|year groups?|students|pupils|parents|peers|classmates)\b|(?:of|from) (?:each |every |their |the )?(?:tutor groups?|class(?:es)?|forms?|year groups?|student body|students|pupils|parents)\b)/i;
/** A report by a representative is an item of business; who presents it is not who the participants are. */
const REPORT_AFTER = /^['’]?s?\s+(?:reports?|updates?)\b/i;
const REPORT_BEFORE = /\b(?:reports?|updates?) (?:of|from|by) (?:the |our |a |an )?(?:[\w&'’-]+\s+){0,4}$/i;
/** People running the meeting ("representatives ... will lead the discussions") are hosts, not participants. */
const LEADS_AFTER = /^[^.;\n]{0,100}\b(?:to|will|who will|would) (?:lead|facilitate|chair|host|run|deliver|introduce)\b/i;

/**
 * "Representative" as a job, a legislature or a sample: a sales representative, the House of
 * Representatives, elected representatives (who speak for voters, not for a body), a legal representative.
 */
const OTHER_SENSE_BEFORE = /\b(?:house of|sales|customer(?: service)?|account|legal|elected|your (?:local )?|local elected|constituency)\s+$/i;
const OTHER_SENSE_AFTER = /^\s+(?:sample|survey|selection|example)s?\b/i;
/**
 * "The representative body for nurses", "a representative group of staff": the adjective, describing a
 * body or a sample. Lower case only: "Carers Forum Representative Group" names a group of representatives.
 */
const ADJECTIVE_AFTER = /^\s+(?:body|bodies|organi[sz]ations?|groups?|voices?|structures?|roles?|democracy|government|institutions?|associations?|councils?|assembl(?:y|ies)|forums?|panels?|cross-section|mix|range|views?|data|picture|number|functions?|capacity)\b/;

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
/** "Grammy-nominated", "nominated for an award": an honour, not a delegate. */
const HONOUR_AFTER = /^\s+for\s+(?:an?\s+|the\s+|this year's\s+)?(?:[\w'’-]+\s+){0,3}(?:awards?|prizes?|honours?|honors?|medals?|titles?)\b/i;
/** A body's membership counted ("our 60 member organisations", "a network of 60 member organisations"). */
const COUNTED_BEFORE = /\b\d[\d,]*\s+$/;
/** Representatives there to serve the participants (a stall, answering questions) are not the participants. */
const SERVES_AFTER = /^[^.;\n]{0,60}\b(?:(?:will be|are|is) (?:available|on hand|there|at (?:the|their|our) (?:stands?|stalls?|tables?|desk))|(?:to|will) (?:help|assist|advise|take questions|meet (?:visitors|residents|you)))\b/i;

/** Whether one cue, read in place, says who takes part. */
function saysWhoAttends(text: string, at: number, phrase: string): boolean {
  const before = text.slice(Math.max(0, at - 50), at);
  const after = text.slice(at + phrase.length, at + phrase.length + 120);
  if (/^(?:representatives?|reps?)$/i.test(phrase.trim())) {
    if (PEOPLE_BEFORE.test(before) || primeNative(PEOPLE_AFTER).test(after)) return false;
    if (REPORT_AFTER.test(after) || REPORT_BEFORE.test(before)) return false;
    if (LEADS_AFTER.test(after) || SERVES_AFTER.test(after)) return false;
    if (OTHER_SENSE_BEFORE.test(before) || OTHER_SENSE_AFTER.test(after)) return false;
    if (phrase === 'representative' && ADJECTIVE_AFTER.test(after)) return false;
  }
  if (WRITER_BEHALF.test(phrase) && (FIRST_PERSON_BEFORE.test(before) || FIRST_PERSON_AFTER.test(after))) return false;
  if (/^(?:representing|(?:who|which|that) represent)$/i.test(phrase) && (BODY_SIZE_AFTER.test(after) || SPEAKERS_BEFORE.test(before))) return false;
  if (/^nominated$/i.test(phrase) && (before.endsWith('-') || HONOUR_AFTER.test(after))) return false;
  if (/^member organi[sz]ations?$/i.test(phrase) && COUNTED_BEFORE.test(before)) return false;
  return true;
}

/**
 * Reads representatives from the plan's text and its sentences. Speakers ("Speakers: ... a patient
 * representative") and representatives in other senses are left out before the cues are read.
 */
export function readRepresentatives(text: string, sentences: readonly string[]): RepresentativeReading {
  const no = matchAll(NOT_REPRESENTATIVES, text, 3);
  let repText = (no.length > 0 ? text.replace(NOT_REPRESENTATIVES, ' ') : text).replace(NOT_A_REPRESENTATIVE, ' ');
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
  return { yes, no };
}
