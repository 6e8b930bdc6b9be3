import { deserialize } from 'node:v8';
import { createSpillFile, type SpillFile } from './spill-file.js';
import type { Violation } from '../core/types.js';

/** Where a range's rows and lines start in the whole file. */
export interface RangeOffset {
  readonly rows: number;
  readonly lines: number;
}

export interface OrderedViolationsOptions {
  /** Bytes of violations a waiting range holds in memory before it spills them to a file. Default 1 MiB. */
  readonly spillAfter?: number;
  /** Directory of spill files. Default: the system's temporary directory. */
  readonly tmpdir?: string;
  /** Called each time a range spills (tests and measurements). */
  readonly onSpill?: (range: number) => void;
  /**
   * What the sink asked to wait for since the last call (`SinkWaits.take`): a live range's batch is acknowledged
   * only once it settles, so a slow receiver holds the worker back; a replay waits for it after each batch.
   */
  readonly settle?: () => Promise<void> | undefined;
  /** `settle`'s Promise rejected for a live range's batch, or the sink threw: the receiver failed, and the run must end. */
  readonly onSinkFailure?: (e: unknown) => void;
}

/** Forwards the violations of ranges validated at once to one sink, in file order, in bounded memory. */
export interface OrderedViolations {
  /**
   * A batch of violations of range `k` (an array serialised with `v8.serialize`), rows and lines counted within the
   * range. `done` is called once they are forwarded or stored: the sender may then send more (so a slow sink or
   * disk holds the workers back, instead of their batches piling up in memory).
   */
  add(k: number, batch: Uint8Array, done: () => void): void;
  /** Forgets what range `k` sent (it is validated again from another start). */
  discard(k: number): Promise<void>;
  /**
   * Every earlier range has been forwarded: replays what range `k` held, then forwards its violations as they come.
   * Rejects if its spill file could not be written or read.
   */
  promote(k: number, offset: RangeOffset): Promise<void>;
  /**
   * Resolves once what the sink returned for every batch forwarded live has settled (a worker sends its last batches
   * without waiting for their acknowledgements, so the run must wait here before it ends). Never rejects: a failure
   * went to `onSinkFailure`.
   */
  settled(): Promise<void>;
  /** Deletes every spill file. Safe to call more than once, and after a failure. */
  close(): Promise<void>;
}

interface Slot {
  /** Batches held in memory, newer than everything in the spill file. */
  mem: Uint8Array[];
  memBytes: number;
  file: Promise<SpillFile> | undefined;
  /** Sizes of the batches handed to the spill file (written or being written), in order. */
  sizes: number[];
  failure: unknown;
  live: RangeOffset | undefined;
}

interface Replay {
  /** The next batch to replay, and where it starts in the file. */
  index: number;
  pos: number;
  buf: Uint8Array;
}

/**
 * The first range's violations go straight to the sink; a later range's wait until every earlier range is done
 * (only then are its row and line offsets known), in memory up to `spillAfter` bytes and beyond that in a temporary
 * file that is replayed in order and deleted. Memory stays flat in the number of rows whatever
 * the number of violations, and the sink receives exactly the stream of a single-threaded run.
 * @example
 * const order = orderedViolations(sink, 2);
 * order.add(1, lines, ack); await order.promote(0, { rows: 0, lines: 0 }); … await order.promote(1, before);
 * await order.close();
 */
export function orderedViolations<T extends Positioned = Violation>(sink: ((v: T) => unknown) | undefined, n: number,
  options: OrderedViolationsOptions = {}): OrderedViolations {
  const spillAfter = Math.max(1, options.spillAfter ?? 1024 * 1024);
  const slots: Slot[] = Array.from({ length: n }, () => fresh());
  const files: Array<Promise<SpillFile>> = [];
  /** Acknowledgements waiting for what the sink returned for a live batch. */
  const acks = new Set<Promise<void>>();

  function spill(k: number, slot: Slot, done: () => void): void {
    const chunks = slot.mem;
    slot.mem = [];
    for (const c of chunks) slot.sizes.push(c.length);
    slot.memBytes = 0;
    if (slot.file === undefined) {
      slot.file = createSpillFile(options.tmpdir);
      files.push(slot.file);
    }
    // The sender waits for the disk: acknowledged once written (or failed: the failure ends the run at replay).
    slot.file.then((f) => f.append(chunks)).catch((e: unknown) => { slot.failure ??= e; }).finally(done);
    options.onSpill?.(k);
  }

  /** Replays the spill file's batches from `r.index` to the last one queued when the last read returned. */
  async function replay(slot: Slot, r: Replay, emit: (v: T) => void): Promise<void> {
    if (slot.file === undefined) return;
    const f = await slot.file;
    while (r.index < slot.sizes.length) {
      const size = slot.sizes[r.index] as number;
      if (r.buf.length < size) r.buf = new Uint8Array(size);
      let got = 0;
      while (got < size) {
        if (slot.failure !== undefined) throw slot.failure;
        // 0 while the append is still queued behind this read: the next read sees it.
        got += await f.read(r.buf.subarray(got, size), r.pos + got);
      }
      if (slot.failure !== undefined) throw slot.failure;
      r.index++;
      r.pos += size;
      forward(r.buf.subarray(0, size), emit);
      await options.settle?.();
    }
  }

  return {
    add(k, batch, done) {
      const slot = slots[k];
      if (sink === undefined || slot === undefined) return done();
      const live = slot.live;
      if (live !== undefined) {
        try {
          forward<T>(batch, (v) => sink(shift(v, live)));
        } catch (e) {
          // The receiver threw (we are in a worker's message handler, where a throw would end the process): the run
          // ends with its error, as when its Promise rejects.
          options.onSinkFailure?.(e);
          return done();
        }
        const wait = options.settle?.();
        // Acknowledged after a turn of the event loop: a sink writing to a stream gets to flush before the worker
        // sends more (a sink that cannot say it is full; measured: a flat backlog instead of one growing with the
        // run); a sink that returned Promises, once they settle.
        if (wait === undefined) return void setImmediate(done);
        const ack = wait.then(done, (e: unknown) => {
          options.onSinkFailure?.(e);
          done();
        });
        acks.add(ack);
        return void ack.then(() => acks.delete(ack));
      }
      slot.mem.push(batch);
      slot.memBytes += batch.length;
      if (slot.memBytes >= spillAfter) spill(k, slot, done);
      else done();
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
      const emit = (v: T): void => { sink(shift(v, offset)); };
      if (slot.file !== undefined) {
        const r: Replay = { index: 0, pos: 0, buf: new Uint8Array(0) };
        // The range may still be running and spilling: replay until the file holds nothing unread, checked with no
        // await between the check and going live, so no spill can slip past.
        do await replay(slot, r, emit); while (r.index < slot.sizes.length);
      }
      // Caught up with the file: what is in memory is newer; from here on violations go straight to the sink.
      for (const batch of slot.mem) forward(batch, emit);
      slot.mem = [];
      slot.memBytes = 0;
      slot.live = offset;
      const file = slot.file;
      slot.file = undefined;
      await file?.then((f) => f.close(), () => undefined);
      // Only now (live, so nothing more can spill): what the receiver returned for the batches held in memory.
      await options.settle?.();
    },
    async settled() {
      while (acks.size > 0) await Promise.all([...acks]);
    },
    async close() {
      await Promise.all(files.map((f) => f.then((x) => x.close(), () => undefined)));
    },
  };
}

function fresh(): Slot {
  return { mem: [], memBytes: 0, file: undefined, sizes: [], failure: undefined, live: undefined };
}

/**
 * Emits each violation of a batch. A batch is an array serialised by the worker with `v8.serialize`, which keeps
 * every field of a violation exactly (the sink receives what a single thread would have given it), in about half
 * the time JSON takes to write and read it back.
 */
function forward<T>(batch: Uint8Array, emit: (v: T) => void): void {
  for (const v of deserialize(batch) as T[]) emit(v);
}

/** What a range streams: violations and graded records, with rows and lines counted within the range. */
interface Positioned {
  readonly row?: number | undefined;
  readonly line?: number | undefined;
}

/** The violation (or graded record) with its row and line counted in the whole file. */
function shift<T extends Positioned>(v: T, offset: RangeOffset): T {
  if (offset.rows === 0 && offset.lines === 0) return v;
  return {
    ...v,
    ...(v.row === undefined ? {} : { row: v.row + offset.rows }),
    ...(v.line === undefined ? {} : { line: v.line + offset.lines }),
  };
}
