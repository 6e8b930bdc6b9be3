/**
 * VNI Windows: the single-byte Vietnamese encoding of the `VNI-Times` fonts. A letter with diacritics is written as
 * an ASCII base letter followed by a modifier byte (`e` + `á` = ế, `a` + `ù` = á); a few letters have a byte of their
 * own (ơ ư đ and i/y with tone marks). Every other byte is its Windows-1252 character. Pure data and functions, with no
 * Node API, so the Vietnamese text rules can import it.
 */

const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';

const CIRCUMFLEX_BASES = 'aeoAEO';
const BREVE_BASES = 'aA';
/** Tone marks follow any vowel, including ơ and ư, which are single bytes. */
const TONE_BASES = 'aeiouyAEIOUYơưƠƯ';

/** Modifier bytes (lowercase form; the capital form is 0x20 lower): the marks they add and the letters they follow. */
const MODIFIERS: ReadonlyArray<readonly [byte: number, marks: string, bases: string]> = [
  [0xe2, CIRCUMFLEX, CIRCUMFLEX_BASES], [0xe1, CIRCUMFLEX + ACUTE, CIRCUMFLEX_BASES],
  [0xe0, CIRCUMFLEX + GRAVE, CIRCUMFLEX_BASES], [0xe5, CIRCUMFLEX + HOOK, CIRCUMFLEX_BASES],
  [0xe3, CIRCUMFLEX + TILDE, CIRCUMFLEX_BASES], [0xe4, CIRCUMFLEX + DOT, CIRCUMFLEX_BASES],
  [0xea, BREVE, BREVE_BASES], [0xe9, BREVE + ACUTE, BREVE_BASES], [0xe8, BREVE + GRAVE, BREVE_BASES],
  [0xfa, BREVE + HOOK, BREVE_BASES], [0xfc, BREVE + TILDE, BREVE_BASES], [0xeb, BREVE + DOT, BREVE_BASES],
  [0xf9, ACUTE, TONE_BASES], [0xf8, GRAVE, TONE_BASES], [0xfb, HOOK, TONE_BASES], [0xf5, TILDE, TONE_BASES],
  [0xef, DOT, TONE_BASES],
];

/** Bytes that are a letter of their own (lowercase byte, lowercase letter, capital letter). */
const LETTERS: ReadonlyArray<readonly [byte: number, lower: string, upper: string]> = [
  [0xf4, 'ơ', 'Ơ'], [0xf6, 'ư', 'Ư'], [0xf1, 'đ', 'Đ'], [0xed, 'í', 'Í'], [0xec, 'ì', 'Ì'], [0xe6, 'ỉ', 'Ỉ'],
  [0xf3, 'ĩ', 'Ĩ'], [0xf2, 'ị', 'Ị'], [0xee, 'ỵ', 'Ỵ'],
];

/** Windows-1252 in 0x80–0x9F (the rest of 0xA0–0xFF is Latin-1); undefined positions keep their C1 code point. */
const CP1252_80 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

interface Tables {
  /** Text of each byte outside a modifier position. */
  readonly plain: readonly string[];
  /** Marks of each modifier byte, or undefined. */
  readonly marks: readonly (string | undefined)[];
  /** For each modifier byte, the set of previous characters it combines with. */
  readonly bases: readonly (string | undefined)[];
  /** NFC letter → its VNI bytes. */
  readonly encode: ReadonlyMap<string, readonly number[]>;
  /** A plain (non-Vietnamese) character → its byte. */
  readonly byteOf: ReadonlyMap<string, number>;
}

let tables: Tables | undefined;

function build(): Tables {
  const plain: string[] = [];
  for (let b = 0; b < 256; b++) plain[b] = String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252_80[b - 0x80] as number) : b);
  const byteOf = new Map<string, number>();
  for (let b = 0x80; b < 256; b++) byteOf.set(plain[b] as string, b);
  const marks: (string | undefined)[] = [];
  const bases: (string | undefined)[] = [];
  const encode = new Map<string, number[]>();
  for (const [b, lower, upper] of LETTERS) {
    plain[b] = lower;
    plain[b - 0x20] = upper;
    encode.set(lower, [b]);
    encode.set(upper, [b - 0x20]);
  }
  for (const [b, m, bs] of MODIFIERS) {
    marks[b] = marks[b - 0x20] = m;
    bases[b] = bases[b - 0x20] = bs;
    for (const base of bs) {
      const letter = (base + m).normalize('NFC');
      const upper = base.toUpperCase() === base;
      const baseBytes = encode.get(base) ?? [base.charCodeAt(0)];
      if (letter.length === 1 && !encode.has(letter)) encode.set(letter, [...baseBytes, upper ? b - 0x20 : b]);
    }
  }
  return { plain, marks, bases, encode, byteOf };
}

/**
 * Decodes VNI bytes given the character before them (`''` at the start), for streaming: returns the text (marks not
 * yet composed) and the character a modifier at the start of the next chunk would combine with.
 * @example vniText(Uint8Array.of(0x61), '') // ['a', 'a']; then vniText(Uint8Array.of(0xf9), 'a') // ['\u0301', '']
 */
export function vniText(bytes: Uint8Array, previous: string): [text: string, previous: string] {
  const t = (tables ??= build());
  let out = '';
  let prev = previous;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const m = t.marks[b];
    if (m !== undefined && prev !== '' && (t.bases[b] as string).includes(prev)) {
      out += m;
      prev = '';
    } else {
      const ch = t.plain[b] as string;
      out += ch;
      prev = ch;
    }
  }
  return [out, prev];
}

/**
 * Decodes VNI Windows bytes to Unicode text in NFC. A modifier byte that follows no letter it can mark is read as
 * its Windows-1252 character, so decoding never fails.
 * @example decodeVni(Uint8Array.from('Tieáng Vieät', (c) => c.charCodeAt(0))) // 'Tiếng Việt'
 */
export function decodeVni(bytes: Uint8Array): string {
  return vniText(bytes, '')[0].normalize('NFC');
}

/**
 * Encodes text as VNI Windows bytes, or `undefined` when a character has no VNI form (a Latin-1 letter whose byte
 * VNI uses as a modifier, e.g. `Ö`, or any character outside Windows-1252). `decodeVni(encodeVni(s)!)` equals
 * `s.normalize('NFC')`.
 * @example encodeVni('Việt') // Uint8Array [0x56, 0x69, 0x65, 0xe4, 0x74]
 */
export function encodeVni(text: string): Uint8Array | undefined {
  const t = (tables ??= build());
  const out: number[] = [];
  let prev = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) as number;
    const letter = t.encode.get(ch);
    if (cp < 0x80) {
      out.push(cp);
      prev = ch;
    } else if (letter !== undefined) {
      out.push(...letter);
      prev = letter.length === 1 ? ch : '';
    } else {
      const b = t.byteOf.get(ch);
      // The byte must read back as this character: not a letter byte, and not a modifier after a letter it marks.
      if (b === undefined || t.plain[b] !== ch) return undefined;
      if (t.marks[b] !== undefined && prev !== '' && (t.bases[b] as string).includes(prev)) return undefined;
      out.push(b);
      prev = ch;
    }
  }
  return Uint8Array.from(out);
}
