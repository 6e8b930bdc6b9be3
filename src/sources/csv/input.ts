import { Readable } from 'node:stream';
import { fileChunks } from '../file-chunks.js';

/** What `readCsv` reads: a file path, the whole content, or a stream / (async) iterable of byte chunks. */
export type CsvInput = string | URL | Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const CHUNK = 64 * 1024;

/** An input opened lazily: each `open()` starts a fresh read (paths and buffers) or hands out the stream once. */
export interface ByteInput {
  readonly name: string | undefined;
  open(): AsyncIterable<Uint8Array>;
}

/**
 * Wraps the input. A file path is read by `fileChunks`, so a file that changes size while it is read fails at the
 * end instead of passing for a complete read. A `Readable` gets an error listener at once, so an error it emits before reading starts cannot
 * crash the process; the error is rethrown by the first read. Bytes come in chunks of at most 64 KiB whatever the
 * input, so a large buffer is handled like a file.
 * @example byteInput('parcels.csv').open() // an async iterable of Uint8Array chunks
 */
export function byteInput(input: CsvInput): ByteInput {
  if (typeof input === 'string' || input instanceof URL) {
    return {
      name: typeof input === 'string' ? input : input.pathname,
      open: () => fileChunks(input, CHUNK),
    };
  }
  if (input instanceof Uint8Array) {
    return { name: undefined, open: () => slices(input) };
  }
  let early: unknown;
  let failed = false;
  if (input instanceof Readable) {
    input.on('error', (e) => {
      failed = true;
      early = e;
    });
  }
  let opened = false;
  const path = input instanceof Readable ? (input as Readable & { path?: unknown }).path : undefined;
  return {
    name: typeof path === 'string' ? path : undefined,
    open() {
      if (opened) throw new Error('ddss: a CSV stream can be read only once; pass a file path to read it again');
      opened = true;
      return checked(input, () => (failed ? (early instanceof Error ? early : new Error(String(early))) : undefined));
    },
  };
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
}

/** Yields the chunks, checking each is bytes, and splits chunks over 64 KiB. */
async function* checked(input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  earlyError: () => Error | undefined): AsyncGenerator<Uint8Array> {
  const e = earlyError();
  if (e !== undefined) throw e;
  for await (const chunk of input as AsyncIterable<unknown>) {
    if (!(chunk instanceof Uint8Array)) {
      throw new TypeError('ddss: CSV chunks must be bytes (Uint8Array); do not call setEncoding() on the stream');
    }
    if (chunk.length <= CHUNK) yield chunk;
    else yield* slices(chunk);
  }
}
