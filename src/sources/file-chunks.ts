import { open, stat } from 'node:fs/promises';
import { fileErrorText } from '../core/file-error-text.js';

/** The size of the pieces the sources decode (see `fileChunks`). */
export const CHUNK_BYTES = 64 * 1024;
/**
 * Bytes per read: pieces are cut from reads this large. Why not a read per piece: each read is a round trip through
 * the thread pool and a fresh buffer; a 195 MB file took 244–308 ms of CPU to read in 64 KiB reads and 141–168 ms in
 * 256 KiB reads (this function alone), and a 1-thread land-parcels run of it 1–9 % less time in four alternating
 * pairs (2026-12-07, the same report bytes). Not larger: with 1 MiB reads V8's own threads spent ~0.3 s more (the
 * larger buffers it tracks and frees), and the run was no faster.
 */
export const READ_BYTES = 256 * 1024;

/**
 * The bytes of a file, in order, in chunks of at most `size` bytes, cut from reads of at least 256 KiB with one read
 * ahead (so the disk's latency overlaps the caller's work; a pipe's read returns what it holds, as before). A regular
 * file is checked at the end: if its size when reading ended, or the bytes read, differ from its size when reading
 * began (it was truncated, appended to or replaced meanwhile), the last step throws `the file changed while it was
 * read (<before> bytes at the start, <after> at the end)`, so a reader never reports a complete read of a file that
 * changed under it. Pipes and devices have no size to compare and are
 * read until they end. Breaking out early closes the file.
 * @example for await (const chunk of fileChunks('parcels.csv')) decoder.write(chunk);
 */
export async function* fileChunks(path: string | URL, size = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  // A pipe or device may keep an open or a read waiting indefinitely (a named pipe with no writer): counted, so that
  // an interrupt knows the process cannot wait for it (see `waitingOnPipe`). `stat` itself never waits.
  const pipe = await stat(path).then((s) => !s.isFile(), () => false);
  const file = await (pipe ? whilePipe(open(path, 'r')) : open(path, 'r')).catch((e: unknown) => { throw plain(e); });
  let ahead: Promise<Uint8Array> | undefined;
  try {
    const before = await file.stat();
    // `null` reads on from the current position, which also works for a pipe.
    const bytes = Math.max(size, READ_BYTES);
    const next = async (): Promise<Uint8Array> => {
      const buf = new Uint8Array(bytes);
      const read = file.read(buf, 0, bytes, null);
      const { bytesRead } = await (pipe ? whilePipe(read) : read);
      return bytesRead === bytes ? buf : buf.subarray(0, bytesRead);
    };
    let read = 0;
    ahead = next();
    for (;;) {
      const block = await ahead;
      ahead = undefined;
      if (block.length === 0) break;
      read += block.length;
      ahead = next();
      for (let at = 0; at < block.length; at += size) {
        // Between pieces, the event loop runs as it did when each piece was a read of its own: a worker's failure, an
        // interrupt or a drained output is heard within a piece, not a whole read, later.
        if (at > 0) await turn();
        yield block.subarray(at, Math.min(block.length, at + size));
      }
    }
    if (before.isFile()) {
      const after = (await file.stat()).size;
      if (after !== before.size || read !== before.size) {
        throw new Error(`the file changed while it was read (${before.size} bytes at the start, ` +
          `${after !== before.size ? after : read} at the end)`);
      }
    }
  } catch (e) {
    throw plain(e); // a directory opens, and fails only at its first read (EISDIR)
  } finally {
    await ahead?.catch(() => undefined); // a read in flight finishes before its file closes
    await file.close();
  }
}

/**
 * Resolves once the event loop has run a turn (its I/O callbacks and messages).
 * @example await turn();
 */
export function turn(): Promise<void> {
  return new Promise((resolve) => { setImmediate(resolve); });
}

/**
 * The error of a file that cannot be opened or read, in words (`file not found (ENOENT)`, `it is a directory
 * (EISDIR)`) instead of Node's `ENOENT: no such file or directory, open '…'`, which every report and message then
 * quoted. `code`, `syscall` and `path` stay on the error, and Node's error is its `cause`. Other errors pass as they are.
 */
function plain(e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  const text = fileErrorText(e, { code: true });
  if (!(e instanceof Error) || typeof err.code !== 'string' || text === err.message) return e;
  return Object.assign(new Error(text, { cause: e }), { code: err.code, syscall: err.syscall, path: err.path });
}

let pipeWaits = 0;

/** `p`, counted in {@link waitingOnPipe} until it settles. */
function whilePipe<T>(p: Promise<T>): Promise<T> {
  pipeWaits++;
  return p.finally(() => { pipeWaits--; });
}

/**
 * Whether an open or a read of a pipe or device is in flight: it runs in Node's thread pool, which `process.exit`
 * waits for, so an interrupted command line must end by the signal instead (a named pipe with no writer never returns).
 * @example if (waitingOnPipe()) process.kill(process.pid, 'SIGINT');
 */
export function waitingOnPipe(): boolean {
  return pipeWaits > 0;
}
