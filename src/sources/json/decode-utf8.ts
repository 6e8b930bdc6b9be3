/**
 * A run of `count` invalid byte sequences of `length` bytes each, back to back: decoded as `count` U+FFFDs from `pos`
 * of the chunk's text. One entry per run, so a megabyte of bad bytes is a few entries, not a million.
 */
export interface InvalidBytes {
  /** Position of the first U+FFFD in the chunk's text (UTF-16 units). */
  readonly pos: number;
  /** Byte offset of the first invalid byte in the whole input. */
  readonly offset: number;
  /** How many input bytes each U+FFFD replaces (1–3). */
  readonly length: number;
  /** How many U+FFFDs in a row (≥ 1); the k-th replaces the bytes at `offset + k * length`. */
  readonly count: number;
}

/** Decoded text of one piece of input, with the places where its bytes were not valid UTF-8. */
export interface TextChunk {
  readonly text: string;
  /** Sorted by `pos`; empty for valid input. */
  readonly bad: readonly InvalidBytes[];
  /** Input bytes consumed by this piece. */
  readonly bytes: number;
}

/**
 * Pieces are cut to this size so one huge input chunk never becomes one huge batch of rows.
 * @example
 * createReadStream(path, { highWaterMark: MAX_PIECE });
 */
export const MAX_PIECE = 65_536;

const NONE: readonly InvalidBytes[] = [];
const EMPTY = new Uint8Array(0);

/**
 * Decodes bytes (or passes strings through) as a stream of UTF-8 text pieces of at most 64 KiB, whatever the input
 * chunking: characters cut between chunks are joined, a BOM is kept for the reader to skip (so byte offsets stay
 * exact), and every invalid byte sequence is located. Valid input costs one `TextDecoder` call per piece; the
 * byte-level scan runs only for pieces whose text contains U+FFFD.
 * @example
 * for await (const { text, bad } of decodeUtf8([Buffer.from([0x41, 0xff])])) text; // 'A\uFFFD', bad[0].offset === 1
 */
export async function* decodeUtf8(input: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Uint8Array = EMPTY;
  let offset = 0;
  const flush = (): TextChunk | undefined => {
    const text = decoder.decode();
    if (text === '') return undefined;
    // The decoder held an incomplete sequence at the end: it becomes one U+FFFD.
    const chunk = { text, bad: [{ pos: 0, offset: offset - carry.length, length: carry.length, count: 1 }], bytes: 0 };
    carry = EMPTY;
    return chunk;
  };
  for await (const item of input) {
    if (typeof item === 'string') {
      const tail = flush();
      if (tail !== undefined) yield tail;
      for (let i = 0; i < item.length; i += MAX_PIECE) {
        const text = item.slice(i, i + MAX_PIECE);
        const bytes = utf8Length(text);
        offset += bytes;
        yield { text, bad: NONE, bytes };
      }
    } else if (item instanceof Uint8Array) {
      for (let i = 0; i < item.length; i += MAX_PIECE) {
        const piece = item.subarray(i, i + MAX_PIECE);
        const text = decoder.decode(piece, { stream: true });
        let bad = NONE;
        const joined = carry.length === 0 ? piece : concat(carry, piece);
        if (text.includes('\uFFFD')) {
          const scan = findInvalid(joined, offset - carry.length);
          bad = scan.bad;
          carry = scan.carry;
        } else {
          carry = pendingTail(joined);
        }
        offset += piece.length;
        yield { text, bad, bytes: piece.length };
      }
    } else {
      throw new TypeError(`ddss: readJson expects chunks of bytes or strings, got ${describe(item)}`);
    }
  }
  const tail = flush();
  if (tail !== undefined) yield tail;
}

/**
 * UTF-8 length of a string, counting each UTF-16 surrogate as 2 bytes (a pair is 4).
 * @example
 * utf8Length('Lê 😀'); // 8
 */
export function utf8Length(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) extra += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return text.length + extra;
}

/** The bytes a streaming decoder keeps after valid input: an incomplete sequence in the last 3 bytes, if any. */
function pendingTail(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  for (let k = n - 1; k >= 0 && k >= n - 3; k--) {
    const b = bytes[k] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return n - k < need ? bytes.slice(k) : EMPTY;
  }
  return EMPTY;
}

/**
 * The WHATWG UTF-8 decoder, counting output units instead of building text, so the position of each U+FFFD it
 * writes for invalid bytes (one per maximal invalid subpart, like `TextDecoder`) is known. Returns those and the
 * incomplete sequence left at the end.
 */
function findInvalid(bytes: Uint8Array, base: number): { bad: InvalidBytes[]; carry: Uint8Array } {
  const bad: Array<{ pos: number; offset: number; length: number; count: number }> = [];
  /** One more U+FFFD at `at` for `length` bytes at `offset`: it extends the last run when it follows it exactly. */
  const note = (at: number, offset: number, length: number): void => {
    const last = bad[bad.length - 1];
    if (last !== undefined && last.length === length && last.pos + last.count === at &&
      last.offset + last.count * length === offset) last.count++;
    else bad.push({ pos: at, offset, length, count: 1 });
  };
  let pos = 0;
  let needed = 0;
  let seen = 0;
  let start = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (needed === 0) {
      if (b < 0x80) {
        pos++;
        continue;
      }
      start = i;
      if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x7;
      } else {
        note(pos++, base + i, 1);
      }
      continue;
    }
    if (b < lower || b > upper) {
      note(pos++, base + start, 1 + seen);
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      i--; // this byte starts over as a new sequence
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      pos += cp >= 0x10000 ? 2 : 1;
      needed = seen = cp = 0;
    }
  }
  return { bad, carry: needed === 0 ? EMPTY : bytes.slice(start) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function describe(x: unknown): string {
  return x === null ? 'null' : typeof x === 'object' ? (x.constructor?.name ?? 'object') : typeof x;
}
