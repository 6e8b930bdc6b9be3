import type { TabularSource } from '../core/source.js';
import type { ComparisonReport } from '../compare/types.js';
import type { Locale } from '../core/types.js';
import { isDigits, scientificIdentifier } from '../../rules/vn/identifiers/_text.js';
import type { CompareSide } from './_compare-inputs.js';
import { SIDE_VI } from '../outputs/_comparison-labels.js';

/** Longest digit-only key whose length is tallied (identifiers are shorter). */
const MAX_LENGTH = 32;

/** What one input's key cells showed of a spreadsheet's handling, counted as its records go by. */
export interface KeysSeen {
  /** Keys with a cell in scientific notation (`1.08901E+11`). */
  scientific: number;
  /** Of a one-column key: digit-only keys by length (index: length), and those of them starting with `0`. */
  readonly digits: number[];
  readonly zeros: number[];
}

/** An empty tally. */
export function keysSeen(): KeysSeen {
  return { scientific: 0, digits: new Array<number>(MAX_LENGTH + 1).fill(0), zeros: new Array<number>(MAX_LENGTH + 1).fill(0) };
}

/**
 * The source with the cells of its key columns watched for what a spreadsheet does to identifiers: a cell in
 * scientific notation (`1.08901E+11`, an integer of 9 digits or more: its last digits are lost), and, for a key of one
 * column, the lengths of digit-only keys and whether they start with `0` (a numeric column drops the zero:
 * `079301123456` becomes `79301123456`). Such a key matches no key of the other file, and the comparison showed only
 * "missing" and "extra" records, their keys masked: nothing said why. The rows are untouched.
 * @example const seen = keysSeen(); await compare(watchSpreadsheetKeys(readCsv(b), ['owner_id'], seen), …)
 */
export function watchSpreadsheetKeys(source: TabularSource, key: readonly string[], seen: KeysSeen): TabularSource {
  return {
    kind: source.kind,
    info: () => source.info(),
    async *batches() {
      let at: number[] = [];
      for await (const batch of source.batches()) {
        if (batch.columns !== undefined) at = key.map((k) => (batch.columns as readonly string[]).indexOf(k));
        for (const row of batch.rows) {
          for (let i = 0; i < key.length; i++) {
            const raw = Array.isArray(row) ? row[at[i] as number] : (row as Record<string, unknown> | null)?.[key[i] as string];
            // A number (a JSON export's, a workbook's numeric cell) is its digits: 79301123456 lost its zero all the same.
            const cell = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
            if (typeof cell !== 'string' || cell.length === 0 || cell.length > 40) continue;
            // Both forms start with a digit: a key that does not (`P000000001`) costs one comparison, no more, on
            // the comparison's path (a space before one is rare, and trimmed).
            const c0 = cell.charCodeAt(0);
            if (c0 > 57 || (c0 < 48 && c0 !== 32)) continue;
            const text = c0 === 32 ? cell.trim() : cell;
            if (isDigits(text)) {
              if (key.length === 1 && text.length <= MAX_LENGTH) {
                (seen.digits[text.length] as number)++;
                if (text.charCodeAt(0) === 48) (seen.zeros[text.length] as number)++;
              }
            } else if ((text.includes('E') || text.includes('e')) && (scientificIdentifier(text.trim())?.digits ?? 0) >= 9) {
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
 * What to say of the keys a spreadsheet seems to have changed, one line per side and kind, when the comparison left
 * records unpaired: keys in scientific notation; and keys one or two digits shorter than the other file's keys that
 * start with `0`, none of its own starting with one (the zeros a numeric column drops).
 * @example spreadsheetKeyLines(report, { source: keysSeen(), copy: { ...keysSeen(), scientific: 199 } }) // ['ddss: 199 keys of the copy are in scientific notation …']
 */
export function spreadsheetKeyLines(report: ComparisonReport, seen: Readonly<Record<CompareSide, KeysSeen>>, locale: Locale = 'en'): string[] {
  if (report.counts.missing + report.counts.extra === 0) return [];
  const vi = locale === 'vi';
  return (['source', 'copy'] as const).flatMap((side) => {
    const other = side === 'source' ? 'copy' : 'source';
    const lines: string[] = [];
    const n = seen[side].scientific;
    if (n > 0) {
      lines.push(vi
        ? `ddss: ${n} khóa của ${SIDE_VI[side]} ở dạng ký hiệu khoa học (1.08901E+11): bảng tính đã lưu chúng dưới dạng số và làm mất ` +
          `các chữ số cuối, nên chúng không khớp khóa nào của ${SIDE_VI[other]}; hãy xuất cột khóa của ${SIDE_VI[side]} dưới dạng văn bản`
        : `ddss: ${n === 1 ? `1 key of the ${side} is` : `${n} keys of the ${side} are`} in scientific notation (1.08901E+11): a ` +
          `spreadsheet kept ${n === 1 ? 'it as a number' : 'them as numbers'} and lost the last digits, so ${n === 1 ? 'it matches' : 'they match'} ` +
          `no key of the ${other}; export the ${side}'s key column as text`);
    }
    const short = shorterKeys(seen[side], seen[other]);
    if (short !== undefined) {
      lines.push(vi
        ? `ddss: ${short.keys} khóa của ${SIDE_VI[side]} ngắn hơn một hoặc hai chữ số so với ${short.zeros} khóa của ${SIDE_VI[other]} ` +
          `bắt đầu bằng 0, và không khóa nào của ${SIDE_VI[side]} bắt đầu bằng 0: có thể bảng tính đã làm mất các số 0 ở đầu ` +
          `(079301123456 thành 79301123456); hãy xuất cột khóa của ${SIDE_VI[side]} dưới dạng văn bản`
        : `ddss: ${short.keys === 1 ? `1 key of the ${side} is` : `${short.keys} keys of the ${side} are`} one or two digits shorter ` +
          `than the ${short.zeros} key${short.zeros === 1 ? '' : 's'} of the ${other} that start with 0, and none of the ${side}'s keys ` +
          `starts with 0: a spreadsheet may have dropped their leading zeros (079301123456 became 79301123456); export the ` +
          `${side}'s key column as text`);
    }
    return lines;
  });
}

/**
 * The digit-only keys of `side` one or two digits shorter than lengths at which `other` has keys starting with `0`,
 * when none of `side`'s starts with one; undefined when there are none.
 */
function shorterKeys(side: KeysSeen, other: KeysSeen): { keys: number; zeros: number } | undefined {
  if (side.zeros.some((z) => z > 0)) return undefined;
  let keys = 0;
  let zeros = 0;
  const counted = new Set<number>();
  for (let length = 2; length <= MAX_LENGTH; length++) {
    const z = other.zeros[length] as number;
    if (z === 0) continue;
    zeros += z;
    for (const shorter of [length - 1, length - 2]) {
      if (shorter < 1 || counted.has(shorter)) continue;
      counted.add(shorter);
      keys += side.digits[shorter] as number;
    }
  }
  return keys === 0 ? undefined : { keys, zeros };
}
