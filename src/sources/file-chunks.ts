import { open } from 'node:fs/promises';

/** Bytes per read: the size of the pieces the sources decode. */
const CHUNK = 64 * 1024;

/**
 * The bytes of a file, read in order in chunks of at most `size` bytes with one read ahead (so the disk's latency
 * overlaps the caller's work). A regular file is checked at the end: if its size when reading ended, or the bytes
 * read, differ from its size when reading began (it was truncated, appended to or replaced meanwhile), the last
 * step throws `the file changed while it was read (<before> bytes at the start, <after> at the end)`, so a reader
 * never reports a complete read of a file that changed under it. Pipes and devices have no size to compare and are
 * read until they end. Breaking out early closes the file.
 * @example for await (const chunk of fileChunks('parcels.csv')) decoder.write(chunk);
 */
export async function* fileChunks(path: string | URL, size = CHUNK): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  let ahead: Promise<Uint8Array> | undefined;
  try {
    const before = await file.stat();
    // `null` reads on from the current position, which also works for a pipe.
    const next = async (): Promise<Uint8Array> => {
      const buf = new Uint8Array(size);
      const { bytesRead } = await file.read(buf, 0, size, null);
      return bytesRead === size ? buf : buf.subarray(0, bytesRead);
    };
    let read = 0;
    ahead = next();
    for (;;) {
      const chunk = await ahead;
      ahead = undefined;
      if (chunk.length === 0) break;
      read += chunk.length;
      ahead = next();
      yield chunk;
    }
    if (before.isFile()) {
      const after = (await file.stat()).size;
      if (after !== before.size || read !== before.size) {
        throw new Error(`the file changed while it was read (${before.size} bytes at the start, ` +
          `${after !== before.size ? after : read} at the end)`);
      }
    }
  } finally {
    await ahead?.catch(() => undefined); // a read in flight finishes before its file closes
    await file.close();
  }
}
