/**
 * The kind of a value a JavaScript caller passed where another was expected, for a TypeError naming it: `null`,
 * `an array`, `an object`, else its `typeof` (`number`, `undefined`, `function`).
 * @example argKind(42) // 'number'
 */
export function argKind(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'object' ? 'an object' : typeof x;
}

/**
 * Checks the id and the function of a custom check (`rule.record`, a field's `.check`), which JavaScript callers can
 * pass of any type: an id of 42 failed when the report described the rule (`name.lastIndexOf is not a function`), a
 * check that is no function at its first row (`c1 is not a function`), neither naming the builder or the argument.
 * @example customCheckArgs('rule.record(id, check, options?)', 'dates_ordered', (r) => true) // passes
 */
export function customCheckArgs(builder: string, id: unknown, fnName: string, fn: unknown): void {
  if (typeof id !== 'string') throw new TypeError(`ddss: ${builder}: id must be a string, got ${argKind(id)}`);
  if (typeof fn !== 'function') throw new TypeError(`ddss: ${builder}: ${fnName} must be a function, got ${argKind(fn)}`);
}
