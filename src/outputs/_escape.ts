/**
 * Escaping for every text output. Each function is total: any string (control characters, lone surrogates, markup)
 * comes out inert for its target syntax.
 */

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// What a browser would hide or act on in text: C0 controls but tab and line breaks, DEL, C1, the bidi marks,
// embeddings, overrides and isolates (U+202E shows the rest of a value reversed), and the zero-width characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Escapes text for HTML element content and quoted attribute values. Control, bidi and zero-width characters are
 * shown as `\uXXXX`, as the terminal and JUnit outputs show them: a page must show what the data holds, not
 * `abclive` for `abc` + U+202E + `evil`, nor an ESC no one can see.
 * @example escapeHtml('<b title="x">\u202e') // '&lt;b title=&quot;x&quot;&gt;\\u202e'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] as string)
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`: `<`, `>`, `&` and the JS line
 * separators become `\uXXXX`, so no `</script>` or `<!--` can end or alter the block; so do the characters
 * `escapeHtml` shows escaped (C1 controls, bidi and zero-width ones: `jsonText`), so the page's source hides none.
 * Every JSON parser reads the same value back.
 * @example scriptJson({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  return jsonText(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// What a terminal, pager or editor acts on or hides in JSON text and `JSON.stringify` leaves raw (it escapes C0 only):
// DEL and the C1 controls (U+009B is CSI to many terminals, so a value can move the cursor or recolour the screen),
// the line separators U+2028/U+2029 (Python's `splitlines` and log shippers end a line at them), the bidi marks,
// embeddings, overrides and isolates (U+202E shows the rest of a line reversed), and the zero-width characters. Outside
// its strings JSON text holds none of them, so each is inside a string, where `\uXXXX` is the same character.
const JSON_ACTIVE = /[\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Serialises a value as JSON text (`indent`: spaces, as `JSON.stringify`'s) that shows as it is when a file is `cat`
 * to a terminal or opened in a viewer: DEL, C1 controls, U+2028/U+2029, bidi controls and zero-width characters are
 * written `\uXXXX`, as `JSON.stringify` writes C0 controls. Reversible: `JSON.parse` gives back the same value.
 * @example jsonText({ a: 'x\u009b2Jy\u202e' }) // '{"a":"x\\u009b2Jy\\u202e"}'
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_ACTIVE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Serialises a value as one NDJSON line, newline included, as {@link jsonText}: U+2028 and U+2029, legal raw in
 * JSON, would cut a record in two for readers that end lines at them (an address, a message quoting it), and C1,
 * bidi and zero-width characters would act on or hide in a terminal showing the file.
 * @example jsonLine({ a: 'x\u2028y' }) // '{"a":"x\\u2028y"}\n'
 */
export function jsonLine(value: unknown): string {
  return `${jsonText(value)}\n`;
}

// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: everything else
// (C0 controls, U+FFFE/U+FFFF, unpaired surrogates) is a fatal parse error even as a character reference.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML 1.0 element content. Characters XML cannot carry, and the C1 controls, bidi and zero-width
 * characters, are written visibly as `\uXXXX` (the defect stays readable), and CR becomes `&#13;` so parsers do not turn it into LF.
 * @example escapeXml('a<b\u0000') // 'a&lt;b\\u0000'
 */
export function escapeXml(text: string): string {
  return visibleXml(text).replace(/[&<>\r]/g, (c) => XML[c] as string);
}

/**
 * Escapes text for a double- or single-quoted XML 1.0 attribute: as `escapeXml`, plus quotes, and tab/LF/CR as
 * character references so attribute-value normalisation keeps them.
 * @example escapeXmlAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 */
export function escapeXmlAttribute(text: string): string {
  return visibleXml(text).replace(/[&<>"'\t\n\r]/g, (c) => XML[c] as string);
}

function visibleXml(text: string): string {
  // What XML can hold but a CI page renders hidden or reordered (C1 controls, bidi, zero-width) is shown as the page
  // of `escapeHtml` shows it: a failure message must show what the data holds.
  return text.replace(XML_ILLEGAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const XML: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

// Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, the line separators; the bidi marks,
// embeddings, overrides and isolates (U+202E shows the rest of a line reversed: `Trojan Source`); and the invisible
// format characters (zero-width space and joiners, word joiner, byte order mark), which make two names look alike.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ACTIVE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Makes text safe for a terminal: control characters (ESC of ANSI sequences, BEL, C1, DEL), line breaks, bidi
 * controls and zero-width characters are shown as `\uXXXX` or `\n`, so data can neither move the cursor, recolour
 * the screen, reorder what is shown, hide in a look-alike nor forge extra summary lines.
 * @example plainText('a\u001b[31mb\nc\u202e') // 'a\\u001b[31mb\\nc\\u202e'
 */
export function plainText(text: string): string {
  return text.replace(ACTIVE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// What `plainText` shows escaped but a CSV cell may hold as data: tab, LF and CR before LF (a line break inside a
// quoted cell, which a spreadsheet shows as one and a terminal only moves down for). A CR alone returns the cursor to
// the start of the line, so text after it overwrites what came before: shown escaped. With them, runs of backslashes
// (see `csvText`).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CSV_ACTIVE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\r(?!\n)|\\+/g;
// What, right after a run of backslashes, would read as an escape: a character `csvText` escapes, or text of the
// form of one (`u` and four hexadecimal digits, `r`).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPE_AHEAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\r(?!\n)|u[0-9a-fA-F]{4}|r/y;

/**
 * Makes a CSV cell's text safe for a terminal (`cat violations.csv`, `head grades.csv`) as `plainText` does for text:
 * ESC, BEL, C1 controls, bidi and zero-width characters are shown as `\uXXXX` (a CR alone as `\r`), so a value such
 * as `\u001b[31mRED` or `\u001b]0;TITLE\u0007` can neither recolour the screen nor retitle the window; tabs and line
 * breaks stay, being data a quoted cell carries. Reversible (`csvTextValue`), so a violations file read back as a
 * baseline has its values exactly: backslashes right before what would read as an escape (an escaped character, or
 * the text `u` + four hexadecimal digits or `r`) are doubled, so a value holding the text `\u001b` is written
 * `\\u001b`; any other backslash (`C:\data`, `^\d{12}$`) is written as it is. Formula guarding (`safeCell`) comes after.
 * @example csvText('a\u001b[31mb\r\nc\u202e') // 'a\\u001b[31mb\r\nc\\u202e'
 */
export function csvText(text: string): string {
  return text.replace(CSV_ACTIVE, (c: string, at: number) => {
    if (c.startsWith('\\')) {
      ESCAPE_AHEAD.lastIndex = at + c.length;
      return ESCAPE_AHEAD.test(text) ? c + c : c;
    }
    return c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The text `csvText` was given, from what it wrote: `\uXXXX` and `\r` are the characters again, and a run of
 * backslashes before such an escape holds half as many (an odd run ends with the escape's own backslash).
 * @example csvTextValue('a\\u001b[31m \\\\u001b') // 'a\u001b[31m \\u001b'
 */
export function csvTextValue(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/(\\+)(u[0-9a-fA-F]{4}|r)?/g, (run: string, slashes: string, tail: string | undefined) => {
    if (tail === undefined) return run;
    const kept = '\\'.repeat(slashes.length >> 1);
    if (slashes.length % 2 === 0) return kept + tail;
    return kept + (tail === 'r' ? '\r' : String.fromCharCode(parseInt(tail.slice(1), 16)));
  });
}

// The one sequence ddss itself sends to a terminal on stderr: the progress line's "back to the start, erase".
const ERASE_LINE = '\r\u001b[K';

/**
 * Makes stderr text safe for a terminal whatever a message quotes (a file name, a header cell, a value in a hint):
 * each line as `plainText` shows it, keeping the line breaks, and the progress line's erase sequence where ddss
 * writes it, at the start of a write (anywhere else it is quoted data, and would wipe the line printed so far). So a
 * message that forgot to escape what it quotes still cannot act on the terminal. Text already safe comes out unchanged.
 * @example terminalLines('cannot read "a\u001b[2J.csv"\n') // 'cannot read "a\\u001b[2J.csv"\n'
 */
export function terminalLines(text: string): string {
  const erase = text.startsWith(ERASE_LINE) ? ERASE_LINE : '';
  return erase + text.slice(erase.length).split('\n').map(plainText).join('\n');
}

// U+2060 WORD JOINER: invisible and zero-width. GFM links bare `http://…`, `www.…` and `a@b.c` wherever they occur in
// text, and no backslash or entity escape stops it (cmark-gfm joins adjacent text before finding e-mail addresses),
// so an invisible character goes where the link would start: after `:` of `://`, before `.` of `www.`, after `@`.
const WJ = '\u2060';

/**
 * Escapes inline Markdown text (never placed at the start of a line): line breaks are shown as `\n`, every character
 * with an inline meaning in CommonMark/GFM (emphasis, code, links, images, HTML, entities, table pipes,
 * strike-through, math) is backslash-escaped, and GFM autolinks (`https://…`, `www.…`, `a@b.c`, `mailto:`) and
 * `@mentions` are broken by an invisible word joiner, so they render as the plain text they are.
 * @example markdownText('a|b *c* www.x.vn') // 'a\\|b \\*c\\* www\u2060.x.vn'
 */
export function markdownText(text: string): string {
  return plainText(text).replace(/[\\`*_[\]<>|&~$]/g, '\\$&')
    .replace(/:\/\//g, `:${WJ}//`).replace(/(www)\./gi, `$1${WJ}.`).replace(/@/g, `@${WJ}`);
}

/**
 * Writes text as a Markdown code span, where GFM makes no links and no markup: the fence is longer than any
 * backtick run inside and line breaks are shown as `\n`. In a GFM table cell (`cell: true`) pipes are escaped, as
 * GFM requires even in code; elsewhere they are not, since a backslash in a code span outside a table shows.
 * @example markdownCode('a|b', { cell: true }) // '`a\\|b`'
 */
export function markdownCode(text: string, options: { readonly cell?: boolean } = {}): string {
  const plain = plainText(text);
  const body = options.cell === true ? plain.replace(/\|/g, '\\|') : plain;
  if (body === '') return '';
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
