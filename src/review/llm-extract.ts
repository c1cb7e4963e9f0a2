/**
 * The optional language-model extractor. It asks the model for `PlanFacts` as JSON, validates the answer
 * with the same zod schema as the rules, drops every fact whose quoted evidence is not in the plan, and
 * falls back to the rule extractor (with one log line, never the plan's text) when the model is slow,
 * unreachable, rate-limited or answers with something else.
 */
import { chatJson, type LlmSettings } from '../llm/chat-json.js';
import type { Logger } from '../logger.js';
import { extract } from './extract.js';
import { FOLLOW_UPS, GENRES, keepEvidence, LEVELS, planFactsSchema, type PlanFacts } from './facts.js';
import { reviewPlan, type ReviewResult } from './review.js';
import { cleanText, looksEnglish, mostlyLatin, wordCount } from './text.js';

const SYSTEM = `You read a meeting plan and report what it states, as one JSON object with exactly these keys.
Quote evidence by copying words exactly from the plan (a few words each). Never guess: use "unknown" (or false, null, []) when the plan does not say.
{
 "genre": {"value": one of ${GENRES.map((g) => `"${g}"`).join('|')}, "forwardLooking": true when the text describes a meeting still to come as a whole plan, "occasion": true when the text says when the meeting is (a day, a date or a clock time), false for a page of a body's rules for its meetings, "evidence": []},
 "purpose": {"stated": "yes"|"no"|"unknown" ("no" only when a forward-looking plan states no purpose or question at all; the event's name alone is not a purpose), "evidence": []},
 "framing": {"text": the central question or theme or null, "question": the question asked or null, "deficit": true when framed around a problem (crime, failure, reducing or tackling something, poor performance) rather than an aspiration, "evidence": [], "aspiration": [] words of the central question or theme that name an aspiration},
 "participants": [{"phrase": words naming them, "role": "participant"|"speaker"|"host", "level": ${LEVELS.map((l) => `"${l}"`).join('|')}, "organisation": string or null, "group": affected group they belong to ("young people","patients","residents","service users","carers","parents","pupils","tenants","customers","older people") or null}],
 "invitees": {"stated": whether the plan says who takes part, "open": true for "open to all"/"everyone welcome", "mixedLevels": true when invitees span levels on purpose, "evidence": []},
 "concerns": [{"group": the group of people the issue is about, "evidence": words}],
 "attendance": {"kind": "stated"|"inferred"|"unknown" (inferred from a conference, all staff, town hall), "min": number or null, "max": number or null, "evidence": []},
 "session": {"minutes": length of one session in minutes or null (not a conference's days, a video or a break), "evidence": []},
 "format": {"talk": number of talks/panels/briefings/Q&A items, "conversation": number of conversation/table/workshop items, "talkEvidence": [], "conversationEvidence": [], "stories": true when people work from their own experience},
 "outcome": {"fixed": "yes" when set up to agree or sign off something already shaped, "no" when it explores first, else "unknown", "explores": boolean, "evidence": []},
 "followUp": {"kind": ${FOLLOW_UPS.map((f) => `"${f}"`).join('|')} (about this meeting only; "none" only for a forward-looking plan that says nothing of what happens after), "evidence": []},
 "setting": {"mode": "online"|"in-person"|"hybrid"|"unknown", "roomDescribed": whether tables, seating, room layout or acoustics are described, "roomForTalk": true for theatre-style rows, "roomForConversation": true for tables, circles or break-out space, "arrangementsElsewhere": true when the text sends the reader elsewhere or to later for the place, dates or details, "evidence": []},
 "representatives": {"value": "yes" when people come as representatives or delegates of organisations, "no" when as themselves, else "unknown", "evidence": []},
 "teamRoutine": true for a team's own routine meeting (stand-up, retro),
 "words": 0
}`;

/** Facts and where they came from. */
export interface ModelFacts {
  facts: PlanFacts;
  source: 'model' | 'rules';
}

/**
 * Reads a cleaned plan with the model; the rule extractor's facts when the model cannot be used.
 * `logger` gets one line on a fallback, and one when quotes not found in the plan were dropped.
 */
export async function extractWithModel(text: string, settings: LlmSettings, logger?: Logger): Promise<ModelFacts> {
  const fallback = (reason: string): ModelFacts => {
    logger?.warn('review: language model not used, rules read the plan instead', { reason });
    return { facts: extract(text), source: 'rules' };
  };
  const answer = await chatJson(settings, SYSTEM, text);
  if (!answer.ok) return fallback(answer.reason);
  const parsed = planFactsSchema.safeParse({ ...(answer.value as object), words: 0 });
  if (!parsed.success) return fallback('the answer did not match the facts schema');
  const { facts, dropped } = keepEvidence(parsed.data, text);
  if (dropped > 0) logger?.info('review: dropped model facts quoting words not in the plan', { dropped });
  return { facts: { ...facts, words: wordCount(text) }, source: 'model' };
}

/**
 * Reviews a plan with the model's facts when `settings` is given, else (or for input the review cannot
 * read) exactly as `reviewPlan`. A model that is configured but unreachable gives the rule review.
 */
export async function reviewWithModel(input: string, settings: LlmSettings | undefined, logger?: Logger): Promise<ReviewResult> {
  if (!settings) return reviewPlan(input);
  const cleaned = cleanText(String(input ?? ''));
  const readable = !cleaned.hadUrlOnly && /\p{L}/u.test(cleaned.text) && mostlyLatin(cleaned.text) && looksEnglish(cleaned.text);
  if (!readable) return reviewPlan(input);
  const { facts } = await extractWithModel(cleaned.text, settings, logger);
  return reviewPlan(input, { facts });
}
