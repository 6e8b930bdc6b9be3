/**
 * A hash of a set's values (their text, in order): two threads holding the same values in the same order agree.
 * @example setHash(new Set(['01', '79'])) === setHash(new Set(['01', '79'])) // true
 */
export function setHash(values: ReadonlySet<unknown>): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    const s = String(v);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // a separator no value ends with: ('a','bc') and ('ab','c') differ
  }
  return h >>> 0;
}
