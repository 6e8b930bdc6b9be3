/**
 * A 64-bit hash of a string as two 32-bit lanes (FNV-1a and a multiply-rotate lane), for the key table: equal
 * strings give equal hashes; different strings collide with probability about 2^-64 per pair.
 */
export function hash64(text: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  // Final mixes (murmur3 fmix32), so every input bit reaches the low bits the table indexes with.
  a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
  b ^= b >>> 16; b = Math.imul(b, 0x85ebca6b); b ^= b >>> 13; b = Math.imul(b, 0xc2b2ae35); b ^= b >>> 16;
  out[0] = a >>> 0;
  out[1] = b >>> 0;
}
