import { describe, expect, it } from 'vitest';
import { aggregate, formatCount, weekStart, type PostFacts } from '../../src/insights/aggregate.js';

const now = new Date('2026-11-27T12:00:00Z'); // a Friday

function post(daysAgo: number, theme: PostFacts['theme'], replies: number, reactions = 0, promptId = `${theme}-${daysAgo}`): PostFacts {
  return { promptId, theme, text: `Question ${promptId}?`, postedAt: new Date(now.getTime() - daysAgo * 86_400_000), replies, reactions };
}

describe('aggregate insights', () => {
  it('counts posts, replies and reactions per theme over the window, and drops older posts', () => {
    const posts = [post(1, 'purpose', 4, 2), post(8, 'purpose', 0, 1), post(15, 'design', 5, 3), post(200, 'design', 50, 50)];
    const got = aggregate(posts, now, 12);
    expect(got.posts).toBe(3);
    expect(got.replies).toEqual({ shown: true, value: 9 });
    expect(got.reactions).toEqual({ shown: true, value: 6 });
    const purpose = got.themes.find((t) => t.theme === 'purpose');
    expect(purpose).toMatchObject({ posts: 2, replies: { shown: true, value: 4 }, startedConversation: { shown: true, value: 0.5 } });
    expect(got.weeks).toHaveLength(12);
    expect(got.weeks.at(-1)).toMatchObject({ weekStart: '2026-11-23', posts: 1 });
  });

  it('shows any figure built from fewer than 3 replies or reactions as "fewer than 3"', () => {
    const got = aggregate([post(1, 'people', 2, 1), post(2, 'language', 0, 0)], now);
    expect(got.replies).toEqual({ shown: false });
    expect(formatCount(got.replies)).toBe('fewer than 3');
    expect(got.reactions).toEqual({ shown: false });
    for (const t of got.themes) {
      expect(t.replies.shown).toBe(false);
      expect(t.startedConversation.shown).toBe(false);
    }
    expect(got.weeks.every((w) => !w.replies.shown)).toBe(true);
    expect(got.top).toEqual([]);
  });

  it('names at most three top questions, each with at least 3 replies, most replies first', () => {
    const posts = [post(1, 'purpose', 9, 0, 'a'), post(2, 'design', 3, 0, 'b'), post(3, 'people', 7, 0, 'c'), post(4, 'language', 5, 0, 'd'), post(5, 'design', 2, 0, 'e')];
    const got = aggregate(posts, now);
    expect(got.top.map((q) => [q.promptId, q.replies])).toEqual([
      ['a', 9],
      ['c', 7],
      ['d', 5],
    ]);
  });

  it('sums the uses of one prompt into one question', () => {
    const got = aggregate([post(1, 'purpose', 2, 0, 'same'), post(30, 'purpose', 2, 0, 'same')], now);
    expect(got.top).toEqual([{ promptId: 'same', theme: 'purpose', text: 'Question same?', replies: 4 }]);
  });

  it('starts weeks on Monday (UTC)', () => {
    expect(weekStart(new Date('2026-11-29T23:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
