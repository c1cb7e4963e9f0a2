/**
 * Decline, loss and barriers: the framings that put something falling away at the centre without the
 * classic problem words ("Why has footfall dropped?", "Churches in decline", "Losing good teachers",
 * "Deep cuts to library services", "What is stopping residents from recycling?"). Shared by the framing
 * check and the plan review through `deficitSigns`.
 */

/** People who can stop coming, leave or be lost: the subjects of attrition (singular or plural). */
const LEAVERS =
  '(?:people|staff|talent|young people|children|(?:patient|pupil|student|employee|worker|teacher|nurse|midwi(?:fe|ve)|doctor|clinician|social worker|officer|apprentice|trainee|graduate|volunteer|member|customer|resident|tenant|user|visitor|parent|carer|recruit|driver|colleague|starter|new starter|passenger|shopper|donor|supporter|client|learner)s?)';

/** What a why-question can ask about when it asks why something falls away, drops or goes wrong. */
const WHY_DECLINE =
  String.raw`(?:\bwhy\b|\breasons?\b(?!\s+to\b))[^?.]{0,80}?\b(?:fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|declin\w*|shrink\w*|shrunk|dwindl\w*|slump\w*|slipp(?:ed|ing)|overrun\w*|worsen\w*|(?:get|gets|getting|got|gotten) worse|go(?:es|ing)? wrong|gone wrong|fewer|less and less|(?:take|takes|taking|took|taken) (?:so|too) long|(?:so|too) long to|so slow(?:ly)?|still (?:growing|rising|increasing))\b` +
  // A why-question whose subject comes first ("the reasons why patients do not attend"); "why not join us?" is an invitation.
  String.raw`|\bwhy\s+(?!not\b)[^?.]{1,60}?\b(?:do|does|did|are|is|were|was|have|has|can|could|will|would)\s+not\b|\bwhy\s+(?!not\b)[^?.]{1,60}?n['’]t\b`;

/** Questions about what stands in the way: "What is stopping residents from recycling?". */
const BARRIER =
  String.raw`\bwhat(?:'s|’s| is| are)? (?:stopping|preventing|holding (?:[\w'’]+ ){0,3}?back|getting in the way)\b|\bwhat (?:stops|prevents|holds (?:[\w'’]+ ){0,3}?back|gets in the way)\b|\b(?:is|are|keeps?|keep on) going wrong\b|\bwhat(?:'s|’s| is| are)? not working\b|\b(?:isn'?t|aren'?t|is not|are not) working\b`;

/** A decline named as a state or a noun ("the decline of the high street", "in freefall", "a time-bomb"). */
const DECLINE_STATE =
  String.raw`(?<!\b(?:to|or|and|may|might|can|could|will|would|please|you|we|i|they) )\bdecline\b|\bin (?:freefall|free fall|decline|meltdown|trouble)\b|\bfreefall\b|\b(?:haemorrhag|hemorrhag)\w*|\bdwindling\b|\bshrinking\b|\btime[- ]?bomb\b|\bexodus\b|\bbrain drain\b|\b(?:dire|alarming|worrying|dismal|crumbling|deteriorating)\s+[\w-]+` +
  // "dying congregations", "a once-thriving high street"; dying people, dying well and Dying Matters are about care, not decline.
  String.raw`|\bdying\s+(?!(?:over|and|or|of|with|in|at|on|for|to|from|by|well|people|persons?|patients?|relatives?|loved|well|matters|wish(?:es)?|children|adults|residents|man|woman|mother|father|parent)\b)[a-z][\w-]*|\bonce[- ](?:thriving|great|busy|bustling|vibrant|proud|flourishing|popular|booming|prosperous)\b`;

/** People lost, leaving or kept from coming: "Losing good teachers", "Why Great Employees Quit", "stop patients missing". */
const LOSS =
  // Each vocabulary copy costs V8 compile time in every cold review, so moves that share one are written
  // around one copy. The lead words differ (lose, fewer; no leaver is named "lo..." or "fewer"), and a leaver
  // followed by a space matches one way only, so every match is the same as with a copy per move.
  `\\b(?:lo(?:se|ses|sing|st) (?:good |great |our |the |their |experienced |talented |skilled |valued |so many |too many )?|fewer (?:and fewer )?)${LEAVERS}\\b` +
  `|\\b${LEAVERS} (?:(?:are |keep |who )?(?:quit(?:s|ting)?|walk(?:ing)? out|resign(?:s|ing)?|flee(?:s)?|leav(?:e|es|ing) (?:and|early|after|within|before|in droves))\\b|(?:are |keep )?(?:leaving|fleeing)\\b(?! (?:do|party|drinks|presentation|card|gift|lunch|collection)))` +
  `|\\bstop(?:s|ping)? (?:the |our |their |more |so many )?${LEAVERS} (?:from )?[a-z]+ing\\b` +
  // Kept from going: "How to keep young people from leaving"; "keep staff talking" keeps nobody from anything.
  `|\\bkeep(?:s|ing)? (?:the |our |their |more |so many )?${LEAVERS} from [a-z]+ing\\b` +
  // Those already gone, and winning them back: "customers we have lost", "Attracting passengers back to rail".
  `|\\b${LEAVERS} (?:we|you|they|it|who) (?:have |'ve |had |'d )?(?:lost|left)\\b` +
  `|\\b(?:win|wins|winning|won|bring|brings|bringing|brought|attract|attracts|attracting|attracted|get|gets|getting|lure|lures|luring|tempt|tempting|entice|enticing) (?:back )?(?:the |our |their |more |lapsed |lost )?${LEAVERS} back\\b(?! together)` +
  `|\\b(?:win|wins|winning|won|bring|brings|bringing|attract|attracting|lure|luring|tempt|tempting|entice|enticing) back (?:the |our |their |lapsed |lost )?${LEAVERS}\\b` +
  // Jobs cut: "the Day After You Let 45 of Their Colleagues Go"; letting staff go home early is not.
  `|\\blet(?:s|ting)? (?:[\\w'’-]+ ){0,3}?${LEAVERS} go\\b(?! (?:home|early|to|on|out|and|for|first|ahead)\\b)`;

/** Money taken away: cuts to something, savings to be found. */
const CUTS =
  String.raw`\b(?:deep|savage|swingeing|severe|drastic|budget|spending|funding|service|proposed|further) cuts\b|\bcuts (?:to|in)\b|\b(?:find|finding|make|making|deliver|delivering|target\w*|identify\w*|achiev\w*) (?:[\w£$%.,-]+ ){0,3}?savings\b|\bsavings (?:from|in|proposals|targets?|plans?|programme)\b`;

/**
 * Less of something, or something done about it: "minimising food waste", "lowering the number of
 * admissions", "what should we do about late payments?", "left behind", "is the high street dying?".
 */
const LESSEN =
  // A title led by "Minimising ..." names its aim; "in order to minimise the risk" in a plan's housekeeping does not.
  String.raw`(?:^|[:–—-]\s*)minimi[sz](?:e|ing)\b|\blower(?:s|ed|ing) (?:the )?(?:number|rate|level|risk|incidence|cost)s? of\b|\blower the (?:number|rate|level|risk|incidence|cost)s? of\b|\bwhat (?:can|could|should|must|shall|do|will) (?:be done|we do|i do|you do|they do|the council do) about\b|(?<!\b(?:no\s?one|no-one|nobody|none|not)\s+(?:is\s+|are\s+|gets?\s+|be\s+|being\s+)?)\b(?:left|being left) behind\b|\b(?:leav(?:e|es|ing)|left) (?:the |our |their |many |too many |so many )?${LEAVERS} behind\b|\b(?:is|are) (?:the |our |this |their )?(?:[\w'’-]+ ){0,2}dying\b|\brunning late\b|\b(?:keep|stop|prevent)(?:s|ping|ing)? (?:[\w'’-]+ ){0,3}?from happening\b|\blate (?:payments?|arrivals|running)\b`;

/** Every decline, loss, barrier, cut and lessening move, as one global pattern. */
export const DECLINE = new RegExp([WHY_DECLINE, BARRIER, DECLINE_STATE, LOSS, CUTS, LESSEN].join('|'), 'gi');

/** Opposite poles named together, in either order: "help or hindrance", "a threat or an opportunity". */
const POLES: ReadonlyArray<readonly [string, string]> = [
  ['help', 'hindrance'], ['threat', 'opportunity'], ['blessing', 'curse'], ['boon', 'bane'], ['asset', 'liability'],
  ['friend', 'foe'], ['problem', 'solution'], ['barrier', 'enabler'], ['risk', 'reward'],
];
const poles = (): string => POLES.flatMap(([a, b]) => [`${a}s? or (?:an? )?${b}s?`, `${b}s? or (?:an? )?${a}s?`]).join('|');

/**
 * A problem recast as something good ("Complaints are gifts", "mistakes as learning opportunities",
 * "turning problems into ideas") or both poles named ("good or bad idea"): no deficit at the centre.
 */
export const RECAST = new RegExp(
  String.raw`\b(?:[\w'’-]+\s+){0,2}?(?:complaints?|problems?|mistakes?|failures?|errors?|challenges?|setbacks?)\s+(?:are|is|as)\s+(?:the\s+|a\s+|an\s+)?(?:(?:learning|growth)\s+)?(?:gifts?|opportunit(?:y|ies)|assets?|strengths?|lessons?|chances?)\b|\bturn(?:s|ing)?\s+(?:[\w'’-]+\s+){0,2}?(?:complaints?|problems?|mistakes?|failures?|challenges?)\s+into\b|\b(?:good|right|best|pros)(?:,|\s+or|\s+and|\s+&)\s+(?:the\s+)?(?:bad|wrong|worst|cons)\b(?:\s+(?:ideas?|news|points?|sides?))?` +
  // Both poles asked about ("Residents' ballot: hindrance or help?", "threat or opportunity?"): an open question, no deficit at the centre.
  String.raw`|\b(?:${poles()})\b`,
  'gi',
);
