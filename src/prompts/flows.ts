import path from 'node:path';
import { PromptLibraryError, type PromptProblem } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Subscription } from '../store/subscriptions.js';
import type { PromptLibrary } from './library.js';
import type { Prompt, Theme } from './schema.js';

/**
 * What the bot's flows need from a library, as problems: the new-starter story flow asks `newStarter`
 * prompts (without one it takes a sharing choice and then never asks anything), and scheduled and
 * on-demand prompts need `channel` ones. `fileOf` names the file a missing prompt belongs in.
 */
export function flowProblems(prompts: readonly Prompt[], fileOf: (theme: Theme) => string): PromptProblem[] {
  const problems: PromptProblem[] = [];
  if (!prompts.some((p) => p.audience.includes('newStarter'))) {
    problems.push({
      file: fileOf('onboarding'),
      line: 1,
      message: 'no prompts for new starters (audience: newStarter): the story flow would take a sharing choice and then have nothing to ask; add at least one',
    });
  }
  if (!prompts.some((p) => p.audience.includes('channel'))) {
    problems.push({ file: fileOf('purpose'), line: 1, message: 'no channel prompts (audience: channel): scheduled prompts and `prompt` would have nothing to post; add at least one' });
  }
  return problems;
}

/**
 * Schedules that name a theme with no channel prompt (in the library, or among the workspace's own
 * questions), which would come due and post nothing. `ownThemes` gives a workspace's own questions' themes.
 */
export async function scheduleProblems(
  prompts: readonly Prompt[],
  schedules: readonly Subscription[],
  fileOf: (theme: Theme) => string,
  ownThemes: (sub: Subscription) => Promise<readonly string[]> = async () => [],
): Promise<PromptProblem[]> {
  const problems: PromptProblem[] = [];
  for (const sub of schedules) {
    if (sub.kind !== 'prompt') continue;
    const own = sub.themes.length ? await ownThemes(sub) : [];
    for (const theme of sub.themes) {
      if (prompts.some((p) => p.theme === theme && p.audience.includes('channel')) || own.includes(theme)) continue;
      problems.push({
        file: fileOf(theme as Theme),
        line: 1,
        message: `the schedule in ${sub.platform} conversation ${sub.conversationId} (workspace ${sub.workspaceId}) names theme "${theme}", which has no channel prompts: it would post nothing; add one, or change that schedule`,
      });
    }
  }
  return problems;
}

/**
 * Start-up's (and `prompts check`'s) check that every stored prompt schedule has something to post.
 * Throws `PromptLibraryError` listing each schedule that names a theme without channel prompts.
 */
export async function assertSchedulesCanRun(
  library: PromptLibrary,
  store: Pick<Store, 'subscriptions' | 'customPrompts'>,
  dir: string,
  displayBase = process.cwd(),
): Promise<void> {
  const fileOf = (theme: Theme) => path.relative(displayBase, path.join(dir, `${theme}.yaml`)) || `${theme}.yaml`;
  // Only a schedule naming themes can name one without prompts: start-up reads those, not every schedule.
  const problems = await scheduleProblems(library.all, await store.subscriptions.list({ kind: 'prompt', themed: true }), fileOf, async (sub) =>
    (await store.customPrompts.list(sub.platform, sub.workspaceId)).map((p) => p.theme),
  );
  if (problems.length > 0) throw new PromptLibraryError(problems);
}
