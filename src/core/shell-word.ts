/**
 * `text` as one word of a POSIX shell command line: as it is when it holds only letters, digits and punctuation the
 * shell leaves alone, else in single quotes. So a hint's flag can be copied as written (`--json-records 'danh sách'`).
 * A `~` inside a word is left alone by the shell, but one that starts the word, or follows `=` or `:` (bash expands
 * `a=~/x` and `PATH`-like `a:~/x` words too), is a home directory: such a word is quoted, or the file named
 * `~draft.csv` in a hint became `/root/draft.csv` when the hint was pasted.
 * @example
 * shellWord('result.items'); // 'result.items'
 * shellWord("it's"); // "'it'\\''s'"
 * shellWord('~draft.csv'); // "'~draft.csv'"
 */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_./~@%+=:,-]+$/u.test(text) && !/(?:^|[=:])~/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
