import { open } from 'node:fs/promises';
import type { Violation } from '../core/types.js';
import { violationSink } from '../outputs/violations.js';
import { CliError, EXIT } from './_errors.js';
import { refuse, type OutputPath } from './_files.js';

/** Where `--violations` go while the run lasts. */
export interface ViolationsFile {
  write(v: Violation): void;
  close(): Promise<void>;
}

/**
 * Opens the `--violations` file before the run. It is created exclusively (`wx`) unless `force`, so an existing
 * file is never replaced, even one that appeared after the up-front check.
 */
export async function openViolations(o: OutputPath, format: 'csv' | 'ndjson', force: boolean): Promise<ViolationsFile> {
  let handle;
  try {
    handle = await open(o.path, force ? 'w' : 'wx');
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? refuse(o) : new CliError(`cannot write "${o.given}": ${(e as Error).message}`);
  }
  const sink = violationSink(handle.createWriteStream(), { format });
  return {
    write: (v) => sink.write(v),
    async close() {
      try {
        await sink.close();
      } catch (e) {
        throw new CliError(`cannot write "${o.given}": ${(e as Error).message}`, EXIT.unevaluated);
      }
    },
  };
}
