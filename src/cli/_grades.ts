import type { RecordGrade } from '../core/grades.js';
import { gradeSink } from '../outputs/grades.js';
import type { OutputPath } from './_files.js';
import { openOutputSink, type OutputSink } from './_output-sink.js';

/** Where `--grades` go while the run lasts (`write` returns a Promise while the file is full: the run waits). */
export type GradesFile = OutputSink<RecordGrade, Promise<void> | undefined>;

/**
 * Opens the `--grades` file before the run, atomically as `--violations` is (see `openOutputSink`); a shard's
 * (`shard`: `K/N`) marks each line as the shard's.
 * @example const f = await openGrades(outputPath('grades', 'g.csv', cwd), 'csv', false, true, true);
 */
export function openGrades(o: OutputPath, format: 'csv' | 'ndjson', force: boolean, bom: boolean,
  findingsOnly: boolean, columns: readonly string[] = [], shard?: string): Promise<GradesFile> {
  return openOutputSink(o, force, (stream) => gradeSink(stream, { format, bom, findingsOnly, columns, ...(shard === undefined ? {} : { shard }) }));
}
