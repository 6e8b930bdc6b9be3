import { GZIP_PIPE } from '../sources/binary-input.js';

/** The end of the JSON reader's hint for NDJSON read as one document (`createJsonScanner`). */
const NDJSON_HINT = 'read it with format: "ndjson")';

/**
 * A reader's error as the command run says it: the readers' gzip error suggests piping into `ddss validate -`, which
 * is wrong advice under another command. `pipe` is the command's own (`zcat FILE | ddss profile - …`); undefined for
 * a command that cannot read standard input (`fix`), whose error then suggests `gunzip` alone. The JSON reader's
 * NDJSON hint names its option (`format: "ndjson"`): on the command line it is the flag `formatFlag` (`compare`
 * names one file's, `--input-format-copy`).
 * @example readError('decompress it first (gunzip, or `zcat FILE | ddss validate - …`)', undefined) // 'decompress it first (gunzip)'
 */
export function readError(text: string, pipe: string | undefined, formatFlag = '--input-format'): string {
  // Replaced by functions: a pipe naming a file as `$'…'` (shellArg) would read as the pattern `$'`, "what follows".
  return text.replaceAll(`, or \`${GZIP_PIPE}\``, () => (pipe === undefined ? '' : `, or \`${pipe}\``))
    .replaceAll(NDJSON_HINT, () => `read it with ${formatFlag} ndjson)`);
}


/**
 * `N rows … hold` in agreement with the count (`of` goes between noun and verb: ` of the copy`), for the lines that
 * count rows holding bytes that are not UTF-8: "1 rows hold" read as a slip in a message asking for care.
 * @example rowsHold(1) // '1 row holds'; rowsHold(3, ' of the copy') // '3 rows of the copy hold'
 */
export function rowsHold(n: number, of = ''): string {
  return n === 1 ? `1 row${of} holds` : `${n} rows${of} hold`;
}

/**
 * What to do about bytes that are not UTF-8 in a JSON input: JSON is read as UTF-8 only, and `--encoding` with it is
 * a usage error, so the hint that names it for CSV would send the user to a refused flag.
 * @example `ddss: ${rowsHold(3)} bytes that are not UTF-8; ${JSON_UTF8}`
 */
export const JSON_UTF8 = 'JSON is read as UTF-8 only: convert the file to UTF-8 from the encoding it was written in';

/** {@link JSON_UTF8} in Vietnamese, for the lines said under `--locale vi`. */
export const JSON_UTF8_VI = 'JSON chỉ được đọc dưới dạng UTF-8: hãy chuyển tệp sang UTF-8 từ mã hóa nó được ghi';

/**
 * What to do about bytes that are not UTF-8 in a CSV file read as UTF-8, in the run's language: declare the legacy
 * encoding it was written in.
 * @example `ddss: ${rowsHold(3)} bytes that are not UTF-8; ${LEGACY_ENCODING.en}`
 */
export const LEGACY_ENCODING = {
  en: 'if the file comes from a legacy system, declare its encoding: --encoding tcvn3, vni or windows-1258',
  vi: 'nếu tệp đến từ một hệ thống cũ, hãy khai báo mã hóa của nó: --encoding tcvn3, vni hoặc windows-1258',
} as const;
