import { mkdtemp, open, rm, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary file written at its end and read from the start, gone once closed (or once the process ends). */
export interface SpillFile {
  /** Bytes appended so far. */
  readonly length: number;
  /** Appends bytes; appends are applied in call order. */
  append(chunks: readonly Uint8Array[]): Promise<void>;
  /** Reads up to `into.length` bytes at `position`; 0 at the end of what was appended. */
  read(into: Uint8Array, position: number): Promise<number>;
  /** Closes and deletes the file. */
  close(): Promise<void>;
}

/**
 * Creates an anonymous spill file in `dir` (default: the system's temporary directory). Where the system allows it
 * (POSIX), the file's name is removed at once and only the open handle keeps it, so it disappears whatever ends the
 * process, an interrupt or a crash included; elsewhere it is deleted by `close`.
 * @example const f = await createSpillFile(); await f.append([bytes]); await f.close();
 */
export async function createSpillFile(dir: string = tmpdir()): Promise<SpillFile> {
  const folder = await mkdtemp(join(dir, 'ddss-spill-')).catch((e: unknown) => { throw spillError(dir, e); });
  const path = join(folder, 'violations.ndjson');
  let handle: FileHandle;
  try {
    handle = await open(path, 'w+', 0o600);
  } catch (e) {
    await rm(folder, { recursive: true, force: true });
    throw spillError(dir, e);
  }
  const named = await unlink(path).then(() => rmdir(folder)).then(() => false, () => true);
  let length = 0;
  let writing: Promise<unknown> = Promise.resolve();
  let closed: Promise<void> | undefined;
  return {
    get length() {
      return length;
    },
    append(chunks) {
      const at = length;
      for (const c of chunks) length += c.length;
      const w = writing.then(() => writeAll(handle, chunks, at)).catch((e: unknown) => { throw spillError(dir, e); });
      writing = w.catch(() => undefined);
      return w;
    },
    async read(into, position) {
      await writing;
      if (position >= length) return 0;
      const { bytesRead } = await handle.read(into, 0, Math.min(into.length, length - position), position);
      return bytesRead;
    },
    close() {
      closed ??= (async () => {
        await writing;
        await handle.close().catch(() => undefined);
        if (named) await rm(folder, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

async function writeAll(handle: FileHandle, chunks: readonly Uint8Array[], at: number): Promise<void> {
  let pos = at;
  for (const bytes of chunks) {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, pos + done);
      done += bytesWritten;
    }
    pos += bytes.length;
  }
}

/**
 * The failure of a spill file, saying what the file is and where (a full temporary directory is not a full output
 * disk, and the user sets `TMPDIR`), keeping the system's `code` so callers can tell it from a mistake in a definition.
 */
function spillError(dir: string, e: unknown): Error {
  const cause = e as NodeJS.ErrnoException;
  const error = new Error(`ddss: cannot write a temporary file in ${dir} (where the violations and graded records of ` +
    `worker threads wait to be written in file order; set TMPDIR to use another directory): ${cause.message ?? String(e)}`,
  { cause: e });
  return Object.assign(error, cause.code === undefined ? {} : { code: cause.code, syscall: cause.syscall });
}
