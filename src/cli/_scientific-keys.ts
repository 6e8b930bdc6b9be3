import type { TabularSource } from '../core/source.js';
import type { ComparisonReport } from '../compare/types.js';
import type { Locale } from '../core/types.js';
import { scientificIdentifier } from '../../rules/vn/identifiers/_text.js';
import type { CompareSide } from './_compare-inputs.js';
import { SIDE_VI } from '../outputs/_comparison-labels.js';

/** Keys of one input a spreadsheet wrote in scientific notation, counted as its records go by. */
export interface KeysSeen {
  scientific: number;
}

/**
 * The source with the cells of its key columns watched for identifiers a spreadsheet wrote in scientific notation
 * (`1.08901E+11`, an integer of 9 digits or more; see `scientificIdentifier`). Such a key lost its last digits, so it
 * matches no key of the other file, and the comparison showed only "missing" and "extra" records, their keys masked:
 * nothing said why. The rows are untouched.
 * @example const seen = { scientific: 0 }; await compare(watchScientificKeys(readCsv(b), ['owner_id'], seen), …)
 */
export function watchScientificKeys(source: TabularSource, key: readonly string[], seen: KeysSeen): TabularSource {
  return {
    kind: source.kind,
    info: () => source.info(),
    async *batches() {
      let at: number[] = [];
      for await (const batch of source.batches()) {
        if (batch.columns !== undefined) at = key.map((k) => (batch.columns as readonly string[]).indexOf(k));
        for (const row of batch.rows) {
          for (let i = 0; i < key.length; i++) {
            const cell = Array.isArray(row) ? row[at[i] as number] : (row as Record<string, unknown> | null)?.[key[i] as string];
            if (typeof cell === 'string' && cell.length <= 40 && /[eE]/.test(cell) && (scientificIdentifier(cell.trim())?.digits ?? 0) >= 9) {
              seen.scientific++;
              break;
            }
          }
        }
        yield batch;
      }
    },
  };
}

/**
 * What to say of the keys each side wrote in scientific notation, one line per side that has some, when the
 * comparison left records unpaired (a key that lost its digits pairs with nothing).
 * @example scientificKeyLines(report, { source: { scientific: 0 }, copy: { scientific: 199 } }) // ['ddss: 199 keys of the copy are in scientific notation …']
 */
export function scientificKeyLines(report: ComparisonReport, seen: Readonly<Record<CompareSide, KeysSeen>>, locale: Locale = 'en'): string[] {
  if (report.counts.missing + report.counts.extra === 0) return [];
  return (['source', 'copy'] as const).flatMap((side) => {
    const n = seen[side].scientific;
    if (n === 0) return [];
    const other = side === 'source' ? 'copy' : 'source';
    return [locale === 'vi'
      ? `ddss: ${n} khóa của ${SIDE_VI[side]} ở dạng ký hiệu khoa học (1.08901E+11): bảng tính đã lưu chúng dưới dạng số và làm mất ` +
        `các chữ số cuối, nên chúng không khớp khóa nào của ${SIDE_VI[other]}; hãy xuất cột khóa của ${SIDE_VI[side]} dưới dạng văn bản`
      : `ddss: ${n === 1 ? `1 key of the ${side} is` : `${n} keys of the ${side} are`} in scientific notation (1.08901E+11): a ` +
        `spreadsheet kept ${n === 1 ? 'it as a number' : 'them as numbers'} and lost the last digits, so ${n === 1 ? 'it matches' : 'they match'} ` +
        `no key of the ${other}; export the ${side}'s key column as text`];
  });
}
