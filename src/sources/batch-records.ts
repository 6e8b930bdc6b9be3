import type { RowBatch } from '../core/source.js';
import { recordKeys } from './csv/header.js';

/**
 * The rows of a tabular source's batches as null-prototype records keyed by its header (`recordKeys`: repeated and
 * blank names get their column number), for iterating `readCsv`/`readXlsx` directly. Cells past the header are left
 * out, as the validator leaves them (they are `extra_cell` findings).
 * @example for await (const r of batchRecords(readCsv('a.csv').batches())) console.log(r.id);
 */
export async function* batchRecords<T>(batches: AsyncIterable<RowBatch>): AsyncGenerator<Record<string, T>> {
  let keys: readonly string[] = [];
  for await (const batch of batches) {
    if (batch.columns !== undefined) keys = recordKeys(batch.columns);
    for (const row of batch.rows as readonly (readonly T[])[]) {
      const record = Object.create(null) as Record<string, T>;
      const n = Math.min(row.length, keys.length);
      for (let i = 0; i < n; i++) record[keys[i] as string] = row[i] as T;
      yield record;
    }
  }
}
