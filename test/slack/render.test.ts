import { describe, expect, it } from 'vitest';
import { LIMITS, decodeActionId, decodeForm, encodeForm, renderModal, renderReply, type SlackBlock } from '../../adapters/slack/render.js';
import { escapeSlack, plainText, splitRendered } from '../../adapters/slack/text.js';
import { reply, type Block } from '../../src/model/reply.js';

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.filter((b) => b.type === 'section' && b.text).map((b) => (b.text as { text: string }).text);

function allActionIds(blocks: SlackBlock[]): string[] {
  const ids: string[] = [];
  for (const b of blocks) {
    for (const el of (b.elements as Array<{ action_id?: string }> | undefined) ?? []) if (el.action_id) ids.push(el.action_id);
    const accessory = b.accessory as { action_id?: string } | undefined;
    if (accessory?.action_id) ids.push(accessory.action_id);
  }
  return ids;
}

describe('Block Kit renderer', () => {
  it('maps each core block to its native Block Kit element', () => {
    const { blocks, text } = renderReply(
      reply([
        { type: 'header', text: 'A question on purpose' },
        { type: 'text', text: 'What are we for?' },
        { type: 'quote', text: 'line one\nline two' },
        { type: 'list', items: ['one', 'two'] },
        { type: 'list', items: ['first', 'second'], ordered: true },
        { type: 'fields', fields: [{ label: 'People', value: '12' }] },
        { type: 'context', text: 'Why this question: because' },
        { type: 'divider' },
        { type: 'actions', buttons: [{ id: 'prompt.another', label: 'Another question', value: 'purpose', style: 'primary' }] },
      ]),
    );
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'section', 'context', 'divider', 'actions']);
    expect(sectionTexts(blocks)).toEqual(['What are we for?', '>line one\n>line two', '• one\n• two', '1. first\n2. second']);
    expect(blocks[8]).toMatchObject({ elements: [{ type: 'button', action_id: 'b0:prompt.another', value: 'purpose', style: 'primary' }] });
    expect(decodeActionId('b0:prompt.another')).toEqual({ kind: 'core', id: 'prompt.another' });
    expect(text).toBe('A question on purpose — What are we for? — line one line two — one; two — first; second');
  });

  it('escapes every piece of text so mentions, broadcasts and links cannot form', () => {
    const evil = '<!channel> <@U123> <http://evil.example|click> & more';
    const blocks: Block[] = [
      { type: 'header', text: evil },
      { type: 'text', text: evil },
      { type: 'quote', text: evil },
      { type: 'list', items: [evil] },
      { type: 'fields', fields: [{ label: evil, value: evil }] },
      { type: 'context', text: evil },
      { type: 'actions', buttons: [{ id: 'x', label: evil }] },
      { type: 'form', id: 'f', title: evil, submitLabel: 'Go', fields: [{ id: 'a', label: evil }] },
    ];
    const rendered = renderReply(reply(blocks, { fallback: evil }));
    const json = JSON.stringify(rendered);
    expect(json).not.toMatch(/<!channel>|<@U123>|<http/);
    expect(json).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.example|click&gt; &amp; more');
    expect(rendered.text).toBe(escapeSlack(evil));
    for (const b of rendered.blocks) {
      const t = b.text as { type?: string; verbatim?: boolean } | undefined;
      if (t?.type === 'mrkdwn') expect(t.verbatim).toBe(true);
    }
  });

  it('splits long text into sections of at most 3,000 characters at paragraph and sentence boundaries', () => {
    const paragraph = `${'This sentence is about purpose and people. '.repeat(40).trim()}`;
    const long = Array.from({ length: 8 }, () => paragraph).join('\n\n');
    const texts = sectionTexts(renderReply(reply([{ type: 'text', text: long }])).blocks);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(t.endsWith('.')).toBe(true);
    }
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
  });

  it('keeps escaped text within the limit even when escaping makes it longer', () => {
    const texts = sectionTexts(renderReply(reply([{ type: 'text', text: '<&>'.repeat(4000) }])).blocks);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts.join('')).toBe(escapeSlack('<&>'.repeat(4000)));
  });

  it('caps a reply at 50 blocks with a final "…and more"', () => {
    const many: Block[] = Array.from({ length: 80 }, (_, i) => ({ type: 'text', text: `Paragraph ${i}` }));
    const { blocks } = renderReply(reply(many));
    expect(blocks).toHaveLength(LIMITS.blocks);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…and more', verbatim: true }] });
  });

  it('gives every button a unique action id, at most 25 per actions block', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ id: 'same.id', label: `Choice ${i}`, value: String(i) }));
    const { blocks } = renderReply(reply([{ type: 'actions', buttons }, { type: 'actions', buttons: [{ id: 'same.id', label: 'Again' }] }]));
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions.map((b) => (b.elements as unknown[]).length)).toEqual([25, 5, 1]);
    const ids = allActionIds(blocks);
    expect(new Set(ids).size).toBe(31);
    expect(ids.every((id) => decodeActionId(id).kind === 'core' && (decodeActionId(id) as { id: string }).id === 'same.id')).toBe(true);
  });

  it('fits headers (150), fields (10 per section) and button labels (75)', () => {
    const { blocks } = renderReply(
      reply([
        { type: 'header', text: 'h'.repeat(400) },
        { type: 'fields', fields: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(3000) })) },
        { type: 'actions', buttons: [{ id: 'b', label: 'x'.repeat(200) }] },
      ]),
    );
    expect((blocks[0]!.text as { text: string }).text.length).toBeLessThanOrEqual(150);
    const fieldSections = blocks.filter((b) => b.fields) as Array<{ fields: Array<{ text: string }> }>;
    expect(fieldSections.map((s) => s.fields.length)).toEqual([10, 2]);
    for (const s of fieldSections) for (const f of s.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    const label = ((blocks.at(-1)!.elements as Array<{ text: { text: string } }>)[0]!.text.text);
    expect(label.length).toBeLessThanOrEqual(75);
  });

  it('renders a form as a button carrying the form, and the form as a modal', () => {
    const form = {
      id: 'review.form',
      title: 'Tell me about your meeting plan',
      submitLabel: 'Review my plan please, thank you',
      fields: [
        { id: 'question', label: 'The question', placeholder: 'e.g. how do we make this a good place to grow up?', multiline: true },
        { id: 'count', label: 'How many people?', optional: true },
      ],
    };
    const { blocks } = renderReply(reply([{ type: 'form', ...form }]));
    const button = blocks[0]!.accessory as { action_id: string; value: string };
    expect(decodeActionId(button.action_id)).toEqual({ kind: 'form' });
    expect(button.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeForm(button.value)).toEqual(form);
    const modal = renderModal(form, { channel: 'C1' }) as { title: { text: string }; submit: { text: string }; blocks: Array<{ optional: boolean }> };
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.submit.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks.map((b) => b.optional)).toEqual([false, true]);
    const big = { ...form, fields: Array.from({ length: 20 }, (_, i) => ({ id: `f${i}`, label: 'A long label '.repeat(20), placeholder: 'p'.repeat(150) })) };
    expect(encodeForm(big).length).toBeLessThanOrEqual(LIMITS.buttonValue);
  });
});

describe('inbound Slack text', () => {
  it('strips the bot mention and turns Slack markup into plain text', () => {
    expect(plainText('<@UBOT> review <http://example.com|our plan> with <@U1|sam> in <#C1|general>', 'UBOT')).toBe(
      'review our plan with @sam in #general',
    );
    expect(plainText('<@UBOT|moodmusic> help', 'UBOT')).toBe('help');
    expect(plainText('reframe youth &amp; crime &lt;tag&gt; <mailto:a@b.org|a@b.org>')).toBe('reframe youth & crime <tag> a@b.org');
    expect(plainText('ask <!here> and <!subteam^S1|@leads>')).toBe('ask <!here> and @leads');
    expect(plainText('<@U2> what')).toBe('@U2 what');
  });

  it('splits at words when a paragraph has no sentence breaks, and inside a word only as a last resort', () => {
    const chunks = splitRendered('word '.repeat(2000), 1000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1000);
      expect(c).toMatch(/^word( word)*$/);
    }
    const hard = splitRendered('x'.repeat(5000), 1000);
    expect(hard.join('')).toBe('x'.repeat(5000));
  });
});
