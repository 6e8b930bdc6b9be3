/** What ddss watches of the zip reader (unzipper's `Parse` stream) that exceljs' workbook reader pipes the bytes into. */
export interface ZipWatch {
  /** Rejects when the zip cannot be read on (an entry that does not inflate), with the error `broken` made. */
  readonly failed: Promise<never>;
  /** The CRC-32 the zip records for the entry at `path` (from its local header, or from the data descriptor after
   * its bytes when it has one), or undefined when it records none ddss can read. */
  crc(path: string): Promise<number | undefined>;
  /** Starts watching `zip`, the stream exceljs pipes the workbook's bytes into. */
  attach(zip: unknown): void;
}

/** Why the zip could not be read on, for the error `zipWatch` is given to make. */
export interface ZipFailure {
  /** `inflate`: an entry's data does not inflate; `cut`: the file ends before the zip does; `other`: the unzipper's
   * other errors (bytes that are no zip record). */
  readonly kind: 'inflate' | 'cut' | 'other';
  /** The entry being read, or the last one read (`inside` false), if any. */
  readonly path: string | undefined;
  readonly inside: boolean;
  readonly message: string;
  readonly cause: unknown;
}

/** The parts of unzipper 0.10's `Parse` stream and of its entries that are watched (checked before use). */
interface Entry {
  readonly path?: unknown;
  readonly vars?: { readonly flags?: unknown; readonly crc32?: unknown; readonly compressedSize?: unknown };
  end?(): unknown;
  once?(event: string, listener: () => void): unknown;
}
interface Parse {
  push?: (chunk: unknown, ...rest: unknown[]) => boolean;
  pull?: (n: number) => Promise<Uint8Array>;
  _processDataDescriptor?: (entry: Entry) => unknown;
  on?: (event: string, listener: (e: unknown) => void) => unknown;
  emit?: (event: string | symbol, ...args: unknown[]) => boolean;
  readonly readableLength?: number;
}

const DATA_DESCRIPTOR = 0x08074b50;

/**
 * Watches the zip of one read. Why: exceljs never listens for its unzipper's errors, so an entry whose deflate data
 * is damaged left the read waiting for an entry that never ended ("the run stopped before it finished", blaming the
 * definition); and the unzipper reads each entry's CRC-32 but never compares it. `broken` makes the error for a zip
 * that cannot be read on; `failed` rejects with it, and the entry being read is ended so that exceljs closes the
 * temporary file it was writing it to.
 * @example const zip = zipWatch((f) => new Error(`${f.path} ${f.message}`)); reader races its steps with zip.failed
 */
export function zipWatch(broken: (failure: ZipFailure) => unknown): ZipWatch {
  // Per entry seen: its CRC-32, or the promise of it while its data descriptor is still to come.
  const crcs = new Map<string, Promise<number | undefined>>();
  const descriptorOf = new Map<string, (crc: number | undefined) => void>();
  let current: Entry | undefined;
  // The current entry's data has all been read from the zip (its writable side finished).
  let written = false;
  let descriptors = false;
  let fail: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  failed.catch(() => undefined);

  // Each entry's path as the zip names it, taken when the entry is read: exceljs may be shown another later (`sheetParts`).
  const paths = new WeakMap<Entry, string>();
  const onEntry = (entry: Entry) => {
    if (typeof entry.path === 'string') paths.set(entry, entry.path);
    current = entry;
    written = false;
    entry.once?.('finish', () => { if (current === entry) written = true; });
    const { flags, crc32, compressedSize } = entry.vars ?? {};
    if (typeof entry.path !== 'string' || typeof flags !== 'number' || typeof crc32 !== 'number') return;
    // Bit 3: the CRC-32 and the sizes follow the data, in a data descriptor (the header holds zeros). unzipper reads
    // that descriptor only when the header gives no size: otherwise the CRC-32 is not known.
    if ((flags & 8) === 0) crcs.set(entry.path, Promise.resolve(crc32));
    else if (!descriptors || compressedSize !== 0) crcs.set(entry.path, Promise.resolve(undefined));
    else {
      const path = entry.path;
      crcs.set(path, new Promise((resolve) => { descriptorOf.set(path, resolve); }));
    }
  };

  return {
    failed,
    // Asked once the part's text has ended, so its entry has been seen: one never seen has no CRC-32 to compare.
    crc: (path) => crcs.get(path) ?? Promise.resolve(undefined),
    attach(z) {
      const zip = z as Parse;
      const push = zip.push;
      if (typeof push === 'function') {
        zip.push = function (this: Parse, chunk: unknown, ...rest: unknown[]) {
          if (typeof chunk === 'object' && chunk !== null && 'vars' in chunk) onEntry(chunk as Entry);
          return push.call(this, chunk, ...rest);
        };
      }
      const descriptor = zip._processDataDescriptor;
      const pull = zip.pull;
      if (typeof descriptor === 'function' && typeof pull === 'function') {
        descriptors = true;
        // unzipper pulls the 16 bytes of the descriptor and keeps only the size: see them as they pass.
        zip._processDataDescriptor = function (this: Parse, entry: Entry) {
          this.pull = (n: number) => {
            this.pull = pull;
            return pull.call(this, n).then((data) => {
              const path = paths.get(entry);
              const ok = n === 16 && data.length === 16 && readUInt32LE(data, 0) === DATA_DESCRIPTOR;
              if (typeof path === 'string') descriptorOf.get(path)?.(ok ? readUInt32LE(data, 4) : undefined);
              return data;
            });
          };
          return descriptor.call(this, entry);
        };
      }
      const emit = zip.emit;
      if (typeof emit === 'function') {
        // unzipper's Parse says 'end' as soon as all its input is written, while entries it has parsed may still wait
        // in its buffer for exceljs, which stops asking at that 'end': with a small workbook whose entries are stored or
        // inflate fast, the entries after the first sheet (the styles, the shared strings, the workbook itself) were
        // lost while exceljs wrote that sheet to a temporary file — a TypeError about `sheets`, or shared-string cells
        // read as "[object Object]". The 'end' waits until the buffer is empty.
        let endLater = false;
        zip.emit = function (this: Parse, event: string | symbol, ...args: unknown[]) {
          if (event === 'end' && (this.readableLength ?? 0) > 0) {
            endLater = true;
            return false;
          }
          const listened = emit.call(this, event, ...args);
          if (event === 'data' && endLater && this.readableLength === 0) {
            endLater = false;
            emit.call(this, 'end');
          }
          return listened;
        };
      }
      zip.on?.('error', (e) => {
        const message = e instanceof Error ? e.message : String(e);
        const code = (e as { code?: unknown } | null)?.code;
        const kind = typeof code === 'string' && code.startsWith('Z_') ? 'inflate' : message === 'FILE_ENDED' ? 'cut' : 'other';
        const path = current === undefined ? undefined : paths.get(current);
        fail(broken({ kind, path, inside: path !== undefined && !written, message, cause: e }));
        try {
          current?.end?.();
        } catch {
          // an entry that cannot be ended is one exceljs is not waiting for
        }
      });
    },
  };
}

function readUInt32LE(b: Uint8Array, at: number): number {
  return ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;
}
