/**
 * A small client for an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp server, vLLM or a
 * hosted API) that asks for one JSON object. It never throws: every failure (timeout, refused connection,
 * 429, a 5xx, a body that is not the JSON asked for) comes back as a short reason, so callers can fall
 * back to the built-in rules. No request or answer text is logged here.
 */

/** Where the model is and how long to wait for it. */
export interface LlmSettings {
  /** The chat-completions endpoint, or its base (".../v1"), to which "/chat/completions" is added. */
  url: string;
  model: string;
  apiKey?: string;
  /** How long to wait for an answer; default 20 s. */
  timeoutMs?: number;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** The default wait for a model's answer. */
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

/** A JSON value from the model, or why there is none. */
export type ChatJsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** The endpoint to POST to: the URL as given when it names chat/completions, else that path added. */
export function chatEndpoint(url: string): string {
  return /\/chat\/completions\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/chat/completions`;
}

function stripFences(s: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(s);
  return m?.[1] ?? s;
}

/** Sends a system and a user message and parses the answer's content as JSON. */
export async function chatJson(settings: LlmSettings, system: string, user: string): Promise<ChatJsonResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS);
  timer.unref?.();
  try {
    const res = await (settings.fetch ?? fetch)(chatEndpoint(settings.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [{ role: 'system', content: system }, { role: 'user', content: user }],
      }),
      signal: controller.signal,
    });
    if (res.status === 429) return { ok: false, reason: 'rate limited (429)' };
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return { ok: false, reason: 'the response was not JSON' };
    }
    const content = (body as { choices?: Array<{ message?: { content?: unknown } }> })?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return { ok: false, reason: 'the response had no message content' };
    try {
      return { ok: true, value: JSON.parse(stripFences(content)) };
    } catch {
      return { ok: false, reason: 'the answer was not valid JSON' };
    }
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: `no answer within ${settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS} ms` };
    const code = (error as { cause?: { code?: string } })?.cause?.code;
    return { ok: false, reason: code ? `cannot reach it (${code})` : 'the request failed' };
  } finally {
    clearTimeout(timer);
  }
}
