import { createRequire } from 'node:module';

/**
 * The parts of the `adaptivecards` library used to validate cards. Its `lib/` build is ESM without file
 * extensions (unloadable by Node), so the UMD bundle in `dist/` is loaded instead; parsing and property
 * validation need no DOM (only rendering does).
 */
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
    version: { toString(): string };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}

const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Element and action types Teams renders (of Adaptive Cards 1.5), and the only ones our renderer may use. */
const TEAMS_TYPES = new Set(['TextBlock', 'Container', 'FactSet', 'ActionSet', 'Input.Text', 'Action.Submit']);

/** Every problem with a card: parse warnings, validation events, and element types outside the Teams set. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type !== 'AdaptiveCard' && !TEAMS_TYPES.has(n.type)) problems.push(`type ${n.type} is not in the Teams set`);
    for (const key of ['body', 'items', 'actions']) if (n[key]) walk(n[key]);
  };
  walk(card);
  if ((card as { version?: string }).version !== '1.5') problems.push('version is not 1.5');
  return problems;
}
