/**
 * A programme of named speakers: an agenda whose slots are clock times, each given to a person named with
 * their role or organisation ("09.00 - 10.00 / 10 years after the crisis / Gabriela Ramos, Chief of Staff,
 * OECD"). Such a programme is a run of talks even when it never says "talk" or "presentation", which is
 * how many conference and forum agendas are written. A list of who was present is not a programme, so a
 * text with a roster label is left out.
 */
import { hasMatch } from './scan.js';

/** A line that starts with a clock time: "09.00 - 09.10", "10:30", "2pm". */
const TIME_LINE = /^\s*(?:-\s*)?(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.))/i;
/** A line that is a person's name and then their role or organisation: "Dr Ann Lee, Director of Public Health". */
const NAME_LINE =
  /^\s*(?:-\s*)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|Cllr|Councillor|Lord|Baroness|Rt Hon|Hon)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?(?:\s+(?:de |van |von )?[A-Z][a-zA-Z'’-]+){1,2}\s*(?:,|\(|–|—)\s*\S[^\n]{2,140}$/;
/** A list of who attended or sent apologies: its names are participants, not speakers. */
const ROSTER_LABEL = /\b(?:present|in attendance|attendees|attending|apologies|members present)\s*:/i;

/** At least this many timed slots and named people make a programme. */
const MIN_SLOTS = 2;

/**
 * The named-speaker lines of a timed programme (at most `limit`), or none when the text is not one: fewer
 * than two lines start with a clock time, fewer than two name a person with their role, or it lists who
 * was present.
 */
export function programmeSpeakers(text: string, limit = 3): string[] {
  if (!text.includes('\n') || hasMatch(ROSTER_LABEL, text)) return [];
  const lines = text.split('\n');
  let times = 0;
  const names: string[] = [];
  for (const line of lines) {
    if (TIME_LINE.test(line)) times += 1;
    else if (NAME_LINE.test(line)) names.push(line.trim().replace(/^-\s*/, ''));
  }
  return times >= MIN_SLOTS && names.length >= MIN_SLOTS ? names.slice(0, limit) : [];
}

/**
 * Talk told by what the audience comes for: "come and hear", "attend to hear more", "join us to hear". People
 * who come to hear are the audience of a talk, not the voices of a conversation.
 */
export const COME_TO_HEAR = /\b(?:come|attend|join (?:us|me|them)|be there)(?: along)?(?: and| to) hear\b/gi;
/** A named person the session features: "this session will feature Dr Ann Lee, author of ...". */
export const FEATURES_PERSON =
  /\b[Ff]eatur(?:e|es|ed|ing) (?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|Cllr)\.? )?[A-Z][a-z'’-]+ (?:[A-Z]\. )?[A-Z][\w'’-]+/g;

/** A list of three or more named speakers: "Speakers included Ann Lee, Bo Chan and Cy Park". */
export const SPEAKER_LIST =
  /\b(?:[Ss]peakers|[Pp]anell?ists|[Pp]resenters)\b[^.\n]{0,30}?\b(?:include[sd]?|including|were|will be|are|:)\s+(?:[A-Z][^,;\n]{2,60}(?:,|;| and )\s*){2,}/g;
