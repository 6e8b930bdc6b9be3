// What a terminal would act on or hide (as `plainText` escapes it), and what a shell expands in double quotes: `$…`,
// backticks, and `!`, which an interactive bash or zsh expands from its history (`"a!!b"` pastes the last command in,
// `$(…)` and all) where it leaves `$'…'` alone.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF$`!]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPED = /[\\'\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const NAMED: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A file name or flag value as a hint prints it for pasting into a shell: in double quotes (`"Owner ID=owner_id"`);
 * but a value holding a control, bidi or zero-width character (a header cell `Owner ID` + U+202E), a `$`, a backtick
 * or a `!` is written as bash, zsh and ksh read `$'…'`, with `\uXXXX` escapes: pasted, it runs nothing (a file named
 * `$(touch x).csv` stays a name) and gives the shell back the value as it is (in double quotes, `\u202e` would be six
 * characters). What it returns holds nothing `plainText` escapes, so it is shown as it is on a terminal; escape the
 * value after quoting it, never before (`plainText` first would quote the text `\u001b`, not the ESC).
 * @example shellArg('Owner ID\u202e=owner_id') // "$'Owner ID\\u202e=owner_id'"
 * @example shellArg('Số CCCD=owner_id') // '"Số CCCD=owner_id"'
 * @example shellArg('$(touch x)`id`.csv') // "$'$(touch x)`id`.csv'"
 */
export function shellArg(text: string): string {
  if (!SPECIAL.test(text)) return JSON.stringify(text);
  return `$'${text.replace(ESCAPED, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

// What a terminal would act on or hide, as `plainText` escapes it.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ACTIVE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * A delimiter as a hint's `--delimiter` value: `tab`, a character in single quotes (`';'`: no shell expands `$`, a
 * backtick or `!` in them), or as `shellArg` writes it when single quotes cannot hold it (a `'`, a control character).
 * @example delimiterArg(';') // "';'"
 * @example delimiterArg("'") // `"'"`
 */
export function delimiterArg(d: string): string {
  if (d === '\t') return 'tab';
  return d === "'" || ACTIVE.test(d) ? shellArg(d) : `'${d}'`;
}
