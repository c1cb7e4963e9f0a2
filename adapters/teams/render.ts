import type { Block, Button, Reply } from '../../src/model/reply.js';

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

/**
 * Escapes text for a TextBlock, which Teams renders as markdown: `*_~` and backticks cannot make
 * emphasis or code, `[]()` cannot make a link, `#` no heading, a leading `-`, `+`, `=` or `1.` no list
 * or rule, `{}` no date function, and `<>&` become entities so nothing reads as HTML or an `<at>`
 * mention.
 */
export function escapeTeamsMarkdown(text: string): string {
  return stripControl(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_~`#[\]()|!{}])/g, '\\$1')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

/** Plain strings (button titles, labels, placeholders) are not markdown: only control characters go. */
function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function textBlock(text: string, max: number, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: escapeTeamsMarkdown(clip(text, max)), wrap: true, ...extra };
}

function submit(button: Button): CardElement {
  const data: SubmitData = { moodmusicAction: button.id, ...(button.value === undefined ? {} : { value: button.value }) };
  return {
    type: 'Action.Submit',
    title: clip(stripControl(button.label), 80),
    data,
    // A button next to a form must not carry (or be blocked by) the form's inputs.
    associatedInputs: 'none',
    ...(button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function renderBlock(block: Block, max: number): CardElement | undefined {
  switch (block.type) {
    case 'header':
      return textBlock(block.text, max, { weight: 'Bolder', size: 'Medium', style: 'heading' });
    case 'text':
      return textBlock(block.text, max);
    case 'quote':
      return { type: 'Container', style: 'emphasis', items: [textBlock(block.text, max)] };
    case 'list':
      if (block.items.length === 0) return undefined;
      return {
        type: 'TextBlock',
        wrap: true,
        text: block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${escapeTeamsMarkdown(clip(item, max))}`).join('\n'),
      };
    case 'fields':
      if (block.fields.length === 0) return undefined;
      return {
        type: 'FactSet',
        facts: block.fields.map((f) => ({ title: escapeTeamsMarkdown(clip(f.label, 200)), value: escapeTeamsMarkdown(clip(f.value, max)) })),
      };
    case 'context':
      return textBlock(block.text, max, { isSubtle: true, size: 'Small' });
    case 'divider':
      return undefined;
    case 'link':
      return /^https?:\/\/\S+$/.test(block.url) ? { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: clip(stripControl(block.label), 80), url: block.url }] } : undefined;
    case 'actions':
      if (block.buttons.length === 0) return undefined;
      return { type: 'ActionSet', actions: block.buttons.map(submit) };
    case 'form': {
      const data: SubmitData = { moodmusicAction: block.id, moodmusicForm: true };
      return {
        type: 'Container',
        items: [
          textBlock(block.title, 300, { weight: 'Bolder' }),
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
      };
    }
  }
}

function buildCard(reply: Reply, max: number): AdaptiveCard {
  const body: CardElement[] = [];
  let separate = false;
  for (const block of reply.blocks) {
    if (block.type === 'divider') {
      separate = body.length > 0;
      continue;
    }
    const element = renderBlock(block, max);
    if (!element) continue;
    if (separate) Object.assign(element, { separator: true, spacing: 'Medium' });
    separate = false;
    body.push(element);
  }
  if (body.length === 0) body.push(textBlock(reply.fallback || '…', max));
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
 * Input.Text, Action.Submit only). Long texts are clipped so the message stays under Teams' size limit.
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
