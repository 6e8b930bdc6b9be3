import { open } from 'node:fs/promises';
import { MAX_PIECE } from '../sources/json/decode-utf8.js';
import { fileChunks } from '../sources/file-chunks.js';
import { withoutZeroTail, type ZeroTailWatch } from '../sources/zero-tail.js';
import { fileChanged } from './file-changed.js';

/* Byte-level reads of a JSON file for its shards (validateJsonShard): where lines start, a range's bytes, and
   whether the file holds any data at all. */

/** The first byte at or after `at` that begins a line (after a line break, or the file's end). */
export async function lineStart(path: string, at: number, size: number): Promise<number> {
  if (at <= 0) return 0;
  const file = await open(path, 'r');
  try {
    const buf = new Uint8Array(MAX_PIECE);
    for (let pos = at - 1; pos < size; pos += buf.length) {
      const { bytesRead } = await file.read(buf, 0, buf.length, pos);
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl >= 0) return pos + nl + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await file.close();
  }
}

/** The bytes [from, to) of a file in pieces; throws at the end if the file's size changed meanwhile. */
export async function* byteRange(path: string, from: number, to: number, size: number): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    for (let pos = from; pos < to;) {
      const buf = new Uint8Array(Math.min(MAX_PIECE, to - pos));
      const { bytesRead } = await file.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      yield buf.subarray(0, bytesRead);
    }
    const after = (await file.stat()).size;
    if (after !== size) throw new Error(fileChanged(size, after));
  } finally {
    await file.close();
  }
}

/**
 * Whether the file holds anything but a byte order mark and JSON whitespace (read until the first such byte), as
 * `readJson` decides: zero bytes that end the file (a crash's tail) are no data; `tail` then says where they start.
 */
export async function anyData(path: string, tail: ZeroTailWatch): Promise<boolean> {
  let first = true;
  for await (const chunk of withoutZeroTail(fileChunks(path, MAX_PIECE), tail)) {
    let i = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    first = false;
    for (; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return true;
    }
  }
  return false;
}

export async function head(path: string, n = 4): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await file.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** JSON whitespace is space, tab, CR and LF; anything else from `from` on is data (as `readJson` decides). */
export function hasData(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return true;
  }
  return false;
}
