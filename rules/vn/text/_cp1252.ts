/** Windows-1252 in 0x80–0x9F; the undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code point. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

let byteOf: Map<number, number> | undefined;

function table(): Map<number, number> {
  const m = new Map<number, number>();
  for (let b = 0; b < 256; b++) m.set(b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] as number) : b, b);
  // Text read as ISO-8859-1 has C1 controls where Windows-1252 has punctuation: accept both.
  for (let b = 0x80; b < 0xa0; b++) if (!m.has(b)) m.set(b, b);
  return m;
}

/**
 * The bytes a text had if it was produced by reading bytes as Windows-1252 (or Latin-1), or `undefined` when a
 * character cannot come from that reading (e.g. any Vietnamese letter beyond Latin-1).
 */
export function cp1252Bytes(text: string): Uint8Array | undefined {
  const map = (byteOf ??= table());
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = map.get(text.charCodeAt(i));
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

/** The Windows-1252 characters past Latin-1 (all below U+2200), marked 1: a table, not a `Set` (every text cell). */
const HIGH_TABLE = new Uint8Array(0x2200);
for (const c of HIGH) HIGH_TABLE[c] = 1;

/**
 * Whether `cp1252Bytes(text)` would give bytes, without building them: every character is Latin-1 or one of the
 * Windows-1252 punctuation characters. Normal Vietnamese text fails at its first letter beyond Latin-1 (ư, ơ, ạ…).
 */
export function fitsCp1252(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100 && (c >= 0x2200 || HIGH_TABLE[c] === 0)) return false;
  }
  return true;
}
