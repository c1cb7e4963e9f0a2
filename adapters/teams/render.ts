import { mapUserText, userRanges, type Block, type Button, type Reply, type UserText } from '../../src/model/reply.js';

/** Adaptive Card content type for a Bot Framework attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The card elements this renderer emits: a subset of Adaptive Cards 1.5 that Teams renders. */
export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  fallbackText: string;
  msteams: { width: 'Full' };
}

/** What an Action.Submit sends back (merged by Teams with any input values). */
export interface SubmitData {
  moodmusicAction: string;
  value?: string;
  /** Present on form submits, so input values are read as the form's fields. */
  moodmusicForm?: true;
}

/** Longest single string put on a card; Teams refuses messages over about 28 KB. */
const MAX_TEXT = 3_000;
/** Budget for a whole card's JSON, below Teams' limit with room for the activity envelope. */
const MAX_CARD_BYTES = 24_000;

/** U+2060 WORD JOINER: invisible everywhere, and enough to stop a `<tag` or a line-start marker being markup. */
const JOINER = '\u2060';

/**
 * Escapes words people wrote for a TextBlock, which Teams renders as markdown, touching only what could
 * turn into markup: `* _ [ ]` and backticks get a backslash (which every Teams client hides before
 * `* _ [ ]`), a backslash that would hide the next character is doubled, and an invisible word joiner
 * goes after `<` (no tag, no `<at>` mention), inside `{{` (no date function) and before a line-start
 * list, quote or heading marker.
 * Brackets, bars, `!`, `#`, `&` and the like elsewhere are left alone: Teams shows them as typed, and a
 * backslash before them would show on phones. The bot's own words are never passed through this.
 */
export function escapeTeamsMarkdown(text: string): string {
  return stripControl(text)
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/([*_[\]`])/g, '\\$1')
    .replace(/</g, `<${JOINER}`)
    .replace(/\{\{/g, `{${JOINER}{`)
    .replace(/^([ \t]*)(?=[-+>#]|\d+[.)](?:\s|$))/gm, `$1${JOINER}`);
}

/** The bot's own words: control characters go, and a `<` can never open a tag; nothing visible changes. */
function ownText(text: string): string {
  return stripControl(text).replace(/<(?=[A-Za-z/!?])/g, `<${JOINER}`);
}

/** Plain strings (button titles, labels, placeholders) are not markdown: only control characters go. */
function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Markdown for `text`, clipped to `max`, with the user's words escaped and the bot's left as written. */
function markdown(text: string, user: UserText | undefined, max: number): string {
  return mapUserText(clip(text, max), userRanges(text, user), escapeTeamsMarkdown, ownText);
}

function textBlock(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * One TextBlock per line: Teams markdown ignores a single newline, so lines written as lines would run
 * together. Later lines sit closer than a new block would.
 */
function paragraphs(md: string, extra: Record<string, unknown> = {}, prefix = ''): CardElement[] {
  const lines = md.split(/\n+/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.map((line, i) => textBlock(i === 0 ? `${prefix}${line}` : line, i === 0 ? extra : { ...extra, spacing: 'Small', separator: undefined }));
}

/** Rough width of a button in px (Segoe UI semibold 14 px is about 8 px a character, plus padding). */
const buttonWidth = (label: string) => label.length * 8 + 28;
/** The narrowest card content width we design for: a 320 px phone column less the card's padding. */
const NARROW_CONTENT = 288;
const BUTTON_GAP = 8;

/**
 * Splits buttons into rows that fit a narrow phone column without cutting a label: all in one row when
 * they fit, otherwise as few rows as fit, each row sharing its width equally as Teams lays them out.
 */
export function buttonRows(buttons: Button[]): Button[][] {
  for (let perRow = buttons.length; perRow > 1; perRow -= 1) {
    const rows = Math.ceil(buttons.length / perRow);
    const size = Math.ceil(buttons.length / rows);
    const chunks: Button[][] = [];
    for (let i = 0; i < buttons.length; i += size) chunks.push(buttons.slice(i, i + size));
    const fits = chunks.every((row) => row.length * Math.max(...row.map((b) => buttonWidth(b.label))) + (row.length - 1) * BUTTON_GAP <= NARROW_CONTENT);
    if (fits) return chunks;
  }
  return buttons.map((b) => [b]);
}

function submit(button: Button, primary: boolean): CardElement {
  const data: SubmitData = { moodmusicAction: button.id, ...(button.value === undefined ? {} : { value: button.value }) };
  return {
    type: 'Action.Submit',
    title: clip(stripControl(button.label), 80),
    data,
    // A button next to a form must not carry (or be blocked by) the form's inputs.
    associatedInputs: 'none',
    ...(button.style === 'primary' && primary ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

/** Builds the elements of one card; `primaryLeft` makes sure at most one button per card is filled. */
function renderBlock(block: Block, max: number, state: { primaryLeft: boolean }): CardElement[] {
  switch (block.type) {
    case 'header':
      return [textBlock(markdown(block.text, block.user, max).replace(/\s*\n\s*/g, ' '), { size: 'Large', weight: 'Bolder', style: 'heading' })];
    case 'label':
      return [textBlock(markdown(block.text, block.user, max).replace(/\s*\n\s*/g, ' '), { weight: 'Bolder', spacing: 'Medium' })];
    case 'text':
      return paragraphs(markdown(block.text, block.user, max), block.number ? { spacing: 'Medium' } : {}, block.number ? `**${block.number}.** ` : '');
    case 'quote':
      return [{ type: 'Container', style: 'emphasis', items: paragraphs(markdown(block.text, block.user, max)) }];
    case 'list':
      if (block.items.length === 0) return [];
      return [
        textBlock(
          block.items
            .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdown(item, block.user, max).replace(/\s*\n\s*/g, ' ')}`)
            .join('\n'),
        ),
      ];
    case 'fields':
      if (block.fields.length === 0) return [];
      return [
        {
          type: 'FactSet',
          facts: block.fields.map((f) => ({ title: markdown(f.label, undefined, 200), value: markdown(f.value, block.user, max) })),
        },
      ];
    case 'context':
      return paragraphs(markdown(block.text, block.user, max), { isSubtle: true, size: 'Small' });
    case 'divider':
      return [];
    case 'link':
      return /^https?:\/\/\S+$/.test(block.url) ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: clip(stripControl(block.label), 80), url: block.url }] }] : [];
    case 'actions': {
      if (block.buttons.length === 0) return [];
      const actions = block.buttons.map((b) => {
        const primary = b.style === 'primary' && state.primaryLeft;
        if (primary) state.primaryLeft = false;
        return { button: b, element: submit(b, primary) };
      });
      return buttonRows(block.buttons).map((row, i) => ({
        type: 'ActionSet',
        actions: row.map((b) => actions.find((a) => a.button === b)?.element),
        ...(i > 0 ? { spacing: 'Small' } : {}),
      }));
    }
    case 'form': {
      const data: SubmitData = { moodmusicAction: block.id, moodmusicForm: true };
      return [
        {
          type: 'Container',
          items: [
            textBlock(markdown(block.title, undefined, 300), { weight: 'Bolder' }),
            ...block.fields.map((field) => ({
              type: 'Input.Text',
              id: field.id,
              label: clip(stripControl(field.label), 200),
              isMultiline: Boolean(field.multiline),
              isRequired: !field.optional,
              ...(field.optional ? {} : { errorMessage: `Please fill in: ${clip(stripControl(field.label), 150)}` }),
              ...(field.placeholder ? { placeholder: clip(stripControl(field.placeholder), 300) } : {}),
              maxLength: field.multiline ? 20_000 : 1_000,
            })),
            { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: clip(stripControl(block.submitLabel), 80), data, style: 'positive' }] },
          ],
        },
      ];
    }
  }
}

function buildCard(reply: Reply, max: number): AdaptiveCard {
  const body: CardElement[] = [];
  const state = { primaryLeft: true };
  let separate = false;
  for (const block of reply.blocks) {
    if (block.type === 'divider') {
      separate = body.length > 0;
      continue;
    }
    const elements = renderBlock(block, max, state);
    const first = elements[0];
    if (!first) continue;
    if (separate) Object.assign(first, { separator: true, spacing: 'Medium' });
    separate = false;
    body.push(...elements);
  }
  if (body.length === 0) body.push(textBlock(ownText(clip(reply.fallback || '…', max))));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    // Shown where the card cannot be (and as the notification): escaped like the card body, since Teams
    // renders it as markdown too.
    fallbackText: escapeTeamsMarkdown(clip(reply.fallback, 1000)),
    msteams: { width: 'Full' },
  };
}

/**
 * Renders a core `Reply` as one Adaptive Card (schema 1.5; TextBlock, Container, FactSet, ActionSet,
 * Input.Text, Action.Submit only) laid out for a 320-450 px column: a `Large` heading, bold section
 * labels, one TextBlock per line, buttons in rows that fit, at most one filled (primary) button. Only
 * the words people wrote are escaped. Long texts are clipped so the message stays under Teams' size limit.
 */
export function renderCard(reply: Reply): AdaptiveCard {
  let card = buildCard(reply, MAX_TEXT);
  for (const max of [1_000, 300]) {
    if (Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES) break;
    card = buildCard(reply, max);
  }
  return card;
}

/**
 * The message activity for a reply: the card, with its fallback as the notification summary. Every text
 * field (the card body, `fallbackText`, `summary`) is escaped the same way; no `text` is set.
 */
export function renderActivity(reply: Reply): { type: 'message'; summary: string; attachments: Array<{ contentType: string; content: AdaptiveCard }> } {
  const card = renderCard(reply);
  return { type: 'message', summary: card.fallbackText, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}
