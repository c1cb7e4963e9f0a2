/**
 * Representatives: whether the people who take part come for an organisation. The guide's flag is about
 * delegates of organisations, so a mention of "representatives" counts only when it says who attends:
 * not a class rep or a student rep (who speak for classmates, not for a body), not representatives who
 * lead the sessions or whose report is an agenda item, not nominees on an election slate.
 */
import { NOT_A_REPRESENTATIVE, NOT_REPRESENTATIVES, REPRESENTATIVE_CUES, SPEAKER_LABEL } from './cues.js';
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
/** Representatives there to serve the participants (a stall, answering questions) are not the participants. */
const SERVES_AFTER = /^[^.;\n]{0,60}\b(?:(?:will be|are|is) (?:available|on hand|there|at (?:the|their|our) (?:stands?|stalls?|tables?|desk))|(?:to|will) (?:help|assist|advise|take questions|meet (?:visitors|residents|you)))\b/i;

/** Whether one cue, read in place, says who takes part. */
function saysWhoAttends(text: string, at: number, phrase: string): boolean {
  const before = text.slice(Math.max(0, at - 50), at);
  const after = text.slice(at + phrase.length, at + phrase.length + 120);
  if (/^(?:representatives?|reps?)$/i.test(phrase.trim())) {
    if (PEOPLE_BEFORE.test(before) || PEOPLE_AFTER.test(after)) return false;
    if (REPORT_AFTER.test(after) || REPORT_BEFORE.test(before)) return false;
    if (LEADS_AFTER.test(after) || SERVES_AFTER.test(after)) return false;
    if (OTHER_SENSE_BEFORE.test(before) || OTHER_SENSE_AFTER.test(after)) return false;
  }
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
