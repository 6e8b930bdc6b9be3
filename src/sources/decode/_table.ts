/** Shared helpers for single-byte tables (TCVN3, VNI). No Node API. */

/**
 * A 256-entry table: 0x00–0x7F map to themselves, 0x80–0xFF to the given rows of 16 code points.
 * @example codeTable(rows)[0xd5] // 0x1ebf for TCVN3's rows
 */
export function codeTable(high: readonly (readonly number[])[]): Uint16Array {
  const t = new Uint16Array(256);
  for (let b = 0; b < 128; b++) t[b] = b;
  high.forEach((row, r) => row.forEach((u, i) => (t[128 + r * 16 + i] = u)));
  return t;
}

const SLICE = 4096;

/**
 * Maps every byte through the table (all table entries are BMP code points).
 * @example decodeTable(codeTable(rows), Uint8Array.of(0x41)) // 'A'
 */
export function decodeTable(table: Uint16Array, bytes: Uint8Array): string {
  const units = new Uint16Array(Math.min(bytes.length, SLICE));
  let out = '';
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE);
    for (let i = start; i < end; i++) units[i - start] = table[bytes[i] as number] as number;
    out += String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]);
  }
  return out;
}

/**
 * Appends the bytes of one NFC character: ASCII as is, a table character by its byte, otherwise the longest prefix of
 * its canonical decomposition that is a table character followed by combining marks that are table characters.
 * Returns false when the character has no form in the table.
 * @example encodeOne('Ú', tcvn3Inverse, out) // true; out gets [0x55, 0xb3] (U + combining acute)
 */
export function encodeOne(ch: string, inverse: ReadonlyMap<number, number>, out: number[]): boolean {
  const cp = ch.codePointAt(0) as number;
  if (cp < 0x80) {
    out.push(cp);
    return true;
  }
  const direct = inverse.get(cp);
  if (direct !== undefined && direct >= 0x80) {
    out.push(direct);
    return true;
  }
  const parts = [...ch.normalize('NFD')];
  for (let p = parts.length - 1; p >= 1; p--) {
    const base = parts.slice(0, p).join('').normalize('NFC');
    const bcp = base.codePointAt(0) as number;
    if (base.length !== 1) continue;
    const bb = bcp < 0x80 ? bcp : inverse.get(bcp);
    if (bb === undefined) continue;
    const marks = parts.slice(p).map((m) => inverse.get(m.codePointAt(0) as number));
    if (marks.some((m) => m === undefined)) return false;
    out.push(bb, ...(marks as number[]));
    return true;
  }
  return false;
}
