import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

/** Framings that must read one way, with the test name for each (`%s` is the framing). */
export interface FramingCases {
  deficit: boolean;
  label: string;
  cases: readonly string[];
}

/**
 * One error class of the framing check as a specification: framings it must read as a deficit and framings
 * it must not, so a fix for the class cannot quietly widen into its look-alikes.
 */
export function framingClass(name: string, groups: readonly FramingCases[]): void {
  describe(name, () => {
    for (const g of groups) {
      it.each([...g.cases])(g.label, (q) => {
        expect(reframe(q).deficit).toBe(g.deficit);
      });
    }
  });
}
