import { describe, expect, it } from 'vitest';
import { buttonRows, escapeTeamsMarkdown, renderActivity, renderCard } from '../../adapters/teams/render.js';
import { helpReply, shortHelp } from '../../src/core/help.js';
import { promptReply } from '../../src/prompts/choose.js';
import { introductionReply } from '../../src/features/introduce.js';
import { reply, textReply, type Reply } from '../../src/model/reply.js';
import { cardProblems } from './validate-card.js';

const JOINER = '\u2060';
const hostile = '*bold* _it_ ~strike~ `code` # head [click](https://evil.example) <at>Everyone</at> &amp; {{DATE(2017-02-14T06:08:39Z, SHORT)}}\n- item\n1. one\n---';

const everyBlock: Reply = reply([
  { type: 'header', text: 'A header' },
  { type: 'text', text: hostile, user: true },
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

  it('maps each block to its element, one TextBlock per line, buttons in rows that fit a phone', () => {
    const card = renderCard(everyBlock);
    const types = card.body.map((e) => e.type);
    expect(types).toEqual([
      'TextBlock', 'TextBlock', 'TextBlock', 'TextBlock', 'TextBlock', 'Container', 'TextBlock', 'TextBlock', 'FactSet', 'TextBlock', 'ActionSet', 'ActionSet', 'ActionSet', 'Container',
    ]);
    expect(card.body[0]).toMatchObject({ weight: 'Bolder', size: 'Large', style: 'heading', wrap: true });
    // A single newline is ignored by Teams markdown: each line of the text is its own block.
    expect(card.body.slice(1, 5).map((e) => e.text)).toEqual([
      escapeTeamsMarkdown(hostile.split('\n')[0]!),
      `${JOINER}- item`,
      `${JOINER}1. one`,
      `${JOINER}---`,
    ]);
    expect(card.body[5]).toMatchObject({ style: 'emphasis' });
    // The divider becomes a separator on the next element; the bot's own list items are not escaped.
    expect(card.body[6]).toMatchObject({ separator: true, text: '- first\n- *second*' });
    expect(card.body[7]).toMatchObject({ text: '1. one\n2. two' });
    expect(card.body[9]).toMatchObject({ isSubtle: true, size: 'Small' });
    const actions = card.body.slice(10, 13).flatMap((e) => e.actions as Array<Record<string, unknown>>);
    expect(actions[0]).toMatchObject({ type: 'Action.Submit', title: 'Another question', data: { moodmusicAction: 'prompt.another', value: 'purpose' }, style: 'positive', associatedInputs: 'none' });
    expect(actions[2]).toMatchObject({ style: 'destructive' });
    const form = card.body[13]!.items as Array<Record<string, unknown>>;
    expect(form[1]).toMatchObject({ type: 'Input.Text', id: 'question', label: 'The question', placeholder: 'What is the meeting for?', isRequired: true, isMultiline: false });
    expect(form[2]).toMatchObject({ type: 'Input.Text', id: 'agenda', isRequired: false, isMultiline: true });
    expect(form[3]).toMatchObject({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Review it', data: { moodmusicAction: 'review.submit', moodmusicForm: true } }] });
  });

  it('keeps short buttons in one row and splits long ones so no label is cut at 320 px', () => {
    const labels = (rows: Array<Array<{ label: string }>>) => rows.map((r) => r.map((b) => b.label));
    expect(labels(buttonRows([{ id: 'a', label: 'Private' }, { id: 'b', label: 'Anonymous' }, { id: 'c', label: 'With my name' }]))).toEqual([['Private', 'Anonymous'], ['With my name']]);
    expect(labels(buttonRows([{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }, { id: 'c', label: 'Later' }]))).toEqual([['Yes', 'No', 'Later']]);
    expect(labels(buttonRows([{ id: 'a', label: 'A rather long label for one button' }]))).toEqual([['A rather long label for one button']]);
  });

  it('fills at most one button per card', () => {
    const two = reply([{ type: 'actions', buttons: [{ id: 'a', label: 'A', style: 'primary' }, { id: 'b', label: 'B', style: 'primary' }] }]);
    const styles = renderCard(two).body.flatMap((e) => e.actions as Array<Record<string, unknown>>).map((a) => a.style);
    expect(styles).toEqual(['positive', undefined]);
  });

  it('escapes user text so no markup, link, mention or date function forms, and nothing else', () => {
    const escaped = escapeTeamsMarkdown(hostile);
    // Every * _ [ ] ` is preceded by a backslash; < and {{ and line-start markers carry a joiner.
    expect(escaped).not.toMatch(/(^|[^\\])[*_`[\]]/);
    expect(escaped).not.toMatch(/<[^\u2060]/);
    expect(escaped).toContain(`{${JOINER}{DATE`);
    expect(escaped).toContain('\\[click\\](https://evil.example)');
    expect(escaped).toContain(`<${JOINER}at>Everyone<${JOINER}/at>`);
    expect(escaped).toContain('&amp;');
    expect(escaped).not.toContain('&amp;amp;');
    expect(escaped.split('\n')).toEqual(expect.arrayContaining([`${JOINER}- item`, `${JOINER}1. one`, `${JOINER}---`]));
  });

  it('leaves what Teams shows as typed alone: brackets, bars, !, #, & mid-line', () => {
    for (const text of ['Where to Begin (a page) | 100%', 'Q&A! #1 {x} (see notes)', '5 + 3 = 8', 'a-b']) expect(escapeTeamsMarkdown(text)).toBe(text);
  });

  it('escaping is reversible, and a phone (which hides a backslash only before [ ] ) * _) shows no backslash', () => {
    const desktop = (s: string) => s.replace(/\\([\\*_`[\]])/g, '$1').replace(/\u2060/g, '');
    const phone = (s: string) => s.replace(/\\([[\])*_])/g, '$1').replace(/\u2060/g, '');
    for (const text of [hostile, 'plain words', 'a\\b', '5 * 3 = 15', '- not a list', 'a\\*b']) expect(desktop(escapeTeamsMarkdown(text))).toBe(text);
    for (const text of ['*bold* _it_ [link] <at>x</at> {{DATE}} (a) | b', '- item\n1. one']) expect(phone(escapeTeamsMarkdown(text))).toBe(text);
  });

  it('escapes only the words marked as the user\'s; the bot\'s own words go out as written', () => {
    const r = reply([{ type: 'text', text: 'I didn\'t understand "*hi* [x]". Try `help` (or "status").', user: ['*hi* [x]'] }]);
    expect(renderCard(r).body[0]!.text).toBe('I didn\'t understand "\\*hi\\* \\[x\\]". Try `help` (or "status").');
    const theirs = reply([{ type: 'quote', text: '*all* theirs', user: true }]);
    expect((renderCard(theirs).body[0]!.items as Array<{ text: string }>)[0]!.text).toBe('\\*all\\* theirs');
  });

  it('escapes a workspace\'s own question (written by people), not the library\'s', () => {
    const base = { id: 'p1', theme: 'purpose' as const, why: 'Because *we* asked', audience: ['channel' as const], followUps: [] };
    const own = renderCard(promptReply({ ...base, text: 'What is _really_ [going on]?', fromPeople: true }));
    expect(own.body[1]!.text).toBe('What is \\_really\\_ \\[going on\\]?');
    expect(own.body[2]!.text).toBe('Why this question: Because \\*we\\* asked');
    const library = renderCard(promptReply({ ...base, text: 'What is _really_ going on?' }));
    expect(library.body[1]!.text).toBe('What is _really_ going on?');
  });

  it('puts the fallback, escaped, in the activity summary and the card fallbackText', () => {
    const activity = renderActivity(helpReply());
    expect(activity.type).toBe('message');
    expect(activity.summary).toBe(escapeTeamsMarkdown(helpReply().fallback));
    expect(activity.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(activity.attachments[0]!.content.fallbackText).toBe(activity.summary);
  });

  it('escapes user text in every text field of the activity, not only the card body', () => {
    const theirs = `${hostile} <a href="https://evil.example">x</a> **bold**`;
    const echoed = reply([{ type: 'text', text: `You said: ${theirs}`, user: [theirs] }]);
    const activity = renderActivity(echoed) as Record<string, unknown>;
    const fields: Array<[string, string]> = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node === 'string') fields.push([at, node]);
      else if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}[${i}]`));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, at ? `${at}.${k}` : k);
    };
    walk(activity, '');
    const texts = fields.filter(([at]) => /(^|\.)(text|summary|fallbackText)$/.test(at));
    expect(texts.map(([at]) => at)).toEqual(expect.arrayContaining(['attachments[0].content.body[0].text', 'attachments[0].content.fallbackText', 'summary']));
    const whole = (at: string) => texts.find(([a]) => a === at)![1];
    for (const value of [texts.filter(([at]) => at.includes('.body[')).map(([, v]) => v).join('\n'), whole('summary'), whole('attachments[0].content.fallbackText')]) {
      expect(value).not.toMatch(/(^|[^\\])\[click|<a |<at>|(^|[^\\])\*\*bold/);
      expect(value).toContain('\\[click\\](https://evil.example)');
      expect(value).toContain(`<${JOINER}a href=`);
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
