/**
 * Deficit detection, shared by the framing check and the meeting-plan review. "Where to Begin": "If we
 * form questions around deficits we may exclude groups whose involvement is critical to new solutions."
 */
import { dropBackground } from './background.js';
import { DECLINE, RECAST } from './decline.js';
import { FREE_OF, GENERAL_MOVES, GENERAL_NOUNS, PROCESS_NAMES } from './lexicon.js';
// Every pattern here is compiled to machine code at its first use: see native-regex.ts.
import { primeNative as native } from '../review/native-regex.js';
import { allMatches } from '../review/text.js';
import { problemSpans } from './problems.js';

/**
 * Framing moves that put a problem at the centre: reduce it, tackle it, fix it, ask what to do about it, or ask
 * why (or "how come") something does not happen.
 */
const DEFICIT_MOVES =
  /\b(?:reduc(?:e|es|ed|ing|tion)|tackl(?:e|es|ed|ing)|combat(?:s|ed|ing|ting)?|prevent(?:s|ed|ing|ion)?|fix(?:es|ed|ing)?|cut(?:s|ting)?(?= (?:down|waiting|back|the))|cutting|stop(?:s|ping)? (?:people|the|young|them|it)|eliminat\w+|eradicat\w+|clamp(?:ing)? down|crack(?:ing)? down|curb(?:s|ing)?|deal(?:ing)? with|get(?:ting)? rid of|what to do about|what(?:'s| is) wrong|what went wrong|keep(?:s)? (?:failing|breaking|going wrong)|(?:issues|problems|trouble) with|closing the (?:\w+ )?gap|cut(?:s|ting)? (?:the )?(?:costs?|spending|budgets?|overheads|workloads?|paperwork|bureaucracy|red tape)|cost[- ]savings?|sav(?:e|ing) money|barriers? to|bypass\w*|(?:aren'?t|isn'?t|not|never) being (?:\w+ed|done|met|followed|completed)|why (?:don'?t|doesn'?t|aren'?t|isn'?t|can'?t|won'?t|haven'?t|do(?:es)? not|are not|is not)\b|why (?:do|does|did|are|is|were|was|have|has|don'?t|doesn'?t|aren'?t|isn'?t|can'?t|won'?t|haven'?t|so many|do so many)\b[^?.]{0,80}?\b(?:leav\w*|quit\w*|drop\w* out|fail\w*|not|never|n'?t|so (?:low|high|many|few|often|bad|poor|hard)|miss\w*|stop\w*|resign\w*|struggl\w*|overdue|happening|wrong)\b|how come\b[^?.]{0,80}?\b(?:leav\w*|quit\w*|drop\w* out|fail\w*|not|never|n'?t|nobody|no one|so (?:low|high|many|few|often|bad|poor|hard)|miss\w*|stop\w*|resign\w*|struggl\w*|overdue|wrong)\b|(?:was|is|are|were|remains?) (?:too |so |very )?(?:low|poor|falling|declining|worsening)\b|(?:going|gone|go) to (?:hell|pot|the dogs|rack and ruin)|going downhill|falling apart|at breaking point|on (?:its|their) knees|on the brink|in freefall|(?<![\w,;] *)(?:the )?realities of|(?:harsh|hard|grim|stark) realit(?:y|ies) of|the truth about|how (?:did|does|do|has|have|could|can) (?:[\w'’-]+ ){1,6}?(?:get|got|gotten|become|end up|ended up) (?:so|this|that|too) (?:bad|expensive|costly|slow|hard|difficult|unaffordable|broken|bad|low|high|late|dangerous|unsafe|complicated)|(?:so|too) (?:expensive|costly|unaffordable)|too late|(?:burn(?:ed|t)|stressed|worn|priced|left) out\b|overwhelm(?:ed|ing)|overstretched|overworked|understaffed|under-?staffed|underfunded|under-?funded|exhausted)/gi;

/** Problems named as the subject. */
const DEFICIT_NOUNS =
  /\b(?:crime|criminal|offending|offenders?|reoffending|anti[- ]?social|asb|vandalism|fly[- ]?tipping|graffiti|litter(?:ing)?|knife|knives|violence|violent|abuse|exploitation|(?:modern )?slavery|trafficking|fraud|scams?|harassment|bullying|discrimination|racism|gangs?|drug (?:dealing|misuse|use)|drug-related|substance misuse|addiction|street drinking|begging|burglar(?:y|ies)|theft|obesity|deprivation|poverty|homelessness|rough sleeping|unemployment|truancy|absenteeism|absences?|exclusions|drop-?outs?|non-?attendance|non-?compliance|failures?|failing|fail(?:s|ed)?|broken|breaking|backlogs?|delays?|shortfall|deficit|overspend|complaints?|incidents?|outages?|errors?|mistakes|bugs|defects|near miss(?:es)?|readmissions?|bed[- ]blocking|delayed discharges?|loneliness|lonely|isolation|isolated|low morale|sickness|burnout|turnover|attrition|churn|problems?|problematic|struggling|underperform\w*|underachiev\w*|shortages?|inefficien\w+|crisis|crises|deaths|death (?:rates?|toll)|silos?|silo working|disengage\w*|not engaging|falling through the cracks|attainment gap|gap|waiting times|long waits|(?<!\w)falls(?! (?:on|under|to|within|in line))|had a fall|damp|mould|disruptions?|overdue|never events?|dropouts?|neets?|not in education|inequalit(?:y|ies)|exclusion|corruption|hate speech|speeding|arrears|missed appointments?|no[- ]shows?|did not attend|waiting lists?|presenteeism|overruns?|food insecurity|insecurity|self[- ]harm|cyberbullying|\w+bullying|fouling|(?:litter|fly[- ]?tipp|speed|pollut|shoplift|fraudst|abus)ers?|vandals?|burglars?|perpetrators?|bullies|pot[- ]?holes?|nuisance|pollution|flooding|vermin|rats|pests|infestations?|drink[- ]driving|drug[- ]driving|underage drinking|non-?payment|illegal (?:parking|dumping|encampments?|eviction|money lending|lending|working|trading)|delayed transfers?|(?:winter|workforce|demand|financial|budget|budgetary|cost|service|system|capacity|operational|staffing) pressures|(?:skills?|funding|budget|pay|attainment|achievement|care|service|workforce|staffing|knowledge|health|life expectancy) gaps|vacancy rates?|hard[- ]to[- ]fill|unfilled (?:posts|vacancies|shifts|places)|void (?:properties|homes)|empty (?:homes|shops|properties|units|buildings)|derelict\w*|disrepair|dilapidat\w+|overcrowd\w*|stress(?![- ](?:free|test))|anxiety|mental ill[- ]health|ill[- ]health|loan sharks?|county lines|digital divide|debts?|harms?|harmful|(?<!\b(?:hearing|learning|breathing|speech|speaking|communication|sight|visual|mobility|swallowing|reading|language) )difficulties|lateness|call(?:s|ing)? in sick|accidents?|accident rates|(?:student|apprenticeship|course|programme|pupil|early) withdrawals?|withdrawal rates?|challeng(?:e|es|ing)|(?:retention|recruitment|behaviour|attendance|performance|quality|safety|capacity|staffing|workforce|access|conduct|compliance|capability) (?:issues|problems|concerns))\b/gi;

/** Adjectives that make an ordinary noun a deficit: "poor attendance", "low uptake", "rising knife crime". */
const DEFICIT_QUALIFIERS =
  /\b(?:poor|low|lack of|excessive|repeated(?:ly)?|rising|high levels of|too (?:many|much|few|little|long|slow)|not enough|insufficient|worsening|declining|falling|bad|weak|(?:drop|dip|fall|decline|slump|deterioration)s? in(?! (?:any|anytime|for|on|at|and|to|from|session|centre|clinic|whenever|when|if|with|here|between|during|over|love)\b)(?: the)?)\s+(?!(?:and|or|but|nor|the|a|an|as|is|are|was|were|to|of|in|on|at|for|with|by|that|which|who)\b)[\w-]+(?:\s+(?!at\b|in\b|on\b|of\b|for\b|among\b|across\b|and\b|the\b|to\b)[\w-]+)?/gi;

/**
 * The two words before a service or a body that can be named for a problem: "debt advice", "Redundancy
 * Counselling", "domestic abuse helpline", "exclusion panels". The service or the body is the head, and the
 * problem names the field it works in (labelling guide, "Framing hard cases").
 */
const NAMED_FOR =
  /\b(?:[\w'-]+\s+)?[\w'-]+(?=\s+(?:advice|advisers?|advisors?|counsell?ing|counsellors?|support|helplines?|services?|panels?|boards?|units?|teams?|committees?|taskforces?)\b)/gi;

/** A problem named as what makes no difference: "crisis or no crisis" (the same word or two either side). */
const WHETHER_OR_NOT = /\b([\w'-]+(?: [\w'-]+)?) or no \1\b/gi;

/**
 * The other side of a question offered in brackets: "How do experiences foster (or undermine) wellbeing?". The
 * head is outside the brackets, and a problem word only given as the alternative does not frame it.
 */
const BRACKETED_ALTERNATIVE = /\(\s*or\s+[^()]{1,40}\)/gi;

/** A camel-case hashtag, whose words are read apart: "#EndPeriodPoverty", "#NoMoreLoneliness". */
const HASHTAG = /#([A-Za-z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*)/g;

/** "Without" and up to three words of its object, to the next punctuation. */
const WITHOUT = /\bwithout\s+(?:the\s+|a\s+|an\s+|any\s+)?[\w'-]+(?:\s+(?:and\s+|or\s+)?[\w'-]+){0,2}/gi;

/** Aspirational language: a good place, feeling valued, what would it take. */
const ASPIRATION =
  /\b(?:good place|great|thrive|thriving|flourish\w*|love|proud|look forward|connected|valued|welcom\w+|what would it take|what helps|what makes|how (?:can|do|might) we (?:make|create|help|build|get better)|make this a|best|easy|easier|simple|confident|belong\w*|at home|feel (?:safe|at home|part|heard|valued)|want to|enjoy\w*|happy|healthy|active|hope\w*|together|well\b|go well|good|better|at our best|empower\w*|inclusive|nobody|no one|every (?:child|young person|tenant|resident|patient|person)|experts? by experience)\b/gi;

/** An agenda item that is procedure: its subject is a body or a document, not a question. */
const PROCEDURAL_LEAD = /^\s*(?:discussion|update|report|minutes|election|appointment|composition|membership|terms of reference|nominations?)\b[^?]{0,40}?\b(?:composition|membership|terms of reference|election|appointment|nominations?|minutes|report)\s+(?:of|from|to)\s+(?:the\s+)?[A-Z]/i;
/** A body's proper name, with what it is named for ("Community Coalition on Homelessness"). */
const BODY_NAME = /\b(?:[A-Z][\w'-]*\s+){0,4}(?:Coalition|Partnership|Board|Committee|Forum|Network|Alliance|Taskforce|Commission|Panel|Group)(?:\s+(?:[Oo]n|[Ff]or|[Aa]gainst)\s+(?:[A-Z][\w'-]*\s*)+)?/g;

/**
 * Idioms whose problem word names no problem: an activity called a challenge ("the Summer Reading
 * Challenge", "a step count challenge", "Reading Workshop and Challenge", a challenge paired with another
 * event), rising stars, breaking news or bread, cutting the ribbon, a body's name with "&" for "and" ("Police &
 * Crime Plan"), and "too important to fail", which says something must succeed.
 */
const IDIOMS =
  /\b(?:(?:reading|step|steps|step count|fitness|bake|baking|photo|quiz|plank|walking|running|cycling|swimming|litter[- ]pick(?:ing)?|plastic[- ]free|sponsored|charity|team|innovation|design|coding|(?:january|february|march|april|may|june|july|august|september|october|november|december|month|week|day|30[- ]day|100[- ]day)) challenge|challenge (?:cup|day|event|walk|award)s?|(?:workshop|quiz|competition|race|tournament|festival|fun day|games?|activit(?:y|ies)) (?:and|&) challenge\b|rising stars?|breaking (?:news|bread|ground|the ice)|cut(?:s|ting)? the ribbon|ribbon[- ]cutting|litter[- ]pick(?:s|ing|ers?)?|police,? (?:fire )?(?:and|&) crime (?:commissioner|panel|plan|committee)s?|too (?:big|important|good|great|precious|valuable|vital|crucial|critical|essential) to fail)\b/gi;

/** Problem words that frame nothing: a task tackled, a method's name, or problems paired with opportunities. */
const NEUTRAL_PAIRS =
  /\b(?:tackl(?:e|es|ed|ing) (?:the |our |this |their |a |an )?(?:[\w/'’-]+ ){0,2}?(?:interviews?|meetings?|tasks?|projects?|agenda|questions?|topics?|subjects?|job|jobs|chores?|paperwork|reading list|evening|session)\b|(?:creative |collaborative |joint |group )?problem[- ]solving|(?:(?:tackl|address|explor|discuss|deal(?:ing)? with)\w* )?(?:the )?(?:issues|problems|challenges|risks|threats|pressures)(?:,)? (?:and|&) (?:the )?opportunit(?:y|ies)|opportunities (?:and|&) (?:the )?(?:issues|problems|challenges|risks|threats|pressures))\b/gi;

/**
 * A body's or a role's proper name that carries a problem word ("the Police and Crime Panel", "the
 * Violence Reduction Unit") names who hosts, attends or is discussed, not what the question is framed
 * around. A programme or an initiative is not such a name: it is named for its aim ("The Delayed
 * Discharge Improvement Programme"), so its words are read as the framing.
 */
const NAMED_BODY =
  /\b(?:(?!(?:Your|Our|Their|My|His|Her|Its|In|At|To|With|How|What|Why|When|Where|Who|A|An|The|Is|Are|Do|Does|Can|From|By|Into|Improve|Improving|Reduce|Reducing|Tackle|Tackling|Prevent|Preventing|Combat\w*|End|Ending|Fight|Fighting|Address|Addressing|Design|Designing|Identify|Identifying|Manage|Managing|Stop|Stopping|Organi[sz]ing|Understanding)\b)[A-Z][\w'’-]*\s+(?:(?:and|&|of|for|on|against)\s+)?){1,5}(?:Commissioner|Partnership|Team|Unit|Board|Committee|Service|Office|Officer|Hub|Network|Alliance|Taskforce|Coalition|Panel|Agency|Directorate|Department|Squad|Act|Bill)s?\b(?:\s+(?:[Oo]n|[Ff]or|[Aa]gainst)\s+(?:[A-Z][\w'’-]*\s*)+)?/g;

/** The vocabularies every `deficitSigns` call runs, and those of its general reading. */
const ALWAYS_RUN = [PROCESS_NAMES, FREE_OF, NEUTRAL_PAIRS, RECAST, IDIOMS, PROCEDURAL_LEAD, NAMED_BODY, DEFICIT_MOVES, DEFICIT_QUALIFIERS, DECLINE, DEFICIT_NOUNS, ASPIRATION];
const GENERAL_RUN = [WITHOUT, GENERAL_MOVES, GENERAL_NOUNS];
let alwaysReady = false;
let generalReady = false;

/**
 * Compiles the vocabularies a `deficitSigns` call is about to run (native-regex.ts), once per process: the
 * same ones its first call compiled before, without a look-up per regex on each of the two dozen calls a
 * review makes.
 */
function prepare(options: DeficitOptions): void {
  if (!alwaysReady) {
    alwaysReady = true;
    for (const re of ALWAYS_RUN) native(re);
  }
  if (options.general && !generalReady) {
    generalReady = true;
    for (const re of GENERAL_RUN) native(re);
  }
}

/** How many aspirational cues a text has ("what would it take", "proud", "feel valued"). */
export function aspirationCount(text: string): number {
  return text.match(native(ASPIRATION))?.length ?? 0;
}

/** The aspiration cues of a text as quoted, each once ("better", "together"): the review weighs them against a lone problem. */
export function aspirationPhrases(text: string): string[] {
  return [...new Set(text.match(native(ASPIRATION)) ?? [])];
}

/** Deficit evidence with how strongly it frames the question around a problem. */
export interface DeficitResult {
  deficit: boolean;
  evidence: string[];
}

function collect(re: RegExp, text: string, into: string[], raw = text): number {
  let n = 0;
  // `allMatches`, not `matchAll`: matchAll copies the regex on every call, and most calls are on one short
  // framing sentence, where that copy cost several times the scan. Same matches, same order.
  for (const m of allMatches(re, text)) {
    const found = m[0].trim();
    // Apostrophes were straightened to match; quote the words as the text has them.
    const phrase = raw.includes(found) ? found : found.replace(/'/g, '’');
    if (!into.some((p) => p.toLowerCase().includes(phrase.toLowerCase()) || phrase.toLowerCase().includes(p.toLowerCase()))) into.push(phrase);
    n += 1;
  }
  return n;
}

/**
 * Says whether a question or theme is framed around a deficit and quotes the words that show it.
 * A problem word beside strong aspiration ("so nobody eats alone") reads as an aspiration; a framing
 * move ("reducing", "tackling") is a deficit framing whatever else surrounds it.
 */
export function detectDeficit(text: string, options: DeficitOptions = {}): DeficitResult {
  const { strong, nouns, aspiration, evidence } = deficitSigns(text, options);
  const deficit = strong > 0 || (nouns > 0 && nouns >= aspiration);
  return { deficit, evidence: deficit ? evidence : [] };
}

/** How widely to read a deficit. */
export interface DeficitOptions {
  /**
   * Also read the general vocabulary (`lexicon.ts`: negated verbs, un-/under- words, obstacles, concerns).
   * On for a question or a title, whose words are all its framing; off for a plan's framing sentences,
   * where the same words turn up in housekeeping and background ("concerns", "not", "at risk") and made
   * the review's deficit-framing question fire on twice as many plans that were not framed around a problem.
   */
  general?: boolean;
}

/** The counts behind `detectDeficit`: framing moves and qualifiers (strong), problem nouns, aspiration cues. */
export function deficitSigns(raw: string, options: DeficitOptions = {}): { strong: number; nouns: number; aspiration: number; evidence: string[] } {
  prepare(options);
  // "Apologies for absence" is an agenda item, not a framing.
  let text = /apolog/i.test(raw) ? raw.replace(/\bapologies(?: for absence)?\b/gi, ' ') : raw;
  // Curly and straight apostrophes read the same ("didn’t", "didn't").
  text = text.replace(/[’‘]/g, "'");
  // A problem word naming a procedure ("complaints handling") or what an aim is free of ("hunger-free") frames nothing.
  text = text.replace(PROCESS_NAMES, ' ').replace(FREE_OF, ' ');
  // A method's name ("creative problem solving") and problems paired with opportunities ("tackle the issues
  // and opportunities") name no deficit at the centre: the pair is the ordinary scope of any agenda.
  text = text.replace(NEUTRAL_PAIRS, ' ').replace(RECAST, ' ').replace(IDIOMS, ' ');
  // A procedural item about a body ("Discussion - membership of the Coalition on Homelessness") is about
  // the body, not framed around the problem its name carries.
  if (PROCEDURAL_LEAD.test(text)) text = text.replace(native(BODY_NAME), ' ');
  text = text.replace(NAMED_BODY, ' ');
  // In a title or question, a problem named only as what a good head comes after ("Recovery after
  // redundancy") is background, not the frame.
  if (options.general) {
    // A hashtag runs its words together ("#EndChildPoverty"): read them as the words they are.
    text = text.replace(HASHTAG, (_tag, words: string) => ` ${words.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, ' ')}`);
    // A service or a body named for a problem ("debt advice", "the exclusion panel") says what field it works in:
    // its problem nouns are dropped, from the head back. A qualifier ("poor support", "lack of advice") is not a noun, and stays.
    text = text.replace(native(NAMED_FOR), (words) => namedFor(words, options));
    // "Crisis or no crisis", "recession or no recession": whatever the problem, so not the frame.
    text = text.replace(WHETHER_OR_NOT, (m) => ' '.repeat(m.length));
    text = text.replace(BRACKETED_ALTERNATIVE, (m) => ' '.repeat(m.length));
    // "Growing up without violence", "a world without poverty and hunger": what an aim is without is
    // the harm it leaves behind, as with "free of" above.
    text = text.replace(native(WITHOUT), ' ');
    text = dropBackground(text, (words) => count(words, options, [], words) > 0, (words) => strongSigns(words, options, [], words) > 0);
  }
  const evidence: string[] = [];
  const strong = strongSigns(text, options, evidence, raw);
  const nouns = collect(DEFICIT_NOUNS, text, evidence, raw) + (options.general ? collect(GENERAL_NOUNS, text, evidence, raw) + collectProblems(text, evidence, raw) : 0);
  return { strong, nouns, aspiration: aspirationCount(text), evidence };
}

/** Two words before a service or a body, with the problem nouns next to the head blanked ("domestic abuse" in "domestic abuse helpline"). */
function namedFor(words: string, options: DeficitOptions): string {
  const parts = words.split(/(\s+)/);
  for (let k = parts.length - 1; k >= 0; k -= 2) {
    const word = parts[k] ?? '';
    if (strongSigns(word, options, [], word) > 0 || count(word, options, [], word) === 0) break;
    parts[k] = ' '.repeat(word.length);
  }
  return parts.join('');
}

function strongSigns(text: string, options: DeficitOptions, evidence: string[], raw: string): number {
  return collect(DEFICIT_MOVES, text, evidence, raw) + collect(DEFICIT_QUALIFIERS, text, evidence, raw) + collect(DECLINE, text, evidence, raw) +
    (options.general ? collect(GENERAL_MOVES, text, evidence, raw) : 0);
}

/** Every deficit sign in a stretch of words, strong or noun. */
function count(text: string, options: DeficitOptions, evidence: string[], raw: string): number {
  return strongSigns(text, options, evidence, raw) + collect(DEFICIT_NOUNS, text, evidence, raw) +
    (options.general ? collect(GENERAL_NOUNS, text, evidence, raw) + collectProblems(text, evidence, raw) : 0);
}

/**
 * The word-set problem vocabulary (`problems.ts`), counting only words no pattern above already quoted, so
 * a problem the patterns know ("poverty") is not counted twice against the aspiration beside it.
 */
function collectProblems(text: string, evidence: string[], raw: string): number {
  let n = 0;
  for (const { start, end } of problemSpans(text)) {
    const found = text.slice(start, end);
    const phrase = raw.includes(found) ? found : found.replace(/'/g, '’');
    const lower = phrase.toLowerCase();
    if (evidence.some((p) => p.toLowerCase().includes(lower) || lower.includes(p.toLowerCase()))) continue;
    evidence.push(phrase);
    n += 1;
  }
  return n;
}
