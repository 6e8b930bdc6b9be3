import { recordBoundaries } from '../sources/csv/record-boundaries.js';

/** One record of a CSV file as its bytes (with its line ending), and the physical line it starts on. */
export interface RawRecord {
  readonly bytes: Uint8Array;
  readonly line: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of a CSV byte stream, in batches (one per input chunk), each record exactly the bytes of the file, so
 * that writing them back reproduces the input byte for byte. Record ends follow the reader's scanner
 * (`recordBoundaries`); lines count LF, CRLF and CR once each, as the reader counts them, so `line` is the line
 * violations name.
 * @example for await (const batch of rawRecords(chunks, ',')) for (const r of batch) out.write(r.bytes);
 */
export async function* rawRecords(chunks: AsyncIterable<Uint8Array>, delimiter: string): AsyncGenerator<RawRecord[]> {
  const cut = recordBoundaries(delimiter.charCodeAt(0));
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  const take = (bytes: Uint8Array, out: RawRecord[]): void => {
    out.push({ bytes, line });
    line += breaks(bytes);
  };
  for await (const chunk of chunks) {
    const out: RawRecord[] = [];
    let start = 0;
    cut.scan(chunk, 0, (end) => {
      const piece = chunk.subarray(start, end);
      take(carry.length === 0 ? piece : concat(carry, piece), out);
      carry = new Uint8Array(0);
      start = end;
      return false;
    });
    if (start < chunk.length) carry = concat(carry, chunk.subarray(start));
    if (out.length > 0) yield out;
  }
  if (carry.length > 0) {
    const out: RawRecord[] = [];
    take(carry, out);
    yield out;
  }
}

/** Line breaks in a record's bytes: LF, CRLF and a lone CR each count once. */
function breaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) n++;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
