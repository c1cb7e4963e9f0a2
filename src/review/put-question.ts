/**
 * Whether a plan's question is one the meeting puts to the people in it, and so worth praising as a question
 * that invites people in. Many questions in real plans are not: a leaflet's headings and FAQ, a term being
 * defined, or the writer asking the reader for help with the meeting.
 */

/** "What is a kick-off meeting?", "What is the role of the board?": a kind of thing defined. */
const DEFINITION = new RegExp([
  String.raw`^\W*(?:so,? )?what (?:is|are) (?:a|an)\s+[\w'’ -]{1,60}\?\W*$`,
  // What goes on at a kind of meeting, or what a body is for: a leaflet's heading, not a question put to anyone.
  String.raw`^\W*(?:so,? )?what happens (?:at|in|during) (?:an? |the |our |your )?[\w'’ -]{1,40}?(?:meetings?|sessions?|events?|forums?|workshops?|groups?)\?\W*$`,
  String.raw`\bwhat (?:is|are) the (?:purposes?|roles?|remit|aims?|goals?|objectives?|functions?) of (?:the |this |our )?[\w'’ -]{1,40}\?\W*$`,
].join('|'), 'i');
/** "What is Contract Cheating?", "What is the Campus Safety Commission (CSC)?": a named thing defined. */
const NAME_DEFINED = /^\W*(?:[Ss]o,? )?[Ww]hat (?:is|are) (?:the )?[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|and|for|the))*(?: \([A-Z]{2,}\))?\s*\?\W*$/;

/**
 * A leaflet's question about the meeting or body itself, answered by the text below it: "Where do we meet?",
 * "When and where?", "How often is it?", "What is the group for?", "What is it and who is it for?", "So what
 * will happen at the meeting?", "How does voting work?", "How the Parent Forum works?".
 */
const ABOUT_ITSELF = new RegExp([
  String.raw`^\W*(?:so,? )?(?:when|where)(?: and (?:when|where))?(?: (?:do|does|will) (?:we|it|they) (?:meet|take place|happen)| (?:is|are) (?:it|they|we)(?: held)?)?\s*\?\W*$`,
  String.raw`^\W*how (?:often|long) (?:is|are|does|do|will) (?:it|they|we|the \w+)\b[^?]{0,30}\?\W*$`,
  String.raw`^\W*(?:so,? )?what (?:is|are) (?:it|they|the \w+(?: \w+)?|these \w+)\b[^?]{0,30}\b(?:for|about|aimed at)\s*\?\W*$`,
  String.raw`^\W*(?:so,? )?what (?:is|are) (?:it|they)\s*\?\W*$`,
  String.raw`^\W*(?:so,? )?what (?:will|does|would) (?:happen|go on) (?:at|in|during)\b[^?]{0,40}\?\W*$`,
  String.raw`^\W*how does [\w'’ -]{1,40} work\s*\?\W*$`,
  String.raw`^\W*how (?:the |a |an )?[\w'’ -]{1,40} works\s*\?\W*$`,
  // A planning checklist asks the organiser what the meeting is for: "What is your goal?", "What is the aim of the workshop?".
  String.raw`^\W*what (?:is|are) (?:your|the) (?:main |overall |key )?(?:goals?|aims?|purposes?|objectives?|intended outcomes?|desired outcomes?)(?: (?:of|for) (?:the|this|your) (?:meeting|session|workshop|event|day|away ?day|retreat))?\s*\?\W*$`,
].join('|'), 'i');

/**
 * A question the writer asks for themselves or asks the reader: "What am I forgetting?", "Should I accept
 * this meeting?", "What tips do you have for keeping such meetings productive?", "I wonder how many will
 * make it along?". It asks for help with the meeting; it is not the question the meeting puts to people.
 * The writer's "I" is found as the subject after its verb ("can I", "am I"); "If I knew then what I know now,
 * what would I have done differently?" is a reflective question in the first person, not one of them.
 */
const ASKS_FOR_HELP =
  /\b(?:[Aa]m|[Cc]an|[Cc]ould|[Ss]hould|[Ss]hall|[Dd]o|[Dd]id|[Mm]ust) I\b|\bI (?:wonder|was wondering)\b|\b(?:tips|ideas|suggestions|advice|recommendations|pointers)\b[^?]{0,30}\b(?:you|anyone|anybody)\b|\b(?:anyone|anybody)\b[^?]{0,40}\b(?:tips|ideas|suggestions|advice|recommendations|pointers|experience)\b/;

/**
 * The organisers' own story told as a question: "How have we arrived here?", "How did it all start?", "Why did
 * we decide to run this?". The text goes on to answer it; nobody in the room is asked it (s29 audit).
 */
const ORIGIN =
  /^\W*(?:so,? )?(?:how|why|what) (?:did|have|has|had) (?:we|i|it|this|they|the \w+|our \w+) (?:all )?(?:get|got|arrive[d]?|come|came|end(?:ed)? up|start(?:ed)?|begin|began|decide[d]?|choose|chose|become|led us)\b[^?]{0,50}\?\W*$/i;

/** An open question the meeting puts to the people in it: not a heading, a leaflet's FAQ or a request for help. */
export function putToPeople(question: string): boolean {
  // A leaflet numbers its headings ("1 What is a User Forum?", "Q2. How long does it last?"): the number is not part of the question.
  const q = withoutHeadingNumber(question);
  return /\b(?:what|how|where)\b/i.test(q) && ![DEFINITION, NAME_DEFINED, ASKS_FOR_HELP, ABOUT_ITSELF, ORIGIN].some((re) => re.test(q));
}

/** A heading's number or letter before its question: "1 ", "2. ", "Q3) ", "a) ". */
const NUMBERED_HEADING = /^\W*(?:q\s?)?(?:\d{1,2}[.):]?|[a-h][.):])\s+(?=\S)/i;

/** A question without the number a leaflet or a list put before it, as it is quoted. */
export function withoutHeadingNumber(question: string): string {
  return question.replace(NUMBERED_HEADING, '');
}

/**
 * A promise to answer a question for the reader: the question is a teaser the speakers answer ("How do you
 * engage all employees? Join our webinar to find out", "What does it take? Our panel will share five tips"),
 * not one the people in the room explore together.
 */
const ANSWERED_FOR_READER =
  /\b(?:find out|learn (?:how|what|why|the|about)|discover|(?:will|'ll) (?:show|tell|explain|reveal|answer|share (?:how|what|why|their (?:tips|secrets|answers?)|(?:\w+ )?(?:tips|tactics|secrets|steps|ways|strategies)))|shows? you|here(?:'s| is) how|(?:get|hear|reveal\w*|shar\w+|provid\w+|giv\w+) (?:you )?the answers?\b|answers? (?:this|these|that|it|them)\b|(?:top |\d+ |five |three |seven |ten )?(?:tips|tactics|secrets|hacks)\b)/i;

/**
 * Whether `question` (a sentence of `list`) is answered for the reader in its own or the next sentence: a
 * teaser. The meeting then tells people the answer, so it is not praised as a question that invites them in.
 */
export function teaserQuestion(list: readonly string[], question: string): boolean {
  const i = list.indexOf(question);
  if (i < 0) return false;
  const after = question.slice(question.lastIndexOf('?') + 1);
  return ANSWERED_FOR_READER.test(`${after} ${list[i + 1] ?? ''}`);
}

/** A question quoted inside a longer sentence: "attendees discuss questions like \"what kind of community do you want?\"". */
const QUOTED_QUESTION = /["“]([^"“”]{3,200}?\?)["”]/;

/**
 * The question a sentence puts, as written: the quoted question when the sentence quotes one (the praise
 * quotes that, not the sentence around it, which a long sentence would leave cut before the question ends),
 * else the whole sentence.
 */
export function askedQuestion(sentence: string): string {
  return QUOTED_QUESTION.exec(sentence)?.[1]?.trim() ?? sentence;
}
