// What a terminal would act on or hide (as `plainText` escapes it), and what a shell expands in double quotes.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF$`]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPED = /[\\'\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const NAMED: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A flag's value as a hint prints it for pasting into a shell: in double quotes as before (`"Owner ID=owner_id"`);
 * but a value holding a control, bidi or zero-width character (a header cell `Owner ID` + U+202E), a `$` or a
 * backtick is written as bash, zsh and ksh read `$'…'`, with `\uXXXX` escapes: what is shown is inert on a terminal,
 * and pasted it gives the shell back the value as it is (in double quotes, `\u202e` would be six characters).
 * @example shellArg('Owner ID\u202e=owner_id') // "$'Owner ID\\u202e=owner_id'"
 * @example shellArg('Số CCCD=owner_id') // '"Số CCCD=owner_id"'
 */
export function shellArg(text: string): string {
  if (!SPECIAL.test(text)) return JSON.stringify(text);
  return `$'${text.replace(ESCAPED, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
