/**
 * A general deficit vocabulary for the framing check, built from the ordinary English words for a problem,
 * a shortfall or a harm and from how English makes them (un-, under-, non-, mis-, dis-, anti-; a negated
 * verb), not from the topics of any corpus. The topic lists in `deficit.ts` and `decline.ts` name problems
 * people meet in meetings (knife crime, damp, sickness absence); these patterns catch the same framing when
 * it arrives in words nobody listed ("unmet needs", "Workshops don't work", "What is missing?").
 */
import { COMPLAINT } from './complaint.js';

/**
 * People and places a prefixed adjective can describe: "unpaid carers", "underserved communities".
 * Such a phrase names who a question is about, not what is wrong ("Support for unpaid carers"), so the
 * prefixed word counts only when it qualifies a thing ("unmet needs", "unsafe homes") or stands alone.
 */
const WHO_NOUN =
  String.raw`(?:people|persons?|carers?|caregivers?|parents?|families|children|young|youth|adults?|women|men|girls|boys|students?|pupils?|learners?|workers?|employees?|staff|volunteers?|residents?|tenants?|patients?|users?|customers?|clients?|communit(?:y|ies)|groups?|populations?|regions?|areas?|neighbou?rhoods?|countries|schools?|individuals?|households?|minorities|voices?)`;

/** Stems that, prefixed with un-, name a need or a standard not met: "unmet needs", "unkept appointments". */
const UN_STEMS =
  'met|paid|kept|safe|healthy|fair|resolved|treated|diagnosed|supported|heard|valued|addressed|filled|wanted|insured|reported|answered|recognised|recognized|affordable|acceptable|manageable|sustainable|reliable|available|equal|successful|productive|happy|employed|engaged|finished|sanitary|fit|accounted for|attended|claimed|used|occupied|licensed|regulated|checked|secure|stable|suitable|accessible|welcome';

/** Stems that, prefixed with under-, name too little of something good: "underrepresentation", "underfunding". */
const UNDER_STEMS =
  String.raw`represent\w*|perform\w*|achiev\w*|attain\w*|staff\w*|fund\w*|resourc\w*|invest\w*|utili[sz]\w*|us(?:e|ed|age)|paid|pay|valued|report\w*|nourish\w*|employ\w*|diagnos\w*|serv(?:ed|ing)|recogni[sz]\w*|develop(?:ed|ment)`;

/** Nouns made with non-, mis-, dis- that name a failure: "non-completion", "misconduct", "distrust". */
const PREFIXED_NOUNS =
  String.raw`\bnon[- ]?(?:attendance|compliance|payment|completion|participation|engagement|response|returns?|continuation|delivery|adherence|disclosure|reporting|uptake|take-?up|submission|conformance|conformity|achievement|progression)\b` +
  String.raw`|\bmis(?:use|used|conduct|management|manag(?:ed|ing)|treatment|treat(?:ed|ing)|information|diagnos\w*|handl(?:ed|ing)|communication|understandings?|selling|sold|spending|allocation|behaviou?r)\b` +
  String.raw`|\bdis(?:satisf\w+|content|trust|honest\w*|illusion\w*|connect(?:ed|ion)?|organi[sz]ed|orderly|functional|function|respect(?:ed|ful)?|proportionate(?:ly)?|jointed|array|ruptive|advantage)\b`;

/**
 * Problems, shortfalls and harms named as nouns, from the general vocabulary of trouble rather than any
 * sector's topics: obstacles, disparities, burdens, layoffs, waste. Each counts as one problem noun,
 * outweighed by aspiration as the corpus's other nouns are.
 */
const SHORTFALL_NOUNS =
  String.raw`\b(?:obstacles?|hurdles?|pitfalls?|stumbling blocks?|shortcomings?|failings?|weaknesses|disparit(?:y|ies)|inequit(?:y|ies)|hardships?|burdens?|distress(?:ed|ing)?|suffering|struggles?|grievances?|frustrations?|frustrat(?:ed|ing)|pain points?|(?<!\b(?:tak(?:e|es|ing)|took|taken|great|no) )pains\b|bottlenecks?|disputes?|conflicts?(?! of interest)|misery|negligence|neglect(?:ed)?|malpractice|injur(?:y|ies)|layoffs?|lay-?offs?|redundanc(?:y|ies)|job (?:losses|cuts)|downsizing|closures?|wastage|wasteful|dangers?|dangerous|unsafe|threats?(?! and opportunit)|damag(?:e|es|ed|ing)|losses|concerns(?! (?:all|everyone|us|you))|grim|toxic|chaos|chaotic|mess|dysfunction\w*|inadequa\w+|deficienc(?:y|ies)|deficits?|shortfalls?|scarcity|hunger|famine|malnutrition|starvation|cuts|complain(?:ing|ed|s)?|at risk|left out|stigma|stigmati[sz]\w*|prejudices?|taboos?|glitch(?:es)?|hiccups?|snags?|nightmares?|headaches?|ignored|overlooked|let down|excluded|sewage|noise|attacks?|rough sleepers?|resistance(?! (?:training|bands?|exercises?))` +
  // What stands in the way, in the ordinary words for it: "Were there any blockers?", "What is blocking you?".
  // Barriers alone are obstacles ("User stories identify barriers"); not weighed with enablers, nor a physical barrier or a reef.
  String.raw`|(?<!\b(?:crash|crowd|safety|sound|flood|great|tidal|vapou?r|light)[- ])barriers?(?![- ](?:reef|island|free|method|cream)\b)(?! (?:and|&) (?:the )?(?:enablers?|facilitators?|opportunit))|blockers?|roadblocks?|impediments?|hindrances?|obstructions?|(?<!first )refusals?|friction|hinder(?:s|ed|ing)?|imped(?:e|es|ed|ing)|obstruct(?:s|ed|ing)?|(?<!time[- ])blocking|blocked|unblock\w*)\b` +
  // An emergency at the end of its phrase is the problem ("the climate emergency"); "emergency food provision" is a service.
  String.raw`|\bemergenc(?:y|ies)\b(?!\s+[a-z])` +
  // The bad end named as such: "Preparing for the worst of times", "worst-case".
  String.raw`|\bworst\b`;

/**
 * Words that put something going wrong or falling short at the centre: "on hold", "falling short",
 * "what is missing", "crushing morale", "under pressure", "waste of time", "anti-corruption".
 */
const GOING_WRONG =
  String.raw`\bon hold\b|\bfall(?:s|ing|en)? short\b|\bfell short\b|\blagg(?:ing|ed) behind\b|\bslipp(?:ing|ed) through\b|\bstuck\b|\bcrush(?:es|ed|ing)\b|\bundermin\w+|\berod(?:e|es|ed|ing)\b|\bcollaps\w+|\bthreaten\w*` +
  // "Trustees under pressure"; "improve care under real financial pressure" is a circumstance, not the subject.
  String.raw`|\bunder (?:pressure|strain|threat|attack|siege|fire)\b` +
  String.raw`|\b(?:wait(?:s|ing|ed)?|tak(?:e|es|ing)|took) (?:far |much )?(?:too|so) long\b|\bover[- ]?budget\b|\bloss of\b` +
  String.raw`|\bfeel(?:s|ing)? (?:ignored|unheard|overlooked|neglected|let down|invisible|trapped|excluded|unwelcome|patroni[sz]ed|disrespected|belittled|powerless|hopeless)\b` +
  String.raw`|\bmissed (?:[\w-]+ )?(?:collections?|deadlines?|targets?|opportunit(?:y|ies)|appointments?|visits?|doses?|payments?|meals?|days)\b` +
  // "Why is nobody coming?": nobody doing something, asked about, is an absence; "so nobody eats alone" is an aim.
  String.raw`|\bwhy (?:is|are|does|do|did|has|have) (?:nobody|no one|no-one|nothing)\b` +
  // Questions that ask people to look at what is wrong: what worries or frustrates them, what causes something.
  String.raw`|\bwhat (?:worries|frustrates|annoys|bothers|upsets|irritates|scares|frightens|keeps (?:you|us|them) (?:up|awake))\b` +
  String.raw`|\b(?:what|which)(?:'s| is| are)? (?:[\w-]+ )?caus(?:es|ed|ing)\b|\b(?:root |underlying |main |common |real )?causes of\b` +
  // Why people leave, whatever the word order: "why teachers are leaving", "on why they are quitting".
  String.raw`|\bwhy\b[^?.!]{0,60}?\b(?:leav(?:e|es|ing)(?! (?:a|your|us|their) (?:legacy|comment|review|message|note|feedback))|flee(?:s|ing)?|quit(?:s|ting)?|drop(?:s|ping)? out|resign(?:s|ing)?|walk(?:s|ing)? out)\b` +
  // Failure told in the passive: "calls missed by patients", "tenants let down by repairs".
  String.raw`|\b(?:missed|ignored|overlooked|neglected|rejected|refused|denied|failed|let down|excluded|turned away) by\b` +
  String.raw`|\bwhat(?:'s| is| are) missing\b|\bmissing out\b|(?<!\b(?:don'?t|not|never|to)\s)\bmiss(?:es|ed|ing)? (?:school|days|lessons|classes|appointments|deadlines|targets|work)\b` +
  String.raw`|\bwast(?:e|es|ed|ing) (?:of |our |your |their |so much |valuable |less )?(?:time|energy|money|resources|effort|talent|food)\b|\bwast(?:e|es|ing) less\b|\bfood waste\b|\b(?:time|money|energy|effort) (?:[\w']+ ){0,3}?wast(?:e|es|ed|ing)\b` +
  // Against something: "anti-corruption", "anti social behaviour" ("antibiotics" has no hyphen or space).
  String.raw`|\banti[- ](?!clockwise)[a-z]{3,}` +
  String.raw`|\b(?:difficult|disruptive|challenging|aggressive|abusive|unacceptable|antisocial|violent) (?:behaviou?rs?|customers?)\b` +
  // Something that did not go well or went badly: "What didn't go well on the project?".
  String.raw`|\b(?:did|does|do|is|was|are|were)(?:n't| not) go(?:ing)? (?:so |too |very )?(?:well|to plan|as planned|right|smoothly)\b|\bwent (?:badly|awry)\b|(?<!\b(?:can'?t|cannot|never|won'?t)\s)\b(?:go|goes|going|gone|went) (?:badly |horribly |seriously )?wrong\b|\bfrom bad to worse\b` +
  // What fell short, asked after the event: "What could have made your visit better?", "Could it have been done
  // better?" ("what would have made it even better" starts from a good visit).
  String.raw`|\b(?:could|would)(?:'ve| have) (?:been (?:done |handled |run )?|gone |made (?:[\w'’-]+ ){0,12}?|done (?:[\w'’-]+ ){0,3}?)(?<!\b(?:even|still) )better\b|\bcould (?:[\w'’-]+ ){1,3}?have been (?:done |handled |run )?(?<!\b(?:even|still) )better\b` +
  // Failure told by an idiom: "Why change efforts hit the wall", "Plans that fell flat", "a project gone off the rails".
  String.raw`|\bhit(?:s|ting)? (?:the|a) (?:brick )?wall\b|\bhit(?:s|ting)? (?:the buffers|rock bottom)\b|\b(?:run(?:s|ning)?|ran) aground\b|\b(?:fall(?:s|ing)?|fell) flat\b|\b(?:go(?:es|ing)?|gone|went) off the rails\b` +
  // Why something never or seldom happens, asked after the if-clause that names it: "If you never recycle, please tell us why".
  String.raw`|\bif (?:[\w'-]+ ){1,2}?(?:never|rarely|seldom|hardly ever)\b[^?.!]{0,60}?\bwhy\b` +
  // Doing or getting something wrong, and something that stopped working: "What students do wrong",
  // "Where did we get it wrong?", "When seminar classes no longer work" ("you can't go wrong" is praise).
  String.raw`|(?<!\b(?:can'?t|cannot|never|not)\s)\b(?:do|does|did|doing|done)\s+(?:(?:it|this|that|things|everything|so much|anything)\s+)?wrong\b|\b(?:get|gets|got|getting|gotten)\s+(?:it|this|that|things|so much)\s+wrong\b` +
  String.raw`|\bno longer (?:works?|working|function(?:s|ing)?|fit for purpose)\b` +
  // Slowing, refusing, not wanting to come, going backwards: "What slowed our cycle time most?", "Does the
  // child refuse to go to school?", "My child doesn't want to go to school", "Have we got it backwards?".
  String.raw`|\bslow(?:s|ed|ing) (?:us|them|you|things|everything|progress|down|the|our|their)\b|\brefus(?:es|ed|ing)\b|\brefuses? to\b` +
  // Not when the question weighs both ("Do the days you DO want to come outnumber the days you DON'T?").
  String.raw`|\b(?:does|do|did|will|would)(?<!\b(?:do|does|did) want to [^?]*\w+)(?:n't| not) want to (?:go|come|attend|work|learn|stay|take part|join|engage|speak|return)\b` +
  String.raw`|\b(?:got|gotten|get|getting|going|gone|went|moving|moved|step(?:s|ping)?)(?: [\w'-]+){0,3} backwards?\b` +
  // Gaps in something, and asking whether something is good enough: "gaps in communication", "Is 90% attendance good enough?".
  String.raw`|\bgaps (?:in|between)\b|\b(?:is|are|was|were)\b[^?.]{0,40}\bgood enough\?` +
  // The reasons people leave, asked as a theme: "Reasons for leaving: exit survey themes".
  String.raw`|\breasons? (?:for|behind|why people are) (?:[\w'-]+ ){0,2}?(?:leaving|quitting|resigning|dropping out)\b` +
  // A campaign against a threat leading a title ("Save our library", not "how to save our recipes"), a loss
  // asked about ("What do we stand to lose?", "Where have all the volunteers gone?"), the wrong way shown
  // ("How not to run a meeting"), something put right ("Cleaning up our rivers") or kept off ("Avoiding
  // dismissals" as a title's head).
  String.raw`|(?:^|[:–—!-]\s*)save our\b|\b(?:what|who) (?:do|does|will|would|could|might) (?:we|you|they|i|us) (?:stand to |risk |have to )?lose\b|\bwhere (?:have|has) (?:all )?(?:the |our )?(?:[\w'-]+ ){0,2}?gone\b|\bwhere did all (?:the |our )?(?:[\w'-]+ ){0,2}?go\b` +
  // The same loss asked without "all", when the question ends there: "So where did the volunteers go?"
  // ("Where did the team go for lunch?" goes on to a destination and asks about none).
  String.raw`|\bwhere did (?:the|our) (?:[\w'-]+ ){1,2}?go(?=\s*(?:[?.!]|$))` +
  // Work that stopped moving, and getting it going again, which presupposes it stopped: "When a project
  // stalls", "Restarting stalled projects", "Get your projects unstuck". A bare "stall(s)" is a market
  // stall or theatre seats, so only the verb after something that moves counts.
  String.raw`|\bstall(?:ed|ing)\b|\b(?:projects?|progress|talks|negotiations|plans?|work|momentum|recovery|growth|reform|things)\s+stalls?\b|\bunstuck\b|\bunstick(?:s|ing)?\b` +
  // The problem everyone sees and nobody names: "Naming the elephant in the room".
  String.raw`|\belephants? in the room\b` +
  // Harm and failure told by a verb idiom rather than a problem noun: "Has online shopping doomed the high
  // street?", "Night shifts taking a toll on sleep", "Is the campaign missing the target?", "Schools having
  // trouble recruiting governors". Trouble as a rumble of noise or a film title takes no gerund or "with".
  String.raw`|\bdoom(?:s|ed)\b|\b(?:tak(?:e|es|ing)|took|taken)\s+(?:a\s+|its\s+|their\s+)?(?:heavy\s+|huge\s+|big\s+|real\s+)?toll\b` +
  String.raw`|\bmiss(?:es|ed|ing)?\s+the\s+(?:target|mark|point)\b|\b(?:ha(?:ve|s|d|ving)|run(?:s|ning)?\s+into|ran\s+into)\s+(?:real\s+|serious\s+|some\s+|any\s+)?trouble\s+(?:with\b|[a-z]+ing\b)` +
  // Something in the way, people let down, places left empty, a budget cut told as a slogan ("doing more with less").
  String.raw`|\bstand(?:s|ing)? in (?:the|our|their|your) way\b|\blet(?:s|ting)? (?!(?:your|their|our|my|his|her) hair\b)(?:[\w'-]+ ){0,3}?down\b(?! by)` +
  String.raw`|\bempty (?:lecture |class)?(?:beds|halls|rooms|seats|classrooms|pews|chairs|shelves)\b|\b(?:do|does|doing|did) more with less\b` +
  String.raw`|\bhow not to\b|\bclean(?:s|ing)? up (?:our|the|your|their)\b|^\s*(?:how to )?avoid(?:s|ing)? (?!(?:the|a|an)\b)[a-z]` +
  // Losing people, with words between: "To which rivals are you losing which particular customers?".
  String.raw`|\blo(?:se|ses|sing|st) (?:[\w'-]+ ){1,3}?(?:customers?|clients?|members|staff|employees|volunteers|talent|students|patients|users|subscribers|donors|visitors)\b` +
  // Ending something, said as an aim: "Action to End Child Marriage"; not the end of a day or a meeting.
  String.raw`|(?:^|[:–—-]\s*|\b(?:to|and|will|can|must|helps?|helping|pledge|commitment) )end(?:s|ing)? (?!(?:of|to|up|on|with|in|at|well|date|dates|user|users|point|points|results?|game|goals?|products?|the (?:day|year|week|month|term|session|meeting|evening|night|event|call))\b)[a-z][\w'-]*(?: (?!(?:and|or|in|by|for|with|through|at|on|the|a|an)\b)[a-z][\w'-]*)?`;

/**
 * A negated working verb: "Workshops don't work", "Unpaid carers are not valued", "What didn't work?",
 * "Part of the group does not speak up", "Consequences of not completing training". A sentence-initial
 * "Don't miss ...", "not alone", "not just" and "not only" are invitations or emphasis, not problems.
 */
const NEGATED =
  // "Please tell us if you cannot attend" is housekeeping: a negation inside an if-clause frames nothing.
  // "What if the bus doesn't come?" is not: it asks about the failure itself. Addressed to the reader
  // ("What if you can't make it?") it is housekeeping again.
  String.raw`(?<=\S\s+)(?<!\b(?:(?<!\bwhat\s+)if|what\s+if(?=\s+(?:you|i)\b)|unless|whether|in case)\s+(?:[\w']+\s+){0,3})(?:\b(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)(?:\s+not\b|n't\b)|\b(?:cannot|won't|can't)\b|\b(?:they|we|you|it|that|he|she|there)'(?:re|s)\s+not\b)\s+(?:be\s+|being\s+|been\s+|get\s+|getting\s+|feel\s+)?(?!(?:just|only|alone|always|too|necessarily|a|an|the|to|have|need|needed|know|realise|realize|miss|forget|wait|stop|matter|want|believe|regret|afford to miss|about|all|everything|rocket|hard|difficult|complicated|impossible)\b)[a-z]{3,}` +
  String.raw`|\bnot\s+(?:being\s+)?(?!(?:limited|required|needed|forgotten|included|applicable|listed|mentioned|specified|stated|known|allowed|permitted|interested|expecting|exaggerating|kidding|joking|surprising|surprised)\b)[a-z]{3,}(?:ing|ed)\b`;

/**
 * Prefixed deficits (un-, under-) unless they describe a group of people or a place, or stand for people
 * themselves ("the needs of the underserved"); "the unmet needs" still counts.
 */
const PREFIXED = String.raw`(?:un(?:${UN_STEMS})|under-?(?:${UNDER_STEMS}))\b(?!\s+(?:and\s+\w+\s+)?${WHO_NOUN}\b)`;
/** Nouns made with under- name the shortfall itself wherever they stand: "the underrepresentation of women". */
const UNDER_NOUNS = String.raw`\bunder-?(?:represent|perform|achiev|attain|fund|staff|resourc|invest|utili[sz]|us|report|recogni[sz])(?:ation|ance|ement|ment|ing|age)\b`;
const PREFIXED_ADJECTIVES = new RegExp(
  String.raw`${UNDER_NOUNS}|(?<!\bthe\s)\b${PREFIXED}|\bthe\s+${PREFIXED}(?=\s+(?!(?:and|or|in|of|across|from|to|with|who|that)\b)[a-z])`,
  'gi',
);

/** Deficit moves from the general vocabulary: going wrong, negated verbs (strong evidence, like "reducing"). */
export const GENERAL_MOVES = new RegExp([GOING_WRONG, NEGATED, COMPLAINT].join('|'), 'gi');

/** Deficit nouns from the general vocabulary and from morphology (outweighed by aspiration). */
export const GENERAL_NOUNS = new RegExp([SHORTFALL_NOUNS, PREFIXED_NOUNS, PREFIXED_ADJECTIVES.source].join('|'), 'gi');

/**
 * A problem named as what is gone in an aspiration: "a hunger-free community", "a future free of hunger",
 * "stress-free", "moving homes out of harm’s way". The aim is the absence, so the problem word frames nothing.
 */
export const FREE_OF = /\b[\w-]+-free\b|\bfree (?:of|from) (?:[\w-]+ ){0,2}?[\w-]+|\bout of harm(?:'|’)?s way\b/gi;

/**
 * A problem word that names a service or a procedure, not a problem at the centre: "complaints handling",
 * "the complaints procedure", "incident reporting", "near miss reporting", members excluded from a meeting's
 * discussion.
 */
export const PROCESS_NAMES =
  /\b(?:customer |patient |resident )?(?:complaints?|incidents?|concerns?|grievances?|disputes?|near[- ]miss(?:es)?|accidents?|hazards?|faults?)\s+(?:handling|procedures?|process(?:es)?|polic(?:y|ies)|systems?|officers?|teams?|reporting|resolution|log)\b|\bexclu(?:sion|ded|ding|de)\b(?:\s+of(?:\s+[\w'-]+){1,4}?)?\s+from\s+(?:the\s+)?(?:[\w-]+\s+)?(?:meetings?|discussions?|room|votes?|voting|items?)\b/gi;
