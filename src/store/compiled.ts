import type { CompiledQuery } from 'kysely';

/**
 * A query built and compiled once, then run with other values: Kysely otherwise builds and compiles the
 * same statement again for every row, which in a fan-out of thousands costs more than running it. The
 * builder is given a marker for each named value; every parameter carrying a marker is replaced by the
 * value of that name at each run, the others are kept as compiled.
 */
export function reusable<K extends string>(keys: readonly K[], build: (marker: Record<K, string>) => { compile(): CompiledQuery }): (values: Record<K, unknown>) => CompiledQuery {
  const markers = Object.fromEntries(keys.map((k, i) => [k, `\u0000marker:${i}\u0000`])) as Record<K, string>;
  let compiled: CompiledQuery | undefined;
  let slots: Array<{ key: K } | { value: unknown }> = [];
  return (values) => {
    if (!compiled) {
      compiled = build(markers).compile();
      slots = compiled.parameters.map((p) => {
        const key = keys.find((k) => markers[k] === p);
        return key === undefined ? { value: p } : { key };
      });
      const missing = keys.filter((k) => !slots.some((s) => 'key' in s && s.key === k));
      if (missing.length) throw new Error(`reusable query does not use ${missing.join(', ')} as parameters`);
    }
    return { ...compiled, parameters: slots.map((s) => ('key' in s ? values[s.key] : s.value)) };
  };
}
