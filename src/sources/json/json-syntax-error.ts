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
