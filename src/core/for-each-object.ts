/**
 * Visits every object reachable from `value` — through plain objects' values, arrays' elements (holes skipped), Maps'
 * keys and values and Sets' members — once each (cycles are fine). Typed arrays and other views are visited but not
 * entered; an object whose visit returns `false` is not entered either. For the plain, structured-clonable values
 * that validator states are.
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
    if (v instanceof Map) {
      for (const [k, x] of v) stack.push(k, x);
    } else if (v instanceof Set) {
      for (const x of v) stack.push(x);
    } else {
      // Arrays too, never by index: a sparse array of length 2³² − 1 (a few bytes in a forged state file) would be
      // billions of holes to step through; Object.values lists only the elements there are.
      for (const x of Object.values(v)) stack.push(x);
    }
  }
}
