/**
 * The `{ min, max }` of a rule that counts (characters, rows), checked: only those keys, each a whole number ≥ 0 when
 * given, `min` not above `max`. Why: `{ minn: 5 }` or `{ max: NaN }` set no bound, so the rule passed every value or
 * table it was meant to limit, and a definition in JavaScript has no type check to catch them.
 * @example countBounds('length', { min: 9, max: 12 }) // { lo: 9, hi: 12 }
 */
export function countBounds(rule: string, bounds: unknown): { readonly lo: number; readonly hi: number } {
  if (typeof bounds !== 'object' || bounds === null) {
    throw new TypeError(`ddss: ${rule} takes { min, max }, got ${bounds === null ? 'null' : typeof bounds}`);
  }
  for (const key of Object.keys(bounds)) {
    if (key !== 'min' && key !== 'max') throw new TypeError(`ddss: ${rule}: ${JSON.stringify(key)} is not a bound (min, max)`);
  }
  const { min, max } = bounds as { min?: unknown; max?: unknown };
  for (const [name, v] of [['min', min], ['max', max]] as const) {
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
      throw new TypeError(`ddss: ${rule}: ${name} must be a whole number ≥ 0, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    }
  }
  const lo = (min as number | undefined) ?? 0;
  const hi = (max as number | undefined) ?? Infinity;
  if (lo > hi) throw new Error(`ddss: ${rule}: min (${lo}) is greater than max (${hi})`);
  return { lo, hi };
}
