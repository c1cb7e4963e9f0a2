import type { Block, Button, FormField, Reply } from '../../src/model/reply.js';
import { escapeSlack, fitEscaped, splitRendered } from './text.js';

/** Slack's Block Kit limits we design around (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  fields: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fallbackText: 3000,
  modalTitle: 24,
  modalInputs: 100,
  inputLabel: 2000,
  placeholder: 150,
  privateMetadata: 3000,
} as const;

/** A Block Kit block, as JSON. Kept loose: Slack validates it and our tests check the shapes we use. */
export type SlackBlock = Record<string, unknown>;

/** What `chat.postMessage` and friends need: blocks plus the notification text. */
export interface RenderedMessage {
  blocks: SlackBlock[];
  text: string;
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

/** Prefix of the action ids of core buttons: `b<n>:<core id>`; `<n>` keeps ids unique in a message. */
const BUTTON = /^b\d+:(.+)$/s;
/** Action id of the button that opens a form in a modal. */
export const FORM_ACTION = /^form\d+$/;
/** Action id of the button that shares a private result in the channel it came from. */
export const SHARE_ACTION = 'mm-share';

/** What a pressed button means, decoded from its action id. */
export type DecodedAction = { kind: 'core'; id: string } | { kind: 'form' } | { kind: 'share' } | { kind: 'unknown' };

/** Decodes an `action_id` this renderer produced. */
export function decodeActionId(actionId: string): DecodedAction {
  const core = BUTTON.exec(actionId);
  if (core?.[1]) return { kind: 'core', id: core[1] };
  if (FORM_ACTION.test(actionId)) return { kind: 'form' };
  if (actionId === SHARE_ACTION) return { kind: 'share' };
  return { kind: 'unknown' };
}

/** A form as carried in a button's value, so opening the modal needs no server-side state. */
export interface FormSpec {
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

/** Packs a form into a button value (2,000 characters at most), dropping placeholders if needed. */
export function encodeForm(form: FormSpec): string {
  // JSON with <, > and & as \u escapes: the value is never displayed, but then nothing we send to Slack
  // carries raw markup characters, whatever the check looking at it.
  const pack = (withPlaceholders: boolean, labelMax: number) =>
    jsonInert({
      i: form.id,
      t: form.title.slice(0, 60),
      s: form.submitLabel.slice(0, 40),
      f: form.fields.map((f) => [f.id, f.label.slice(0, labelMax), withPlaceholders ? (f.placeholder ?? '').slice(0, LIMITS.placeholder) : '', f.multiline ? 1 : 0, f.optional ? 1 : 0]),
    });
  for (const [withPlaceholders, labelMax] of [[true, 300], [false, 300], [false, 80], [false, 30]] as const) {
    const value = pack(withPlaceholders, labelMax);
    if (value.length <= LIMITS.buttonValue) return value;
  }
  throw new Error(`form ${form.id} has too many fields to fit in a Slack button (${form.fields.length})`);
}

function jsonInert(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Unpacks `encodeForm`'s value; undefined when it is not one. */
export function decodeForm(value: string | undefined): FormSpec | undefined {
  if (!value) return undefined;
  try {
    const data = JSON.parse(value) as { i?: unknown; t?: unknown; s?: unknown; f?: unknown };
    if (typeof data.i !== 'string' || typeof data.t !== 'string' || typeof data.s !== 'string' || !Array.isArray(data.f)) return undefined;
    const fields: FormField[] = [];
    for (const entry of data.f as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return undefined;
      const [id, label, placeholder, multiline, optional] = entry as [string, string, unknown, unknown, unknown];
      fields.push({
        id,
        label,
        ...(typeof placeholder === 'string' && placeholder ? { placeholder } : {}),
        ...(multiline ? { multiline: true } : {}),
        ...(optional ? { optional: true } : {}),
      });
    }
    return { id: data.i, title: data.t, submitLabel: data.s, fields };
  } catch {
    return undefined;
  }
}

function sections(raw: string, render?: (s: string) => string): SlackBlock[] {
  return splitRendered(raw, LIMITS.sectionText, render).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

const quoteRender = (s: string) => escapeSlack(s).split('\n').map((line) => `>${line}`).join('\n');

function button(b: Button, actionId: string, primary = b.style === 'primary'): SlackBlock {
  const style = b.style === 'primary' && !primary ? undefined : b.style;
  return {
    type: 'button',
    action_id: actionId.slice(0, LIMITS.actionId),
    text: plain(fitEscaped(b.label, LIMITS.buttonText)),
    ...(b.value !== undefined ? { value: b.value.slice(0, LIMITS.buttonValue) } : {}),
    ...(style ? { style } : {}),
  };
}

/** What renderers of one message share: unique ids, and the one primary button Slack's guidelines allow. */
interface RenderState {
  nextId: () => number;
  primaryLeft: boolean;
}

function renderBlock(block: Block, state: RenderState): SlackBlock[] {
  const { nextId } = state;
  switch (block.type) {
    case 'header':
      return block.text.trim() ? [{ type: 'header', text: plain(fitEscaped(block.text.trim(), LIMITS.headerText)) }] : [];
    case 'label':
      // Bot-written section labels: bold, with the label's own asterisks kept out of the markup.
      return block.text.trim() ? [{ type: 'section', text: mrkdwn(`*${fitEscaped(block.text.trim().replace(/\*/g, ''), LIMITS.sectionText - 2)}*`) }] : [];
    case 'text':
      return block.number ? sections(`${block.number}. ${block.text}`, (s) => escapeSlack(s).replace(/^(\d+\.)/, '*$1*')) : sections(block.text);
    case 'quote':
      return sections(block.text, quoteRender);
    case 'list': {
      const lines = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item.replace(/\s*\n\s*/g, ' ')}`);
      return sections(lines.join('\n'));
    }
    case 'fields': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < block.fields.length; i += LIMITS.fields) {
        const group = block.fields.slice(i, i + LIMITS.fields).map((f) => {
          const label = fitEscaped(f.label, 200);
          return mrkdwn(`*${label}*\n${fitEscaped(f.value, LIMITS.fieldText - label.length - 3)}`);
        });
        out.push({ type: 'section', fields: group });
      }
      return out;
    }
    case 'context':
      return block.text.trim() ? [{ type: 'context', elements: [mrkdwn(fitEscaped(block.text.trim(), LIMITS.contextText))] }] : [];
    case 'divider':
      return [{ type: 'divider' }];
    case 'link':
      // A URL Slack would mangle (`|`, `>` or spaces) is dropped rather than rendered half-working.
      return /^https?:\/\/[^\s|<>]+$/.test(block.url) ? [{ type: 'section', text: mrkdwn(`<${block.url.replace(/&/g, '&amp;')}|${fitEscaped(block.label, 200)}>`) }] : [];
    case 'actions': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += LIMITS.actionsElements) {
        const elements = block.buttons.slice(i, i + LIMITS.actionsElements).map((b) => {
          const primary = b.style === 'primary' && state.primaryLeft;
          if (primary) state.primaryLeft = false;
          return button(b, `b${nextId()}:${b.id}`, primary);
        });
        out.push({ type: 'actions', elements });
      }
      return out;
    }
    case 'form':
      return [
        {
          type: 'section',
          text: mrkdwn(fitEscaped(block.title, LIMITS.sectionText)),
          accessory: button({ id: block.id, label: 'Open the form', value: encodeForm(block), style: 'primary' }, `form${nextId()}`, state.primaryLeft),
        },
      ];
  }
}

/**
 * Renders a core reply as Block Kit: native blocks (header, bold section labels, context), every piece
 * of text escaped, long text split into several sections at natural boundaries, at most 50 blocks (the
 * last saying there is more), unique action ids, at most one primary button, and an escaped plain-text
 * fallback for notifications.
 */
export function renderReply(reply: Reply): RenderedMessage {
  let counter = 0;
  const state: RenderState = { nextId: () => counter++, primaryLeft: true };
  let blocks = reply.blocks.flatMap((b) => renderBlock(b, state));
  if (blocks.length > LIMITS.blocks) {
    blocks = [...blocks.slice(0, LIMITS.blocks - 1), { type: 'context', elements: [mrkdwn('…and more')] }];
  }
  const text = fitEscaped(reply.fallback.trim() || 'A message from moodmusic', LIMITS.fallbackText);
  return { blocks, text };
}

/** Where a modal's submission should go, kept in the view's `private_metadata`. */
export interface ModalOrigin {
  formId: string;
  channel?: string;
  threadTs?: string;
}

/** The callback id of every moodmusic modal. */
export const MODAL_CALLBACK = 'moodmusic_form';

/** Builds the `views.open` view for a form: one input per field, keyed so the values map back by id. */
export function renderModal(form: FormSpec, origin: Omit<ModalOrigin, 'formId'>): SlackBlock {
  const metadata: ModalOrigin = { formId: form.id, ...origin };
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    private_metadata: JSON.stringify(metadata).slice(0, LIMITS.privateMetadata),
    title: plain(fitEscaped(form.title, LIMITS.modalTitle)),
    submit: plain(fitEscaped(form.submitLabel || 'Submit', LIMITS.modalTitle)),
    close: plain('Cancel'),
    blocks: form.fields.slice(0, LIMITS.modalInputs).map((f) => ({
      type: 'input',
      block_id: `field:${f.id}`,
      optional: Boolean(f.optional),
      label: plain(fitEscaped(f.label, LIMITS.inputLabel)),
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: Boolean(f.multiline),
        ...(f.placeholder ? { placeholder: plain(fitEscaped(f.placeholder, LIMITS.placeholder)) } : {}),
      },
    })),
  };
}

/** Reads a modal's origin back from `private_metadata`. */
export function readModalOrigin(privateMetadata: string | undefined): ModalOrigin | undefined {
  try {
    const data = JSON.parse(privateMetadata ?? '') as Partial<ModalOrigin>;
    if (typeof data.formId !== 'string') return undefined;
    return {
      formId: data.formId,
      ...(typeof data.channel === 'string' ? { channel: data.channel } : {}),
      ...(typeof data.threadTs === 'string' ? { threadTs: data.threadTs } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Collects submitted values by field id from a view's `state.values`. */
export function readModalValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (state as { values?: Record<string, Record<string, { value?: unknown }>> } | undefined)?.values ?? {};
  for (const [blockId, inputs] of Object.entries(blocks)) {
    if (!blockId.startsWith('field:')) continue;
    const value = inputs.value?.value;
    values[blockId.slice('field:'.length)] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The block appended to a privately delivered result: a button that posts it in `channel`. */
export function shareBlock(channel: string, threadTs?: string): SlackBlock {
  return {
    type: 'actions',
    block_id: SHARE_ACTION,
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION,
        text: plain('Share in channel'),
        value: JSON.stringify({ c: channel, ...(threadTs ? { t: threadTs } : {}) }),
      },
    ],
  };
}
