import type { Prompt, Theme } from './schema.js';

/** How often a theme's posts started conversation in a workspace: posts with a reply, and all posts. */
export interface ThemeRecord {
  started: number;
  posts: number;
}

/**
 * Share of picks made uniformly among the themes left in the cycle, whatever their record: the floor
 * that keeps a quiet theme coming round early sometimes, so a slow start never buries it.
 */
export const EXPLORE_FLOOR = 0.15;

/** A small seeded generator (mulberry32), so a pick is reproducible from the conversation and turn. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Gamma(k, 1) draw for whole-number-plus-one shapes (Marsaglia–Tsang), for Beta sampling. */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal from two uniforms.
      x = Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function beta(a: number, b: number, random: () => number): number {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}

/**
 * Chooses which theme the next prompt comes from, among the themes that still have prompts left in the
 * current cycle: Thompson sampling on a Beta(1 + started, 1 + posts − started) per theme, with a
 * uniform pick `EXPLORE_FLOOR` of the time. Pure given `random`.
 */
export function chooseTheme(themes: readonly Theme[], records: ReadonlyMap<Theme, ThemeRecord>, random: () => number): Theme | undefined {
  if (themes.length <= 1) return themes[0];
  if (random() < EXPLORE_FLOOR) return themes[Math.floor(random() * themes.length)];
  let best: Theme | undefined;
  let bestDraw = -1;
  for (const theme of themes) {
    const r = records.get(theme) ?? { started: 0, posts: 0 };
    const draw = beta(1 + r.started, 1 + Math.max(0, r.posts - r.started), random);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = theme;
    }
  }
  return best;
}

/**
 * The prompts the current cycle still owes: those used fewest times here. Picking only among them keeps
 * the rotation's promise (every eligible prompt before any repeats) whatever order the themes come in.
 */
export function dueInCycle(eligible: readonly Prompt[], uses: ReadonlyMap<string, number>): readonly Prompt[] {
  // A conversation with no uses yet (most of a first fan-out) owes every prompt: no copy needed.
  if (uses.size === 0) return eligible;
  let min = Infinity;
  for (const p of eligible) min = Math.min(min, uses.get(p.id) ?? 0);
  return eligible.filter((p) => (uses.get(p.id) ?? 0) === min);
}
