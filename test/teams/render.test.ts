import { describe, expect, it } from 'vitest';
import { escapeTeamsMarkdown, renderActivity, renderCard } from '../../adapters/teams/render.js';
import { helpReply, shortHelp } from '../../src/core/help.js';
import { introductionReply } from '../../src/features/introduce.js';
import { reply, textReply, type Reply } from '../../src/model/reply.js';
import { cardProblems } from './validate-card.js';

const hostile = '*bold* _it_ ~strike~ `code` # head [click](https://evil.example) <at>Everyone</at> &amp; {{DATE(2017-02-14T06:08:39Z, SHORT)}}\n- item\n1. one\n---';

const everyBlock: Reply = reply([
  { type: 'header', text: 'A header' },
  { type: 'text', text: hostile },
  { type: 'quote', text: 'A quoted question' },
  { type: 'divider' },
  { type: 'list', items: ['first', '*second*'] },
  { type: 'list', items: ['one', 'two'], ordered: true },
  { type: 'fields', fields: [{ label: 'People', value: '12 [link](x)' }, { label: 'Time', value: '2 hours' }] },
  { type: 'context', text: 'context line' },
  { type: 'actions', buttons: [{ id: 'prompt.another', label: 'Another question', value: 'purpose', style: 'primary' }, { id: 'x.why', label: 'Why this question?' }, { id: 'x.no', label: 'Stop', style: 'danger' }] },
  {
    type: 'form',
    id: 'review.submit',
    title: 'Review a meeting plan',
    submitLabel: 'Review it',
    fields: [
      { id: 'question', label: 'The question', placeholder: 'What is the meeting for?' },
      { id: 'agenda', label: 'Agenda', multiline: true, optional: true },
    ],
  },
]);

const samples: Record<string, Reply> = {
  help: helpReply(),
  shortHelp: shortHelp('frobnicate the widgets'),
  introduction: introductionReply(),
  text: textReply('Hello'),
  everyBlock,
  empty: reply([], { fallback: 'nothing' }),
  long: textReply('x'.repeat(45_000)),
  manyLong: reply(Array.from({ length: 20 }, () => ({ type: 'text' as const, text: 'y'.repeat(5_000) }))),
};

describe('Adaptive Card renderer', () => {
  for (const [name, sample] of Object.entries(samples)) {
    it(`renders a valid Teams card for ${name}`, () => {
      const card = renderCard(sample);
      expect(cardProblems(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(24_000);
    });
  }

  it('maps each block to its element', () => {
    const card = renderCard(everyBlock);
    const types = card.body.map((e) => e.type);
    expect(types).toEqual(['TextBlock', 'TextBlock', 'Container', 'TextBlock', 'TextBlock', 'FactSet', 'TextBlock', 'ActionSet', 'Container']);
    expect(card.body[0]).toMatchObject({ weight: 'Bolder', size: 'Medium', wrap: true });
    expect(card.body[2]).toMatchObject({ style: 'emphasis' });
    // The divider becomes a separator on the next element.
    expect(card.body[3]).toMatchObject({ separator: true, text: '- first\n- \\*second\\*' });
    expect(card.body[4]).toMatchObject({ text: '1. one\n2. two' });
    expect(card.body[6]).toMatchObject({ isSubtle: true, size: 'Small' });
    const actions = card.body[7]!.actions as Array<Record<string, unknown>>;
    expect(actions[0]).toMatchObject({ type: 'Action.Submit', title: 'Another question', data: { moodmusicAction: 'prompt.another', value: 'purpose' }, style: 'positive', associatedInputs: 'none' });
    expect(actions[2]).toMatchObject({ style: 'destructive' });
    const form = card.body[8]!.items as Array<Record<string, unknown>>;
    expect(form[1]).toMatchObject({ type: 'Input.Text', id: 'question', label: 'The question', placeholder: 'What is the meeting for?', isRequired: true, isMultiline: false });
    expect(form[2]).toMatchObject({ type: 'Input.Text', id: 'agenda', isRequired: false, isMultiline: true });
    expect(form[3]).toMatchObject({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Review it', data: { moodmusicAction: 'review.submit', moodmusicForm: true } }] });
  });

  it('escapes user text so no markup, link, mention or date function forms', () => {
    const escaped = escapeTeamsMarkdown(hostile);
    expect(escaped).not.toMatch(/(^|[^\\])[*_~`[\]()#{}]/);
    expect(escaped).not.toContain('<');
    expect(escaped).not.toContain('>');
    expect(escaped).toContain('&amp;amp;');
    expect(escaped).toContain('\\[click\\]\\(https://evil.example\\)');
    expect(escaped).toContain('&lt;at&gt;Everyone&lt;/at&gt;');
    expect(escaped.split('\n')).toEqual(expect.arrayContaining(['\\- item', '1\\. one', '\\---']));
  });

  it('escaping is reversible by a markdown reader: unescaping gives the original text back', () => {
    const unescape = (s: string) =>
      s.replace(/\\([\\*_~`#[\]()|!{}\-+=.)])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const text of [hostile, 'plain words', 'a\\b', '5 * 3 = 15', '- not a list']) expect(unescape(escapeTeamsMarkdown(text))).toBe(text);
  });

  it('puts the fallback, escaped, in the activity summary and the card fallbackText', () => {
    const activity = renderActivity(helpReply());
    expect(activity.type).toBe('message');
    expect(activity.summary).toBe(escapeTeamsMarkdown(helpReply().fallback));
    expect(activity.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(activity.attachments[0]!.content.fallbackText).toBe(activity.summary);
  });

  it('escapes user text in every text field of the activity, not only the card body', () => {
    const echoed = textReply(`You said: ${hostile} <a href="https://evil.example">x</a> **bold**`);
    const activity = renderActivity(echoed) as Record<string, unknown>;
    const fields: Array<[string, string]> = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node === 'string') fields.push([at, node]);
      else if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}[${i}]`));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, at ? `${at}.${k}` : k);
    };
    walk(activity, '');
    const texts = fields.filter(([at]) => /(^|\.)(text|summary|fallbackText)$/.test(at));
    expect(texts.map(([at]) => at).sort()).toEqual(['attachments[0].content.body[0].text', 'attachments[0].content.fallbackText', 'summary']);
    for (const [at, value] of texts) {
      expect(value, at).not.toMatch(/\[click\]\(|<a |<at>|(^|[^\\])\*\*bold/);
      expect(value, at).toContain('\\[click\\]\\(https://evil.example\\)');
      expect(value, at).toContain('&lt;a href=');
    }
  });

  it('clips very long text to stay under the Teams message size', () => {
    const card = renderCard(samples.long!);
    const text = card.body[0]!.text as string;
    expect(text.length).toBeLessThanOrEqual(3_000);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('card validation itself', () => {
  it('flags what Teams would not render', () => {
    const bad = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Media', sources: [] }, { type: 'TextBlock', text: 'x', size: 'huge' }, { type: 'Input.Text', id: 'a', isRequired: true }] };
    const problems = cardProblems(bad);
    expect(problems.some((p) => p.includes('Media'))).toBe(true);
    expect(problems.some((p) => p.includes('"huge"'))).toBe(true);
    expect(problems.some((p) => p.includes('error message'))).toBe(true);
  });
});
