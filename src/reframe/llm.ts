/**
 * The framing check with the optional language model: the model judges whether the question is framed
 * around a deficit and quotes the words that show it; the rules write the suggestions. Quotes not in the
 * question are dropped, and any failure falls back to the rules with one log line (never the question).
 */
import { z } from 'zod';
import { chatJson, type LlmSettings } from '../llm/chat-json.js';
import type { Logger } from '../logger.js';
import { cleanText } from '../review/text.js';
import { reframe, type ReframeResult } from './reframe.js';

const SYSTEM = `You judge the framing of a question or title for a meeting. Answer with one JSON object:
{"deficit": true when it is framed around a problem or deficit (crime, failure, dropping out, non-compliance, low morale, cutting costs, reducing or tackling something, "why do so many ... fail") rather than an aspiration (something people would want to build), "evidence": [the words, copied exactly from the question, that show the framing]}`;

const answerSchema = z.object({ deficit: z.boolean(), evidence: z.array(z.string()).max(10).default([]) });

/** The framing check, read by the model when `settings` is given, else by the rules. */
export async function reframeWithModel(question: string, settings: LlmSettings | undefined, logger?: Logger): Promise<ReframeResult> {
  if (!settings) return reframe(question);
  const text = cleanText(String(question ?? ''), 2_000).text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(text)) return reframe(question);
  const fallback = (reason: string): ReframeResult => {
    logger?.warn('reframe: language model not used, rules read the question instead', { reason });
    return reframe(question);
  };
  const answer = await chatJson(settings, SYSTEM, text);
  if (!answer.ok) return fallback(answer.reason);
  const parsed = answerSchema.safeParse(answer.value);
  if (!parsed.success) return fallback('the answer did not match the expected shape');
  const hay = text.toLowerCase();
  const evidence = parsed.data.evidence.filter((e) => e.trim() && hay.includes(e.trim().toLowerCase()));
  // A deficit call with no words from the question to show for it is not trusted.
  if (parsed.data.deficit && evidence.length === 0) return fallback('the answer quoted no words from the question');
  return reframe(question, { deficit: parsed.data.deficit, evidence: parsed.data.deficit ? evidence : [] });
}
