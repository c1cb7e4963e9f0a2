import { afterEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import type { Reply } from '../../src/model/reply.js';
import { mention, testCore } from '../helpers/core.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const text = (replies: Reply[]) => replies.map((r) => renderText(r).text).join('\n');

describe('facilitator prompts are reachable', () => {
  it('`prompt facilitator` rotates through every facilitator prompt, with a button for another', async () => {
    const t = await testCore();
    closers.push(t.close);
    const facilitator = t.core.ctx.prompts.eligible('facilitator');
    expect(facilitator.filter((p) => !p.audience.includes('channel')).length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let i = 0; i < facilitator.length; i += 1) {
      const [answer] = await t.core.handle(mention('prompt facilitator'));
      expect(renderText(answer!).text).toMatch(/An opening question for a meeting you are running/);
      const shown = facilitator.find((p) => renderText(answer!).text.includes(p.text));
      expect(shown).toBeDefined();
      seen.add(shown!.id);
      const another = answer!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0];
      expect(another).toMatchObject({ id: 'prompt.another', value: 'facilitator' });
    }
    expect(seen.size).toBe(facilitator.length);
  });

  it('a reviewed plan ends with one opening question for the meeting from the facilitator prompts', async () => {
    const t = await testCore();
    closers.push(t.close);
    const facilitator = t.core.ctx.prompts.eligible('facilitator');
    const replies = await t.core.handle(mention('review Workshop for 20 managers, two hours, to agree the new parking policy. Presentations then Q&A.'));
    const out = text(replies);
    const opening = /An opening question for the meeting: (.+)/.exec(out)?.[1];
    expect(opening).toBeDefined();
    expect(facilitator.map((p) => p.text)).toContain(opening);
    expect(out.match(/An opening question for the meeting/g)).toHaveLength(1);
    // A bare review (the form) offers none.
    expect(text(await t.core.handle(mention('review')))).not.toMatch(/opening question/);
  });
});
