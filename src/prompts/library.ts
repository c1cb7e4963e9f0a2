import type { Audience, Prompt, Theme } from './schema.js';
import { THEMES } from './schema.js';

/** The validated prompt library, indexed for lookups. Immutable once loaded. */
export class PromptLibrary {
  readonly all: readonly Prompt[];
  private readonly byId: Map<string, Prompt>;
  /** `eligible` answers by audience and themes: a fan-out asks the same question once per conversation. */
  private readonly eligibleCache = new Map<string, readonly Prompt[]>();

  constructor(prompts: readonly Prompt[]) {
    this.all = prompts;
    this.byId = new Map(prompts.map((p) => [p.id, p]));
  }

  get(id: string): Prompt | undefined {
    return this.byId.get(id);
  }

  /** Prompts for an audience, optionally limited to some themes (the same array for the same question). */
  eligible(audience: Audience, themes?: readonly Theme[]): readonly Prompt[] {
    const key = `${audience}|${themes?.join(',') ?? ''}`;
    let found = this.eligibleCache.get(key);
    if (!found) {
      found = this.all.filter((p) => p.audience.includes(audience) && (!themes?.length || themes.includes(p.theme)));
      if (this.eligibleCache.size >= 256) this.eligibleCache.clear(); // themes come in any order and repeat
      this.eligibleCache.set(key, found);
    }
    return found;
  }

  /** Themes that have at least one prompt. */
  themes(): Theme[] {
    return THEMES.filter((t) => this.all.some((p) => p.theme === t));
  }
}

/** Matches a user-typed theme name ("Purpose", "perspective", "meeting design") to a theme. */
export function matchTheme(word: string): Theme | undefined {
  const w = word.trim().toLowerCase();
  if (!w) return undefined;
  const aliases: Record<string, Theme> = {
    perspective: 'perspectives',
    onboard: 'onboarding',
    newstarters: 'onboarding',
    'new-starters': 'onboarding',
    framing: 'language',
    words: 'language',
    room: 'people',
    who: 'people',
    meeting: 'design',
    meetings: 'design',
    'meeting-design': 'design',
  };
  return (THEMES as readonly string[]).includes(w) ? (w as Theme) : aliases[w.replace(/\s+/g, '-')] ?? aliases[w];
}
