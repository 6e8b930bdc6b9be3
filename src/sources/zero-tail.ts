import type { SourceIssue } from '../core/source.js';

/**
 * The shortest trailing run of zero bytes taken for a file cut short. A crash leaves whole unwritten blocks (512 B
 * to 4 KiB) and an interrupted copy into a preallocated file leaves everything after the point it reached, so real
 * tails are long; text in any supported encoding never holds 16 NULs in a row (UTF-16 text has them alone, between
 * letters). A shorter run — the NUL terminator some programs write after the last line — stays what it is today: a
 * `control_character` finding on the record that holds it.
 */
export const MIN_ZERO_TAIL = 16;

/** Where a file's trailing zero bytes start (a byte offset from the start of the input) and how many there are. */
export interface ZeroRun {
  readonly offset: number;
  readonly bytes: number;
}

/** What {@link withoutZeroTail} found once its input has ended. */
export interface ZeroTailWatch {
  found?: ZeroRun | undefined;
}

const ZEROS = new Uint8Array(64 * 1024);

/**
 * The chunks of `input` without a trailing run of at least {@link MIN_ZERO_TAIL} zero bytes, which `watch.found`
 * then describes. Zero bytes at the end of a chunk are held back (as a count, never copied) until a later chunk
 * shows they are not the end, and then handed on, so a run in the middle of the input reaches the reader as it is.
 * Only the last bytes of each chunk are looked at: a chunk that does not end in a zero costs one comparison. The run
 * must reach the very end of the input — a line break after it is something written after the zeros, and keeps
 * the run inside one record, so that a byte range of the file (worker threads, shards) never ends in it unless it
 * ends the file. `unit` (2 for UTF-16) is asked at the end: the run then starts on a code unit. A chunk of text (a
 * string) is handed on as it is. If the input fails, the zeros held are handed on before the failure is rethrown.
 * @example const watch: ZeroTailWatch = {}; for await (const c of withoutZeroTail(chunks, watch)) …; watch.found // { offset: 1234, bytes: 4096 }
 */
export async function* withoutZeroTail<T>(input: AsyncIterable<T> | Iterable<T>, watch: ZeroTailWatch,
  unit: () => number = () => 1): AsyncGenerator<T | Uint8Array> {
  let held = 0;
  let total = 0;
  try {
    for await (const chunk of input) {
      if (!(chunk instanceof Uint8Array)) {
        if (held > 0) yield* zeros(held);
        held = 0;
        yield chunk;
        continue;
      }
      total += chunk.length;
      let r = 0;
      while (r < chunk.length && chunk[chunk.length - 1 - r] === 0) r++;
      if (r < chunk.length) {
        if (held > 0) yield* zeros(held);
        held = 0;
        yield r === 0 ? chunk : chunk.subarray(0, chunk.length - r);
      }
      held += r;
    }
  } catch (e) {
    if (held > 0) yield* zeros(held);
    throw e;
  }
  let offset = total - held;
  // In UTF-16 a zero byte may be the high byte of the last character: the run starts at the next code unit.
  const lead = offset % unit();
  if (lead !== 0 && held > 0) {
    offset += unit() - lead;
    yield* zeros(Math.min(held, unit() - lead));
  }
  const run = total - offset;
  if (run >= MIN_ZERO_TAIL) {
    watch.found = { offset, bytes: run };
    return;
  }
  if (run > 0) yield* zeros(run);
}

function* zeros(n: number): Generator<Uint8Array> {
  for (let left = n; left > 0; left -= ZEROS.length) yield ZEROS.subarray(0, Math.min(left, ZEROS.length));
}

/**
 * The file-level finding of a file cut short: `zero_filled_tail` (sufficient, error). The zeros are not a record
 * (they hold no text, and how many records they replace is unknown), so they are counted in the input's bytes and
 * named by this finding, and the records before them are read as in the file cut at `offset`.
 * @example zeroTailIssue({ offset: 1234, bytes: 4096 }).params // { bytes: 4096, offset: 1234 }
 */
export function zeroTailIssue(run: ZeroRun): SourceIssue {
  return { code: 'zero_filled_tail', criterion: 'sufficient', severity: 'error', scope: 'file',
    params: { bytes: run.bytes, offset: run.offset } };
}

/**
 * The read error of an input that is nothing but zero bytes (after a byte order mark, if any): nothing was written
 * to it, so, as for an empty input, the run is partial rather than an empty table that passes.
 * @example onlyZeros({ offset: 0, bytes: 4096 }) // 'the input holds no text, only 4096 zero bytes: nothing was written to it …'
 */
export function onlyZeros(run: ZeroRun): string {
  return `the input holds no text, only ${run.bytes} zero bytes${run.offset > 0 ? ` after byte ${run.offset}` : ''}: ` +
    'nothing was written to it (a crash or an unfinished copy)';
}
