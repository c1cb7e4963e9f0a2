/**
 * The grammar of a question that asks people to look at what is wrong without naming a problem word:
 * what they dislike or like least, what is least clear, what keeps them awake, what has been missed,
 * what is too infrequent, what to protect against, what people are tired of, what was negative. These are the ways a survey, a retrospective or an
 * exit interview asks for the bad end of the scale ("What did you dislike about your job?", "What are
 * you least clear about?"), and they carry over to any topic because they are about the question's
 * shape, not its subject. Read with the general vocabulary (`lexicon.ts`), for titles and questions only.
 */

/** Disliking, or liking least: the bottom of the scale asked for directly. */
const DISLIKE = String.raw`\bdislik(?:e|es|ed|ing)\b|\b(?:like|liked|enjoy|enjoyed|value|valued)\s+(?:[\w'-]+\s+)?least\b`;

/** The least of something good: "least clear", "least supported", "least useful". */
const LEAST =
  String.raw`\bleast\s+(?:clear|happy|satisfied|satisfying|confident|useful|helpful|effective|valuable|engaged|supported|prepared|enjoyable|favou?rite|motivated|motivating|productive|rewarding|safe|comfortable|informed|valued|heard)\b`;

/** What keeps people awake, in any tense: "What's keeping us awake at night?". */
const AWAKE = String.raw`\b(?:keep|keeps|keeping|kept)\s+(?:you|us|them|me|him|her|people|staff|leaders)\s+(?:up|awake)\b`;

/** Something passed over, told in the perfect or the passive: "areas that have been missed". */
const PASSED_OVER = String.raw`\b(?:been|being|get|gets|got|getting)\s+(?:missed|forgotten|left behind|left out|overlooked|neglected|ignored|sidelined|lost)\b`;

/**
 * A judgement that something is too much or too little, said of it, with the subject between in a
 * question: "was our communication with the client too infrequent?", "Are meetings too long?". "Too good
 * to be true" praises.
 */
const TOO =
  String.raw`\b(?:is|are|was|were|be|been|being|seem|seems|seemed|feel|feels|felt|get|gets|got|getting)\s+(?:[\w'’-]+\s+){0,6}?(?:far\s+|much\s+|way\s+|a bit\s+|often\s+)?too\s+(?!good\b|kind\b|much\s+fun\b)[a-z]{3,}`;

/** A move to shield people from a harm: "Protect Against Scamming", "guarding against fraud". */
const AGAINST = String.raw`\b(?:protect|protects|protected|protecting|protection|guard|guards|guarding|safeguard|safeguarding|defend|defending|defence|defense)\s+(?:[\w'-]+\s+){0,2}?against\b`;

/** Being tired of something, asked or said: "Are you tired of meetings that overrun?", "fed up with potholes". */
const TIRED_OF = String.raw`\b(?:tired|sick|weary)\s+of\b(?!\s+(?:waiting\s+for\s+)?(?:the\s+)?(?:good|great|fun))|\bfed\s+up\b`;

/**
 * The negative side of what happened, asked for by name: "Were there any negative experiences?", "the
 * negative effects of shift work". "Negative" of a test result or a number is not this: only what people
 * met, felt or were told counts.
 */
const NEGATIVE =
  String.raw`\bnegative\s+(?:events?|experiences?|feedback|comments?|aspects?|impacts?|effects?|consequences?|outcomes?|things|incidents?|behaviou?rs?|attitudes?|perceptions?|interactions?)\b`;

/** Every such shape, as one alternation for `GENERAL_MOVES`. */
export const COMPLAINT = [DISLIKE, LEAST, AWAKE, PASSED_OVER, TOO, AGAINST, TIRED_OF, NEGATIVE].join('|');
