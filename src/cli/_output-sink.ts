import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { cannotWrite, discardOutput, placeOutput, temporaryPath, type OutputPath } from './_files.js';
import { creation } from './_pending-outputs.js';

/** A streamed output file (`--violations`, `--grades`, `fix --out`) while the run lasts. */
export interface OutputSink<T, R = void> {
  /** The temporary file written while the run lasts (its bytes, once closed, are what `commit` places). */
  readonly temporary: string;
  /** What the sink's own `write` returns: nothing, or a Promise for a sink that waits for the disk. */
  write(item: T): R;
  /** Flushes and closes the temporary file: throws when it could not be written whole (a full disk). Idempotent. */
  close(): Promise<void>;
  /** Closes the file and puts it in place of the target: call only when the run completed. */
  commit(): Promise<void>;
  /** Closes and removes the file: the run did not complete, and the target (if any) stays as it was. */
  discard(): Promise<void>;
  /** Removes the committed file when it took a new name (see `placeOutput`): another output of the run was not placed. */
  withdraw(): Promise<void>;
}

/** What {@link commitAll} needs of an output: `OutputSink`, the fixed file of `ddss fix`, a staged report. */
export type Committable = Pick<OutputSink<unknown>, 'close' | 'commit' | 'discard'> & Partial<Pick<OutputSink<unknown>, 'withdraw'>>;

/**
 * Commits a run's streamed outputs together: each is flushed first, and only when all were written whole is any put
 * in place. One that cannot be written (a full disk shows when the last bytes are flushed) discards them all, so a
 * failed run leaves neither a temporary file nor some outputs without the others.
 * @example await commitAll([violations, grades]);
 */
export async function commitAll(outputs: ReadonlyArray<Committable | undefined>): Promise<void> {
  const all = outputs.filter((o): o is Committable => o !== undefined);
  try {
    for (const o of all) await o.close();
  } catch (e) {
    for (const o of all) await o.discard();
    throw e;
  }
  for (const [i, o] of all.entries()) {
    try {
      await o.commit();
    } catch (e) {
      // Placing a file failed (its target appeared meanwhile): the later ones are not placed either, and the earlier
      // ones are taken back where they took a new name, so no output is left without the others (a violations file
      // without its report).
      for (const later of all.slice(i + 1)) await later.discard();
      for (const earlier of all.slice(0, i).reverse()) await earlier.withdraw?.();
      throw e;
    }
  }
}

/**
 * Opens a streamed output before the run, as a temporary file beside the target: an interrupted or failed run leaves
 * no partial file (a well-formed CSV cut at a row boundary would look complete) and, with `force`, the old file
 * untouched. Without `force` an existing file is never replaced, even one that appeared after the up-front check.
 * @example const f = await openOutputSink(o, false, (s) => violationSink(s, { format: 'csv' }));
 */
export async function openOutputSink<T, R = void>(o: OutputPath, force: boolean,
  makeSink: (stream: Writable) => { write(item: T): R; close(): Promise<void> }): Promise<OutputSink<T, R>> {
  const temp = temporaryPath(o);
  let handle;
  try {
    handle = await creation(() => open(temp, 'wx'));
  } catch (e) {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }
  const sink = makeSink(handle.createWriteStream());
  let closed: Promise<void> | undefined;
  let withdraw = (): Promise<void> => Promise.resolve();
  const close = (): Promise<void> => (closed ??= sink.close().catch(async (e: unknown) => {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }));
  return {
    temporary: temp,
    write: (item) => sink.write(item),
    close,
    async commit() {
      await close();
      withdraw = await placeOutput(o, temp, force);
    },
    withdraw: () => withdraw(),
    async discard() {
      await close().catch(() => undefined);
      await discardOutput(temp);
    },
  };
}
