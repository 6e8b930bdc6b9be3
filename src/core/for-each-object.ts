/**
 * Visits every object reachable from `value` — through plain objects' values, arrays' elements, Maps' keys and values
 * and Sets' members — once each (cycles are fine). Typed arrays and other views are visited but not entered; an
 * object whose visit returns `false` is not entered either. For the plain, structured-clonable values that
 * validator states are.
 * @example forEachObject(state, (o) => { if (ArrayBuffer.isView(o)) views.push(o); })
 */
export function forEachObject(value: unknown, visit: (o: object) => boolean | void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (visit(v) === false || ArrayBuffer.isView(v)) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) stack.push(x);
    } else if (v instanceof Map) {
      for (const [k, x] of v) stack.push(k, x);
    } else if (v instanceof Set) {
      for (const x of v) stack.push(x);
    } else {
      for (const x of Object.values(v)) stack.push(x);
    }
  }
}
