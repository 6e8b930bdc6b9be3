import { DEFAULT_MISSING_VALUES } from '../../../src/core/missing.js';

/** First and last year of the generated `00/00/yyyy` placeholders. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

function zeroDays(): string[] {
  const out: string[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.push(`00/00/${y}`);
  return out;
}

/**
 * Placeholders that Vietnamese systems write for "unknown" and that count as missing (DOMAIN-VN §1, §6, §7), for a
 * dataset's `missingValues`: the core defaults (`NULL`, `null`, `N/A`, `n/a`, `#N/A`), `-`, the placeholder dates
 * `00/00/0000`, `01/01/1900`, every `00/00/yyyy` for 1900–2099 (a known year, unknown day and month), and their
 * `yyyyMMdd` / ISO forms (`00000000`, `19000101`, `1900-01-01`), `1/1/1900` unpadded, and the first day of year 1
(`01/01/0001`, `1/1/0001`, `0001-01-01`, `00010101`): the smallest date of .NET and SQL Server's `datetime2`, which
systems built on them write for an empty date, and which no date rule would otherwise question. Tokens are compared exactly after trimming; `0` is
 * not included because it is a real value in numeric columns (add it per field with `.missing(['0'])`).
 * @example defineDataset({ name: 'parcels', fields, missingValues: VN_MISSING_VALUES })
 */
export const VN_MISSING_VALUES: readonly string[] = Object.freeze([
  ...DEFAULT_MISSING_VALUES, '00/00/0000', '01/01/1900', ...zeroDays(), '00000000', '19000101', '1900-01-01',
  '1/1/1900', '01/01/0001', '1/1/0001', '0001-01-01', '00010101',
]);
