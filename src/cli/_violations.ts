import type { Violation } from '../core/types.js';
import { violationSink } from '../outputs/violations.js';
import type { OutputPath } from './_files.js';
import { openOutputSink, type OutputSink } from './_output-sink.js';

/** Where `--violations` go while the run lasts (`write` returns a Promise while the file is full: the run waits). */
export type ViolationsFile = OutputSink<Violation, Promise<void> | undefined>;

/**
 * Opens the `--violations` file before the run (atomically, see `openOutputSink`). A CSV file starts with a UTF-8
 * BOM unless `bom` is false (`--no-bom`).
 * @example const f = await openViolations(outputPath('violations', 'v.csv', cwd), 'csv', false);
 */
export function openViolations(o: OutputPath, format: 'csv' | 'ndjson', force: boolean, bom = true): Promise<ViolationsFile> {
  return openOutputSink(o, force, (stream) => violationSink(stream, { format, bom }));
}
