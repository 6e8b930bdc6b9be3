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

const HIGH_SET = new Set(HIGH);

/**
 * Whether `cp1252Bytes(text)` would give bytes, without building them: every character is Latin-1 or one of the
 * Windows-1252 punctuation characters. Normal Vietnamese text fails at its first letter beyond Latin-1 (ư, ơ, ạ…).
 */
export function fitsCp1252(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100 && !HIGH_SET.has(c)) return false;
  }
  return true;
}
