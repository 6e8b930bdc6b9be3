import type { InvalidBytes, TextChunk } from './decode-utf8.js';
import { MAX_KEPT_KEY, type Grammar } from './_grammar.js';
import { N_BAD, N_E, N_END, N_INT, N_MINUS, N_ZERO, numberComplete, numberStep, numberValue } from './_number.js';

/** Lexer mode outside tokens: the grammar decides what a character means. */
export const STRUCT = 0;
const STRING = 1, ESCAPE = 2, HEX = 3, NUMBER = 4, LITERAL = 5;
/** Lexer mode in NDJSON after a problem: the rest of the line is skipped (but still counted). */
export const SKIP_LINE = 6;

const ESCAPES: Readonly<Record<number, string>> = {
  34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t',
};
const LITERALS: Readonly<Record<number, readonly [string, boolean | null]>> = {
  116: ['true', true], 102: ['false', false], 110: ['null', null],
};

/**
 * The JSON lexer: whitespace, lines, strings with escapes, numbers and literals, resumable at any character so a
 * token may be cut between pieces. It keeps exact byte offsets (`off`): each character counts as its UTF-8 length
 * and each U+FFFD that replaced invalid bytes as the bytes it replaced. Token text is built only while `build` is
 * set, so a rejected record costs no memory.
 * @example
 * const lexer = new Lexer(grammar); lexer.push(chunk); lexer.run();
 */
export class Lexer {
  mode = STRUCT;
  build = true;
  /**
   * Set by the grammar before a key whose text it needs even when not building (a wrapper object's keys, a lone
   * object's top-level keys): kept up to `MAX_KEPT_KEY` characters.
   */
  keys = false;
  /** Whether the last string's text was given whole (false: not built, or a key too long to keep). */
  kept = true;
  /** Set by the grammar when its batch is full: `run` stops at the next token. */
  pause = false;
  text = '';
  pos = 0;
  charBase = 0;
  extra = 0;
  line = 1;
  newlines = 0;
  lastNl = -1;
  private bad: readonly InvalidBytes[] = [];
  private badIdx = 0;
  private bomPending = true;
  private tokStart = 0;
  private strBuf = '';
  private isKey = false;
  /** The string being read keeps its text. */
  private keep = false;
  private hexCount = 0;
  private hexValue = 0;
  private numState = 0;
  private numBuf = '';
  /** The number has an exponent or a leading zero: it needs the careful conversion. */
  private numOdd = false;
  /** The number has a leading zero (`007`), which is not JSON; where it started, in bytes. */
  private numZero = false;
  private numStart = 0;
  private literal = '';
  private litIdx = 0;
  private litValue: boolean | null = null;

  constructor(private readonly g: Grammar) {}

  /** Byte offset of position `i` of the current piece (everything before it has been counted). */
  off(i: number): number {
    return this.charBase + i + this.extra;
  }

  push(chunk: TextChunk): void {
    this.text = chunk.text;
    this.bad = chunk.bad;
    this.badIdx = 0;
    this.pos = 0;
  }

  startString(i: number, isKey: boolean): number {
    this.mode = STRING;
    this.isKey = isKey;
    this.keep = this.kept = this.build || (isKey && this.keys);
    this.tokStart = i + 1;
    return i + 1;
  }

  /** Starts a number or literal at `c`; returns -1 when no value starts with `c`. */
  startScalar(i: number, c: number): number {
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.mode = NUMBER;
      this.numState = c === 45 ? N_MINUS : c === 48 ? N_ZERO : N_INT;
      this.numOdd = this.numZero = false;
      this.numStart = this.off(i);
      this.tokStart = i;
      return i + 1;
    }
    const lit = LITERALS[c];
    if (lit === undefined) return -1;
    this.mode = LITERAL;
    [this.literal, this.litValue] = lit;
    this.litIdx = 1;
    return i + 1;
  }

  /** Stops building token text (the record is rejected). */
  drop(): void {
    this.build = false;
    this.numBuf = '';
    // A key the grammar asked for stays kept; anything else being read is no longer built.
    if (this.keep && this.isKey && this.keys) return;
    this.keep = false;
    this.strBuf = '';
  }

  /** Reads the current piece: `true` when it is consumed, `false` when the grammar's batch is full. */
  run(): boolean {
    const g = this.g;
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    if (this.bomPending && n > 0) {
      this.bomPending = false;
      if (this.charBase === 0 && i === 0 && text.charCodeAt(0) === 0xfeff) {
        i = 1;
        this.extra += 2;
      }
    }
    while (i < n) {
      if (this.pause) {
        this.pause = false;
        this.pos = i;
        return false;
      }
      if (this.mode === STRUCT) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 13) i++;
        else if (c === 10) this.newline(i++);
        else i = g.structural(c, i);
      } else if (this.mode === STRING) i = this.string(text, i);
      else if (this.mode === NUMBER) i = this.number(text, i);
      else if (this.mode === ESCAPE) i = this.escape(text, i);
      else if (this.mode === HEX) i = this.hex(text, i);
      else if (this.mode === LITERAL) i = this.literalToken(text, i);
      else if (this.mode === SKIP_LINE) i = this.skipLine(text, i);
      else {
        this.pos = i; // stopped by a fatal error
        return true;
      }
    }
    this.endPiece(text, n);
    return true;
  }

  /** Kept out of `run` so the hot loop is optimised without this rarely run code. */
  private endPiece(text: string, n: number): void {
    if (this.keep && this.mode === STRING) this.strBuf += text.slice(this.tokStart, n);
    else if (this.build && this.mode === NUMBER) this.numBuf += text.slice(this.tokStart, n);
    // A key kept while nothing is built is bounded: a longer one is not needed to name where records are.
    if (this.keep && !this.build && this.strBuf.length > MAX_KEPT_KEY) {
      this.keep = this.kept = false;
      this.strBuf = '';
    }
    this.tokStart = 0;
    this.g.pieceEnd(n);
    this.charBase += n;
    this.text = '';
    this.pos = 0;
  }

  /** The input ended: a number at the very end is complete now. */
  finish(): void {
    if (this.mode !== NUMBER) return;
    this.mode = STRUCT;
    if (!numberComplete(this.numState)) this.g.fail('invalid number', 0, true);
    else this.g.scalar(this.numberEnded(this.numBuf), 0);
    this.numBuf = '';
  }

  /** Stops for good (a broken JSON document). */
  halt(): void {
    this.mode = -1;
  }

  /**
   * The value of a complete number token. A leading zero is told to the grammar first: the number is kept as its
   * text (`'079123456789'`, the zero of an ID is not dropped), and the reader says the file is not JSON there.
   */
  private numberEnded(text: string): number | string | undefined {
    if (this.numZero) this.g.leadingZero(this.build ? text : '', this.numStart);
    return this.build ? this.numberOf(text) : undefined;
  }

  /** Up to 15 characters without exponent or leading zero are at most 15 digits: `Number` is exact. */
  private numberOf(text: string): number | string {
    return text.length <= 15 && !this.numOdd ? Number(text) : numberValue(text);
  }

  private newline(i: number): void {
    this.line++;
    this.newlines++;
    this.lastNl = this.charBase + i;
    this.g.newline(i);
  }

  /** Counts a non-ASCII character's extra UTF-8 bytes. */
  private nonAscii(c: number, j: number): void {
    if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) this.extra += 1;
    else if (c !== 0xfffd) this.extra += 2;
    else {
      const b = this.bad[this.badIdx];
      const k = b === undefined ? -1 : j - b.pos;
      if (b === undefined || k < 0 || k >= b.count) this.extra += 2; // a real U+FFFD in the input
      else {
        this.extra += b.length - 1;
        if (k === b.count - 1) this.badIdx++;
        if (this.mode === STRING) this.g.invalidBytes(b.offset + k * b.length, this.isKey);
      }
    }
  }

  private string(text: string, i: number): number {
    const n = text.length;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c < 0x80) {
        if (c === 34 || c === 92 || c < 32) break;
      } else {
        this.nonAscii(c, j);
      }
    }
    if (j === n) return n;
    const c = text.charCodeAt(j);
    if (c === 92) {
      if (this.keep) this.strBuf += text.slice(this.tokStart, j);
      this.mode = ESCAPE;
      return j + 1;
    }
    if (c !== 34) return this.g.fail('control character in a string', j);
    let s = '';
    if (this.keep) {
      if (this.strBuf !== '') s = this.strBuf + text.slice(this.tokStart, j);
      else s = this.isKey ? this.g.key(text, this.tokStart, j) : text.slice(this.tokStart, j);
      this.strBuf = '';
      // However the text was cut into pieces, a key longer than that is not kept (see `endPiece`).
      if (!this.build && s.length > MAX_KEPT_KEY) {
        s = '';
        this.kept = false;
      }
    }
    this.mode = STRUCT;
    this.g.string(s, j + 1, this.isKey);
    return j + 1;
  }

  private escape(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === 117) {
      this.mode = HEX;
      this.hexCount = this.hexValue = 0;
      return i + 1;
    }
    const ch = ESCAPES[c];
    if (ch === undefined) return this.g.fail('invalid escape in a string', i);
    if (c === 98 || c === 102) this.g.control(ch.charCodeAt(0), i + 1, 2, this.isKey); // \b, \f
    if (this.keep) this.strBuf += ch;
    this.mode = STRING;
    this.tokStart = i + 1;
    return i + 1;
  }

  private hex(text: string, i: number): number {
    for (; i < text.length && this.hexCount < 4; i++, this.hexCount++) {
      const c = text.charCodeAt(i);
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (v < 0) return this.g.fail('expected 4 hexadecimal digits after \\u', i);
      this.hexValue = this.hexValue * 16 + v;
    }
    if (this.hexCount === 4) {
      const v = this.hexValue;
      if (v < 32 && v !== 9 && v !== 10 && v !== 13) this.g.control(v, i, 6, this.isKey);
      if (this.keep) this.strBuf += String.fromCharCode(v);
      this.mode = STRING;
      this.tokStart = i;
    }
    return i;
  }

  private number(text: string, i: number): number {
    const n = text.length;
    let j = i;
    let s = this.numState;
    for (; j < n; j++) {
      s = numberStep(this.numState, text.charCodeAt(j));
      if (s >= N_END) break;
      if (s === N_E) this.numOdd = true;
      else if (s === N_INT && this.numState === N_ZERO) this.numOdd = this.numZero = true;
      this.numState = s;
    }
    if (j === n) return n;
    if (s === N_BAD) return this.g.fail('invalid number', j);
    const value = this.numberEnded(this.build ? this.numBuf + text.slice(this.tokStart, j) : '');
    this.numBuf = '';
    this.mode = STRUCT;
    this.g.scalar(value, j);
    return j;
  }

  private literalToken(text: string, i: number): number {
    for (; i < text.length && this.litIdx < this.literal.length; i++, this.litIdx++) {
      const c = text.charCodeAt(i);
      if (c !== this.literal.charCodeAt(this.litIdx)) return this.g.fail(`invalid literal (expected ${this.literal})`, i);
    }
    if (this.litIdx === this.literal.length) {
      this.mode = STRUCT;
      this.g.scalar(this.litValue, i);
    }
    return i;
  }

  private skipLine(text: string, i: number): number {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c >= 0x80) this.nonAscii(c, j);
    }
    if (nl < 0) return end;
    this.newline(nl);
    return nl + 1;
  }
}
