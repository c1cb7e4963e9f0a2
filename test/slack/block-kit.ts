/**
 * Slack's documented Block Kit limits for messages (docs.slack.dev, "Blocks" and each block's and
 * element's reference), checked on a rendered payload. No maintained JSON schema for Block Kit is
 * published as an npm package (the lists in the registry are builders and converters), so the limits are
 * written out here.
 */
const LIMIT = {
  blocks: 50,
  blockId: 255,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  url: 3000,
  fallbackText: 40000,
} as const;

const BLOCK_TYPES = new Set(['section', 'header', 'context', 'divider', 'actions']);

type Json = Record<string, unknown>;

function textObject(where: string, value: unknown, max: number, problems: string[], plainOnly = false): void {
  const t = value as Json | undefined;
  if (!t || typeof t !== 'object') return void problems.push(`${where}: no text object`);
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') problems.push(`${where}: text type ${String(t.type)}`);
  if (plainOnly && t.type !== 'plain_text') problems.push(`${where}: must be plain_text`);
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${where}: empty text`);
  else if (t.text.length > max) problems.push(`${where}: ${t.text.length} characters (limit ${max})`);
}

/** Every way a `chat.postMessage` payload breaks a documented Block Kit limit; empty when it is valid. */
export function blockKitProblems(message: { blocks: Json[]; text: string }): string[] {
  const problems: string[] = [];
  const { blocks } = message;
  if (blocks.length > LIMIT.blocks) problems.push(`${blocks.length} blocks (limit ${LIMIT.blocks})`);
  if (message.text.length > LIMIT.fallbackText) problems.push(`fallback text ${message.text.length} characters`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  let primaries = 0;
  blocks.forEach((block, i) => {
    const where = `block ${i} (${String(block.type)})`;
    if (!BLOCK_TYPES.has(String(block.type))) problems.push(`${where}: not a message block type`);
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > LIMIT.blockId) problems.push(`${where}: block_id too long`);
      if (blockIds.has(block.block_id)) problems.push(`${where}: block_id ${block.block_id} repeated`);
      blockIds.add(block.block_id);
    }
    const button = (element: Json, at: string) => {
      if (element.type !== 'button') return void problems.push(`${at}: element type ${String(element.type)}`);
      textObject(`${at} text`, element.text, LIMIT.buttonText, problems, true);
      const id = String(element.action_id ?? '');
      if (!id || id.length > LIMIT.actionId) problems.push(`${at}: action_id missing or too long`);
      if (actionIds.has(id)) problems.push(`${at}: action_id ${id} repeated`);
      actionIds.add(id);
      if (typeof element.value === 'string' && element.value.length > LIMIT.buttonValue) problems.push(`${at}: value too long`);
      if (typeof element.url === 'string' && element.url.length > LIMIT.url) problems.push(`${at}: url too long`);
      if (element.style === 'primary') primaries += 1;
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') problems.push(`${at}: style ${String(element.style)}`);
    };
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${where}: neither text nor fields`);
        if (block.text !== undefined) textObject(`${where} text`, block.text, LIMIT.sectionText, problems);
        const fields = (block.fields as unknown[] | undefined) ?? [];
        if (fields.length > LIMIT.sectionFields) problems.push(`${where}: ${fields.length} fields`);
        fields.forEach((f, j) => textObject(`${where} field ${j}`, f, LIMIT.fieldText, problems));
        if (block.accessory) button(block.accessory as Json, `${where} accessory`);
        break;
      }
      case 'header':
        textObject(`${where} text`, block.text, LIMIT.headerText, problems, true);
        break;
      case 'context': {
        const elements = (block.elements as unknown[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > LIMIT.contextElements) problems.push(`${where}: ${elements.length} elements`);
        elements.forEach((e, j) => textObject(`${where} element ${j}`, e, LIMIT.contextText, problems));
        break;
      }
      case 'actions': {
        const elements = (block.elements as Json[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > LIMIT.actionsElements) problems.push(`${where}: ${elements.length} elements`);
        elements.forEach((e, j) => button(e, `${where} element ${j}`));
        break;
      }
    }
  });
  if (primaries > 1) problems.push(`${primaries} primary buttons (one at most)`);
  return problems;
}
