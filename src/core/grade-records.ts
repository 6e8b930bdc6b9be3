import { createValidator } from './validator.js';
import { isTabularSource } from './source.js';
import { SinkFailure } from './sink-waits.js';
import type { RecordGrade } from './grades.js';
import type { RowInput } from './validate.js';
import type { DatasetDefinition, Report, ValidateOptions } from './types.js';
import { liveState } from './live-state.js';

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
  try {
    return yield* graded(definition, input, options);
  } catch (e) {
    throw e instanceof SinkFailure ? e.cause : e;
  }
}

async function* graded(definition: DatasetDefinition, input: RowInput,
  options: Omit<ValidateOptions, 'onRecord' | 'workers'>): AsyncGenerator<RecordGrade, Report, undefined> {
  if (options.baseline !== undefined) {
    throw new TypeError('ddss: gradeRecords does not apply a baseline (it judges every violation as new): use ' +
      'validate(…, { baseline, onRecord }), or leave it out');
  }
  let queue: RecordGrade[] = [];
  const v = createValidator(definition, { ...options, onRecord: (g) => queue.push(g) });
  // After each batch or row, once what `onViolation` returned has settled: the graded records so far.
  const drain = function* (): Generator<RecordGrade> {
    const out = queue;
    queue = [];
    yield* out;
  };
  const finish = async (info: Parameters<typeof v.finish>[0]): Promise<Report> => {
    const report = v.finish(info);
    await v.waitForSinks();
    return report;
  };
  if (isTabularSource(input)) {
    for await (const batch of input.batches()) {
      v.addBatch(batch);
      await v.waitForSinks();
      yield* drain();
    }
    liveState(v); // gives out the last graded record
    await v.waitForSinks();
    yield* drain();
    return finish(input.info());
  }
  if (Symbol.asyncIterator in input) {
    for await (const row of input) {
      v.add(row);
      await v.waitForSinks();
      yield* drain();
    }
  } else {
    for (const row of input) {
      v.add(row);
      await v.waitForSinks();
      yield* drain();
    }
  }
  liveState(v);
  await v.waitForSinks();
  yield* drain();
  return finish({ kind: Array.isArray(input) ? 'array' : 'iterable' });
}
