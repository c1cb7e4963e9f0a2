import { isShared, type Reply } from '../src/model/reply.js';

/**
 * `render`, kept for blocks that cannot change (`shareBlocks`) by their identity, so a fan-out to thousands
 * of conversations renders each prompt once. A shared reply gets the same rendering object every time
 * (while its fallback is the same), so what a platform derives from it can be kept by that object too.
 */
export function renderOnce<T extends object>(render: (reply: Reply) => T): (reply: Reply) => T {
  const kept = new WeakMap<object, { fallback: string; rendered: T }>();
  return (reply) => {
    if (!isShared(reply.blocks)) return render(reply);
    const found = kept.get(reply.blocks);
    if (found && found.fallback === reply.fallback) return found.rendered;
    const rendered = render(reply);
    kept.set(reply.blocks, { fallback: reply.fallback, rendered });
    return rendered;
  };
}
