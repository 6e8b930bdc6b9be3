/**
 * `text` as one word of a POSIX shell command line: as it is when it holds only letters, digits and punctuation the
 * shell leaves alone, else in single quotes. So a hint's flag can be copied as written (`--json-records 'danh sách'`).
 * @example
 * shellWord('result.items'); // 'result.items'
 * shellWord("it's"); // "'it'\\''s'"
 */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_./~@%+=:,-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
