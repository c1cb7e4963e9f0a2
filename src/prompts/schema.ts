import { z } from 'zod';

/** The themes of the library; one YAML file per theme in `prompts/`. */
export const THEMES = ['purpose', 'perspectives', 'onboarding', 'language', 'people', 'design'] as const;

/** Who a prompt is written for. */
export const AUDIENCES = ['channel', 'newStarter', 'facilitator'] as const;

export const themeSchema = z.enum(THEMES);
export const audienceSchema = z.enum(AUDIENCES);

const nonEmpty = (what: string) =>
  z.string({ error: `${what} is required` }).trim().min(1, { error: `${what} must not be empty` });

/** One reflective prompt. */
export const promptSchema = z.strictObject({
  id: nonEmpty('id').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'id must be lowercase words joined by hyphens, e.g. purpose-what-for',
  }),
  text: nonEmpty('text').max(400, { error: 'text must be at most 400 characters' }),
  why: nonEmpty('why').max(400, { error: 'why must be at most 400 characters' }),
  audience: z.union([audienceSchema, z.array(audienceSchema).min(1)], {
    error: `audience must be one of ${AUDIENCES.join(', ')} (or a list of them)`,
  }),
  followUps: z.array(nonEmpty('a follow-up')).optional(),
});

/** One prompt file: a theme and its prompts. */
export const promptFileSchema = z.strictObject({
  theme: z.enum(THEMES, { error: `theme must be one of ${THEMES.join(', ')}` }),
  prompts: z.array(promptSchema).min(1, { error: 'prompts must list at least one prompt' }),
});

export type Theme = z.infer<typeof themeSchema>;
export type Audience = z.infer<typeof audienceSchema>;
export type PromptInput = z.infer<typeof promptSchema>;

/** A validated prompt with its theme and normalised audience list. */
export interface Prompt {
  id: string;
  theme: Theme;
  text: string;
  why: string;
  audience: Audience[];
  followUps: string[];
  /** Written by people in a workspace (`prompt add`), not the library: markdown platforms escape it. */
  fromPeople?: true;
}
