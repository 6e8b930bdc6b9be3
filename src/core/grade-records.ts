import { createValidator } from './validator.js';
import { isTabularSource } from './source.js';
import type { RecordGrade } from './grades.js';
import type { RowInput } from './validate.js';
import type { DatasetDefinition, Report, ValidateOptions } from './types.js';

/**
 * Grades every record of a dataset as it is read, in input order, with flat memory: for ETL scripts that route
 * records below a grade to a quarantine table. The generator's return value is the run's report (with
 * `recordGrades`). Rejects when the source fails to read; one thread.
 * @example
 * for await (const g of gradeRecords(parcels, readCsv('parcels.csv'), { now: '2026-11-22' })) {
 *   if (g.overall !== null && g.overall < 0.75) quarantine.push(g.row);
 * }
 */
export async function* gradeRecords(definition: DatasetDefinition, input: RowInput,
  options: Omit<ValidateOptions, 'onRecord' | 'workers'> = {}): AsyncGenerator<RecordGrade, Report, undefined> {
  let queue: RecordGrade[] = [];
  const v = createValidator(definition, { ...options, onRecord: (g) => queue.push(g) });
  const drain = function* (): Generator<RecordGrade> {
    const out = queue;
    queue = [];
    yield* out;
  };
  if (isTabularSource(input)) {
    for await (const batch of input.batches()) {
      v.addBatch(batch);
      yield* drain();
    }
    v.state(); // gives out the last graded record
    yield* drain();
    return v.finish(input.info());
  }
  if (Symbol.asyncIterator in input) {
    for await (const row of input) {
      v.add(row);
      yield* drain();
    }
  } else {
    for (const row of input) {
      v.add(row);
      yield* drain();
    }
  }
  v.state();
  yield* drain();
  return v.finish({ kind: Array.isArray(input) ? 'array' : 'iterable' });
}
