import { open } from 'node:fs/promises';
import type { Violation } from '../core/types.js';
import { violationSink } from '../outputs/violations.js';
import { cannotWrite, commitOutput, discardOutput, temporaryPath, type OutputPath } from './_files.js';

/** Where `--violations` go while the run lasts. */
export interface ViolationsFile {
  write(v: Violation): void;
  /** Flushes the file and puts it in place of the target: call only when the run completed. */
  commit(): Promise<void>;
  /** Closes and removes the file: the run did not complete, and the target (if any) stays as it was. */
  discard(): Promise<void>;
}

/**
 * Opens the `--violations` file before the run, as a temporary file beside the target: an interrupted or failed
 * run leaves no partial file (a well-formed CSV cut at a row boundary would look complete) and, with `force`,
 * the old file untouched. Without `force` an existing file is never replaced, even one that appeared after the
 * up-front check. A CSV file starts with a UTF-8 BOM unless `bom` is false (`--no-bom`).
 */
export async function openViolations(o: OutputPath, format: 'csv' | 'ndjson', force: boolean, bom = true): Promise<ViolationsFile> {
  const temp = temporaryPath(o);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (e) {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }
  const sink = violationSink(handle.createWriteStream(), { format, bom });
  return {
    write: (v) => sink.write(v),
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
