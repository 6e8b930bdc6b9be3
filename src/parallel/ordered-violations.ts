import { StringDecoder } from 'node:string_decoder';
import { createSpillFile, type SpillFile } from './spill-file.js';
import type { Violation } from '../core/types.js';

/** Where a range's rows and lines start in the whole file. */
export interface RangeOffset {
  readonly rows: number;
  readonly lines: number;
}

export interface OrderedViolationsOptions {
  /** Violations a waiting range holds in memory before it spills them to a temporary file. Default 4096. */
  readonly spillAfter?: number;
  /** Directory of spill files. Default: the system's temporary directory. */
  readonly tmpdir?: string;
  /** Called each time a range spills (tests and measurements). */
  readonly onSpill?: (range: number) => void;
}

/** Forwards the violations of ranges validated at once to one sink, in file order, in bounded memory. */
export interface OrderedViolations {
  /** Violations of range `k`, with row and line numbers counted within the range. */
  add(k: number, items: readonly Violation[]): void;
  /** Forgets what range `k` sent (it is validated again from another start). */
  discard(k: number): Promise<void>;
  /**
   * Every earlier range has been forwarded: replays what range `k` held, then forwards its violations as they come.
   * Rejects if its spill file could not be written or read.
   */
  promote(k: number, offset: RangeOffset): Promise<void>;
  /** Deletes every spill file. Safe to call more than once, and after a failure. */
  close(): Promise<void>;
}

interface Slot {
  mem: Violation[];
  file: Promise<SpillFile> | undefined;
  /** Bytes handed to the spill file (written or being written). */
  queued: number;
  failure: unknown;
  live: RangeOffset | undefined;
}

interface Replay {
  pos: number;
  rest: string;
  readonly decoder: StringDecoder;
  readonly buf: Uint8Array;
}

const CHUNK = 256 * 1024;

/**
 * The first range's violations go straight to the sink; a later range's wait until every earlier range is done
 * (only then are its row and line offsets known), in memory up to `spillAfter` violations and beyond that in a
 * temporary NDJSON file that is replayed in order and deleted. Memory stays flat in the number of rows whatever
 * the number of violations, and the sink receives exactly the stream of a single-threaded run.
 * @example
 * const order = orderedViolations(sink, 2);
 * order.add(1, items); await order.promote(0, { rows: 0, lines: 0 }); … await order.promote(1, before); await order.close();
 */
export function orderedViolations(sink: ((v: Violation) => void) | undefined, n: number,
  options: OrderedViolationsOptions = {}): OrderedViolations {
  const spillAfter = Math.max(1, options.spillAfter ?? 4096);
  const slots: Slot[] = Array.from({ length: n }, () => fresh());
  const files: Array<Promise<SpillFile>> = [];

  function spill(k: number, slot: Slot): void {
    const text = slot.mem.map((v) => `${JSON.stringify(v)}\n`).join('');
    slot.mem = [];
    slot.queued += Buffer.byteLength(text, 'utf8');
    if (slot.file === undefined) {
      slot.file = createSpillFile(options.tmpdir);
      files.push(slot.file);
    }
    slot.file.then((f) => f.append(text)).catch((e: unknown) => { slot.failure ??= e; });
    options.onSpill?.(k);
  }

  /** Replays the spill file from `r.pos` to what was queued when the last read returned. */
  async function replay(slot: Slot, r: Replay, emit: (v: Violation) => void): Promise<void> {
    if (slot.file === undefined) return;
    const f = await slot.file;
    while (r.pos < slot.queued) {
      if (slot.failure !== undefined) throw slot.failure;
      const got = await f.read(r.buf, r.pos);
      if (slot.failure !== undefined) throw slot.failure;
      if (got === 0) continue; // the append is queued behind this read: the next read sees it
      r.pos += got;
      const lines = (r.rest + r.decoder.write(r.buf.subarray(0, got))).split('\n');
      r.rest = lines.pop() ?? '';
      for (const line of lines) emit(JSON.parse(line) as Violation);
    }
  }

  return {
    add(k, items) {
      const slot = slots[k];
      if (sink === undefined || slot === undefined) return;
      if (slot.live !== undefined) {
        for (const v of items) sink(shift(v, slot.live));
        return;
      }
      for (const v of items) slot.mem.push(v);
      if (slot.mem.length >= spillAfter) spill(k, slot);
    },
    async discard(k) {
      const slot = slots[k];
      if (slot === undefined) return;
      slots[k] = fresh();
      await slot.file?.then((f) => f.close(), () => undefined);
    },
    async promote(k, offset) {
      const slot = slots[k];
      if (sink === undefined || slot === undefined) return;
      const emit = (v: Violation): void => sink(shift(v, offset));
      if (slot.file !== undefined) {
        const r: Replay = { pos: 0, rest: '', decoder: new StringDecoder('utf8'), buf: new Uint8Array(CHUNK) };
        // The range may still be running and spilling: replay until the file holds nothing unread, checked with no
        // await between the check and going live, so no spill can slip past.
        do await replay(slot, r, emit); while (r.pos < slot.queued);
      }
      // Caught up with the file: what is in memory is newer; from here on violations go straight to the sink.
      const held = slot.mem;
      slot.mem = [];
      for (const v of held) emit(v);
      slot.live = offset;
      const file = slot.file;
      slot.file = undefined;
      await file?.then((f) => f.close(), () => undefined);
    },
    async close() {
      await Promise.all(files.map((f) => f.then((x) => x.close(), () => undefined)));
    },
  };
}

function fresh(): Slot {
  return { mem: [], file: undefined, queued: 0, failure: undefined, live: undefined };
}

/** The violation with its row and line counted in the whole file. */
function shift(v: Violation, offset: RangeOffset): Violation {
  if (offset.rows === 0 && offset.lines === 0) return v;
  return {
    ...v,
    ...(v.row === undefined ? {} : { row: v.row + offset.rows }),
    ...(v.line === undefined ? {} : { line: v.line + offset.lines }),
  };
}
