/**
 * The bytes of `a` followed by those of `b`, in a new array (`b` itself when `a` is empty).
 * @example concat(Uint8Array.of(1), Uint8Array.of(2)) // Uint8Array [1, 2]
 */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
