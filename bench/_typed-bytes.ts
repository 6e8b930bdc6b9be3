/**
 * Bytes of the typed arrays reachable from `value` (each buffer counted once). Why not
 * `process.memoryUsage().arrayBuffers`: it leaves out resizable ArrayBuffers, on which the uniqueness and reference
 * tables grow in place (rules/clean/_growable.ts), so it reports a fraction of what the tables hold.
 * @example typedBytes(validator.state())
 */
export function typedBytes(value: unknown): number {
  const seen = new Set<unknown>();
  const buffers = new Set<ArrayBufferLike>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      buffers.add(v.buffer);
      continue;
    }
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else for (const x of Object.values(v)) stack.push(x);
  }
  let n = 0;
  for (const b of buffers) n += b.byteLength;
  return n;
}
