import { open } from 'node:fs/promises';
import { recordBoundaries } from '../sources/csv/record-boundaries.js';

const CHUNK = 1024 * 1024;

/**
 * The byte offset of the first record of a CSV file that starts at or after `at` (`at` ≥ 1: the header is never a
 * shard's first record), found by scanning the file from its start with the reader's own quote rules, so a cut
 * inside a quoted value with line breaks moves to that record's end: the offset a worker range verified against
 * the previous range's end would start from. Reads the bytes before `at` once, without decoding them; returns the
 * file's size when no record starts at or after `at`.
 * @example await recordStart('parcels.csv', 4_000_000, 0x2c) // 4_000_117
 */
export async function recordStart(path: string, at: number, delimiter: number): Promise<number> {
  const target = Math.max(1, at);
  const file = await open(path, 'r');
  try {
    const boundaries = recordBoundaries(delimiter);
    const buf = new Uint8Array(CHUNK);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) return pos;
      const chunk = buf.subarray(0, bytesRead);
      // As the range reader: a UTF-8 byte order mark is not part of the first field.
      const from = pos === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      const here = pos;
      const cut = boundaries.scan(chunk, from, (end) => here + end >= target);
      if (cut >= 0) return pos + cut;
      pos += bytesRead;
    }
  } finally {
    await file.close();
  }
}
