import type { Writable } from 'node:stream';

/**
 * A function giving, while `stream` is full, a Promise that resolves once it drains, fails or closes (never rejects,
 * so a failed stream is reported where it is closed); `undefined` when it has room. While it waits it hands out the
 * same Promise, so a receiver returning it for every record adds one listener, not one per record.
 * @example const full = whenDrained(out); onRecord: (g) => { out.write(line(g)); return full(); }
 */
export function whenDrained(stream: Writable): () => Promise<void> | undefined {
  let waiting: Promise<void> | undefined;
  return () => {
    if (!stream.writableNeedDrain || stream.destroyed) return undefined;
    return (waiting ??= new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done).off('error', done).off('close', done);
        waiting = undefined;
        resolve();
      };
      stream.on('drain', done).on('error', done).on('close', done);
    }));
  };
}
