/**
 * The hashes of uniqueness keys (./_key-arena.ts stores them): a text, or a composite key as its parts, hashed as
 * the arena stores it, noting on the way whether it needs two bytes a unit.
 */

/**
 * Seeded FNV-1a over UTF-16 code units with a murmur3 finaliser, so low bits (slots) and top bits (shards) both mix.
 * Also notes whether a unit is above 0xff ({@link lastTextWide}): the same pass, so writing the text needs no other.
 */
export function hashText(s: string, seed: number): number {
  let h = seed ^ s.length;
  let or = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    or |= c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return finishHash(h, or);
}

/**
 * A composite key's text without building it: each part as `<length>:<part>` (length-prefixed, so ("a|b", "c") and
 * ("a", "b|c") differ). Its entries are stored, hashed and compared as that text, so a table mixes both freely and
 * its state files read as before.
 */
export type KeyParts = readonly string[];

/** The composite key's text, built (for the rare comparison with a stored entry). */
export function joinParts(parts: KeyParts): string {
  let s = '';
  for (const p of parts) s += `${p.length}:${p}`;
  return s;
}

/** {@link hashText} of {@link joinParts}`(parts)`, in one pass over the parts (noting the width too). */
export function hashParts(parts: KeyParts, seed: number): number {
  let h = seed ^ joinedLength(parts);
  let or = 0;
  for (const p of parts) {
    const n = p.length;
    if (n < 10) h = Math.imul(h ^ (48 + n), 0x01000193); // nearly always: codes and numbers are short
    else for (let d = decimalScale(n); d >= 1; d = Math.floor(d / 10)) h = Math.imul(h ^ (48 + (Math.floor(n / d) % 10)), 0x01000193);
    h = Math.imul(h ^ 58, 0x01000193); // ':'
    for (let i = 0; i < n; i++) {
      const c = p.charCodeAt(i);
      or |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
  }
  return finishHash(h, or);
}

/** The length of {@link joinParts}`(parts)`. */
export function joinedLength(parts: KeyParts): number {
  let n = 0;
  for (const p of parts) n += decimalDigits(p.length) + 1 + p.length;
  return n;
}

function decimalDigits(n: number): number {
  if (n < 10) return 1;
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  return digits;
}

/** The place value of `n`'s first decimal digit (1 for 0–9, 10 for 10–99…). */
export function decimalScale(n: number): number {
  let d = 1;
  while (d * 10 <= n) d *= 10;
  return d;
}

let lastWide = false;

/**
 * Finishes a hash pass: notes whether it met a unit above 0xff (`or`, its units or-ed, read back with
 * {@link lastTextWide}) and returns the finalised hash.
 */
export function finishHash(h: number, or: number): number {
  lastWide = or > 0xff;
  return finalise(h);
}

/**
 * Whether the text last hashed ({@link hashText}, {@link hashParts}, `writeTextHashed`) has a code unit above
 * 0xff (is stored two bytes per unit).
 */
export function lastTextWide(): boolean {
  return lastWide;
}

/** The murmur3 finaliser of an FNV-1a state. */
export function finalise(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
