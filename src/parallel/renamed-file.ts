import { composeRename, type Rename } from '../core/rename.js';
import type { CsvSource } from '../sources/csv/read-csv.js';

/**
 * A CSV file's description for byte ranges with the definition's rename under the source's own (`headerWith`): every
 * range then reads the header as one thread does.
 * @example renamedFile(readCsv('vi.csv').file!, { 'Số CCCD': 'owner_id' }).csv.rename // { 'Số CCCD': 'owner_id' }
 */
export function renamedFile(file: NonNullable<CsvSource['file']>, rename: Rename | undefined): NonNullable<CsvSource['file']> {
  const composed = composeRename(rename, file.csv.rename);
  return composed === undefined ? file : { ...file, csv: { ...file.csv, rename: composed } };
}
