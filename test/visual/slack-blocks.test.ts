import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/slack/render.js';
import { blockKitProblems } from '../slack/block-kit.js';
import { everyReply } from './replies.js';

describe('Slack: every reply kind as Block Kit within Slack\'s documented limits', () => {
  it('the limits check catches what Slack would refuse', () => {
    const button = (id: string, text: string, style?: string) => ({ type: 'button', action_id: id, text: { type: 'plain_text', text }, ...(style ? { style } : {}) });
    const bad = {
      text: 'x',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
        { type: 'actions', elements: [button('a', 'b'.repeat(76), 'primary'), button('a', 'ok', 'primary')] },
        ...Array.from({ length: 48 }, () => ({ type: 'divider' })),
      ],
    };
    const problems = blockKitProblems(bad).join('\n');
    for (const expected of ['51 blocks', 'header', '11 elements', '76 characters', 'action_id a repeated', '2 primary buttons']) expect(problems).toContain(expected);
  });

  it('renders every reply kind with headers, context, one primary button at most, and no limit broken', async () => {
    const replies = await everyReply('slack');
    const problems: string[] = [];
    for (const [name, reply] of replies) {
      const message = renderReply(reply);
      for (const p of blockKitProblems(message)) problems.push(`${name}: ${p}`);
    }
    expect(problems).toEqual([]);
    const types = (name: string) => renderReply(replies.get(name)!).blocks.map((b) => b.type);
    expect(types('review-strengths')[0]).toBe('header');
    expect(types('review-strengths')).toContain('context');
    // The consent choices are the same three short buttons as in Teams.
    const consent = renderReply(replies.get('consent')!).blocks.find((b) => b.type === 'actions') as { elements: Array<{ text: { text: string }; style?: string }> };
    expect(consent.elements.map((e) => e.text.text)).toEqual(['Private', 'Anonymous', 'With my name']);
    expect(consent.elements.some((e) => e.style === 'primary')).toBe(false);
    // Help offers the common actions as buttons.
    const help = renderReply(replies.get('help')!).blocks.find((b) => b.type === 'actions') as { elements: unknown[] };
    expect(help.elements.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
