/** What the lexer tells the grammar (`json-scanner.ts`). Positions are indexes in the current piece of text. */
export interface Grammar {
  /** A character outside any token (not whitespace): punctuation, or the first character of a value. */
  structural(c: number, i: number): number;
  newline(i: number): void;
  /** A string token ended just before `end` (its text is empty when the lexer is not building). */
  string(s: string, end: number, isKey: boolean): void;
  /** The text of a property name without escapes, `text[start, end)`: the grammar may reuse an equal string. */
  key(text: string, start: number, end: number): string;
  /** A number or literal ended just before `end`. */
  scalar(value: unknown, end: number): void;
  /**
   * The number about to be passed to `scalar` (its text when the lexer is building, else '') has a leading zero
   * (`079123456789`), which JSON does not allow; `offset` is the byte where it starts.
   */
  leadingZero(text: string, offset: number): void;
  /** A syntax error at `i`; returns where reading goes on (NDJSON skips the line, JSON stops). */
  fail(detail: string, i: number, atEnd?: boolean): number;
  /**
   * An escape in a string stood for a C0 control other than tab, CR and LF (`\u0000`, `\b`): `codepoint`, the escape
   * ending just before `end` and `length` characters long (all ASCII, so as many bytes).
   */
  control(codepoint: number, end: number, length: number, inKey: boolean): void;
  /** A U+FFFD that replaced invalid bytes, met inside a string. */
  invalidBytes(offset: number, inKey: boolean): void;
  /** The piece of text is consumed up to `n`, before its length is added to the offsets. */
  pieceEnd(n: number): void;
}

/**
 * The longest key kept while nothing is built (`Lexer.keys`), in UTF-16 units.
 * @example
 * if (key.length > MAX_KEPT_KEY) return; // not one to name
 */
export const MAX_KEPT_KEY = 1024;
