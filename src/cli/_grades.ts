import { open } from 'node:fs/promises';
import type { RecordGrade } from '../core/grades.js';
import { gradeSink } from '../outputs/grades.js';
import { cannotWrite, commitOutput, discardOutput, temporaryPath, type OutputPath } from './_files.js';

/** Where `--grades` go while the run lasts. */
export interface GradesFile {
  write(g: RecordGrade): void;
  /** Flushes the file and puts it in place of the target: call only when the run completed. */
  commit(): Promise<void>;
  /** Closes and removes the file: the run did not complete, and the target (if any) stays as it was. */
  discard(): Promise<void>;
}

/**
 * Opens the `--grades` file before the run as a temporary file beside the target, as `--violations` is: an
 * interrupted run leaves no partial file, and without `force` an existing file is never replaced.
 * @example const f = await openGrades(outputPath('grades', 'g.csv', cwd), 'csv', false, true, true);
 */
export async function openGrades(o: OutputPath, format: 'csv' | 'ndjson', force: boolean, bom: boolean,
  findingsOnly: boolean, columns: readonly string[] = []): Promise<GradesFile> {
  const temp = temporaryPath(o);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (e) {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }
  const sink = gradeSink(handle.createWriteStream(), { format, bom, findingsOnly, columns });
  return {
    write: (g) => sink.write(g),
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
