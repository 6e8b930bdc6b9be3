import { codeTable, decodeTable, encodeOne } from './_table.js';

/**
 * TCVN3 (ABC, TCVN 5712:1993): the single-byte Vietnamese encoding of the `.VnTime` fonts. Bytes 0x00–0x7F are
 * ASCII; 0xA0–0xFF hold the lowercase letters with tone marks, the seven base capitals (Ă Â Ê Ô Ơ Ư Đ) and five
 * combining tone marks (0xB0–0xB4); 0x80–0x9F hold VN1's capitals with tone marks. VN1 also puts twelve capitals in
 * the C0 range, which a CSV needs for control characters, so those bytes stay controls here (as in VN3, which has
 * no capitals with tone marks at all: `.VnTimeH` fonts draw them from the lowercase codes).
 * Pure data and functions, with no Node API, so the Vietnamese text rules can import it.
 */

/** Unicode of the bytes 0x80–0xFF, 16 per row. */
const HIGH: readonly (readonly number[])[] = [
  /* 0x80 */ [0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128],
  /* 0x90 */ [0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168],
  /* 0xA0 */ [0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0],
  /* 0xB0 */ [0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4],
  /* 0xC0 */ [0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd],
  /* 0xD0 */ [0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2],
  /* 0xE0 */ [0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9],
  /* 0xF0 */ [0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0],
];

const TABLE = codeTable(HIGH);
let inverse: Map<number, number> | undefined;

/**
 * The byte → code point table (for the streaming decoder).
 * @example tcvn3Table()[0xb8] // 0xe1 (á)
 */
export function tcvn3Table(): Uint16Array {
  return TABLE;
}

/**
 * Decodes TCVN3 bytes to Unicode text in NFC (the combining tone marks 0xB0–0xB4 are composed). Every byte maps to a
 * character, so decoding never fails.
 * @example decodeTcvn3(new Uint8Array([0x54, 0x69, 0xd5, 0x6e, 0x67])) // 'Tiếng'
 */
export function decodeTcvn3(bytes: Uint8Array): string {
  return decodeTable(TABLE, bytes).normalize('NFC');
}

/**
 * Encodes text as TCVN3 bytes, or `undefined` when a character has no TCVN3 form. Capitals that TCVN3 lacks are
 * written as base letter + combining mark, so `decodeTcvn3(encodeTcvn3(s)!) === s.normalize('NFC')`.
 * Used to recognise mojibake: text that round-trips through Latin-1 and TCVN3 was probably mis-decoded.
 * @example encodeTcvn3('Bảo Thắng') // Uint8Array [0x42, 0xb6, 0x6f, 0x20, 0x54, 0x68, 0xbe, 0x6e, 0x67]
 */
export function encodeTcvn3(text: string): Uint8Array | undefined {
  inverse ??= inverseOf(TABLE);
  const map = inverse;
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (!encodeOne(ch, map, out)) return undefined;
  }
  return Uint8Array.from(out);
}

function inverseOf(table: Uint16Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    const u = table[b] as number;
    if (!m.has(u)) m.set(u, b);
  }
  return m;
}
