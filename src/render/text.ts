import type { Block, Button, Reply } from '../model/reply.js';

/** Strips terminal control sequences from echoed text so a paste cannot repaint the screen. */
export function escapeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function wrapQuote(text: string): string {
  return text.split('\n').map((line) => `  > ${line}`).join('\n');
}

function renderBlock(block: Block, buttons: Button[]): string | undefined {
  switch (block.type) {
    case 'header':
      return `** ${escapeTerminal(block.text)} **`;
    case 'label':
      return escapeTerminal(block.text);
    case 'text':
      return block.number ? `${block.number}. ${escapeTerminal(block.text)}` : escapeTerminal(block.text);
    case 'quote':
      return wrapQuote(escapeTerminal(block.text));
    case 'list':
      return block.items.map((item, i) => `  ${block.ordered ? `${i + 1}.` : '-'} ${escapeTerminal(item)}`).join('\n');
    case 'fields':
      return block.fields.map((f) => `  ${escapeTerminal(f.label)}: ${escapeTerminal(f.value)}`).join('\n');
    case 'context':
      return `  (${escapeTerminal(block.text)})`;
    case 'divider':
      return '  ---';
    case 'link':
      return `  ${escapeTerminal(block.label)}: ${escapeTerminal(block.url)}`;
    case 'actions': {
      const start = buttons.length;
      buttons.push(...block.buttons);
      return block.buttons.map((b, i) => `  [${start + i + 1}] ${escapeTerminal(b.label)}`).join('\n');
    }
    case 'form':
      return `${escapeTerminal(block.title)}:\n${block.fields.map((f) => `  - ${escapeTerminal(f.label)}${f.optional ? ' (optional)' : ''}`).join('\n')}`;
  }
}

/**
 * Renders a reply as terminal text. Buttons are numbered in order across the reply and returned so the
 * shell can map a typed number or label back to the button.
 */
export function renderText(r: Reply): { text: string; buttons: Button[] } {
  const buttons: Button[] = [];
  const parts = r.blocks.map((b) => renderBlock(b, buttons)).filter((p): p is string => p !== undefined);
  return { text: parts.join('\n'), buttons };
}
