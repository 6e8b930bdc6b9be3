/**
 * A JSON document that cannot be read further, with the byte offset and line where it broke.
 * @example
 * err.message; // 'ddss: invalid JSON at byte 51 (line 4): expected ',' or '}' after a property value, found "\""'
 * err.offset; // 51
 */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly line: number) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** The input ended inside the document: the commonest broken JSON, a file cut short. */
export const NOT_CLOSED = 'unexpected end of input: the document is not closed (was the file cut short?)';

/**
 * What the error after a complete document adds, by what follows it: after a lone object, another `{` is NDJSON read
 * as JSON; after an array, a `[` or `{` is a second document (two exports joined with cat), which NDJSON would not
 * read either; anything else is said by the character found.
 * @example afterDocument(false, 91) // ' (a second JSON document follows the first: were two files joined together?)'
 */
export function afterDocument(single: boolean, c: number): string {
  if (single && c === 123) return ' (is it NDJSON? read it with format: "ndjson")';
  return c === 91 || c === 123 ? ' (a second JSON document follows the first: were two files joined together?)' : '';
}
