import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { cannotWrite, commitOutput, discardOutput, temporaryPath, type OutputPath } from './_files.js';

/** A streamed output file (`--violations`, `--grades`) while the run lasts. */
export interface OutputSink<T> {
  write(item: T): void;
  /** Flushes the file and puts it in place of the target: call only when the run completed. */
  commit(): Promise<void>;
  /** Closes and removes the file: the run did not complete, and the target (if any) stays as it was. */
  discard(): Promise<void>;
}

/**
 * Opens a streamed output before the run, as a temporary file beside the target: an interrupted or failed run leaves
 * no partial file (a well-formed CSV cut at a row boundary would look complete) and, with `force`, the old file
 * untouched. Without `force` an existing file is never replaced, even one that appeared after the up-front check.
 * @example const f = await openOutputSink(o, false, (s) => violationSink(s, { format: 'csv' }));
 */
export async function openOutputSink<T>(o: OutputPath, force: boolean,
  makeSink: (stream: Writable) => { write(item: T): void; close(): Promise<void> }): Promise<OutputSink<T>> {
  const temp = temporaryPath(o);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (e) {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }
  const sink = makeSink(handle.createWriteStream());
  return {
    write: (item) => sink.write(item),
    async commit() {
      try {
        await sink.close();
      } catch (e) {
        await discardOutput(temp);
        throw cannotWrite(o, e);
      }
      await commitOutput(o, temp, force);
    },
    async discard() {
      await sink.close().catch(() => undefined);
      await discardOutput(temp);
    },
  };
}
