/**
 * The kind of a value a JavaScript caller passed where another was expected, for a TypeError naming it: `null`,
 * `an array`, a built-in object by its class (`a Map`, `a Date`), `an object`, else its `typeof` (`number`,
 * `undefined`, `function`).
 * @example argKind(42) // 'number'
 * @example argKind(new Map()) // 'a Map'
 */
export function argKind(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x !== 'object') return typeof x;
  const tag = Object.prototype.toString.call(x).slice(8, -1);
  return tag === 'Object' ? 'an object' : `a ${tag}`;
}

/**
 * Whether `x` is an object whose own keys are what it holds, as options and name → value maps are given (`{ correct:
 * 0.9 }`): not an array, a Map, a Set or a Date, whose entries `Object.keys` does not see, so every entry of
 * `new Map([['correct', 0.9]])` was read as absent, without a word. By its tag rather than its prototype, so an object
 * made in another realm (a vm context, a worker's structured clone) or by a class still is one.
 * @example isKeyedObject({ correct: 0.9 }) // true; isKeyedObject(new Map([['correct', 0.9]])) // false
 */
export function isKeyedObject(x: unknown): x is object {
  return typeof x === 'object' && x !== null && Object.prototype.toString.call(x) === '[object Object]';
}

/**
 * A value as a message shows what was given: a text quoted (`"5"`, so that it is seen not to be the number 5), a
 * number as JavaScript writes it (`NaN`, `Infinity`, which `JSON.stringify` turned into `null`), other kinds as
 * `argKind` names them.
 * @example shownArg(NaN) // 'NaN'; shownArg('5') // '"5"'; shownArg(null) // 'null'
 */
export function shownArg(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return String(x);
  return argKind(x);
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

/**
 * An option's value, or `fallback` when it is not given. Not `??`: that read `null` as not given too, so
 * `maxSamplesPerRule: null` (a JSON config's unset value) ran with the default without a word, and a rule's
 * `threshold: null` with 1; null is checked, and refused, as any value of the wrong kind.
 * @example orDefault(null, 100) // null
 */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}
