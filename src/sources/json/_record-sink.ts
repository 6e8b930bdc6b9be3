import type { RowBatch, SourceIssue } from '../../core/source.js';
import { MAX_RECORD_KEYS } from '../../core/columns.js';

/** The kind of JSON value a record is; only `object` records become rows. */
export type RecordKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/**
 * A batch stops growing at this many rows plus issues, so memory does not depend on how chunks fall.
 * @example
 * if (sink.size >= MAX_BATCH) lexer.pause = true;
 */
export const MAX_BATCH = 4096;

/** Distinct top-level keys tracked as columns; past it (a hostile file) later new keys are not listed. */
const MAX_COLUMNS = MAX_RECORD_KEYS;

/**
 * Collects rows, their physical lines and structural issues into `RowBatch`es. Row issues name their row by its
 * index in the batch, as the engine expects; record issues name only a line.
 * @example
 * sink.note('duplicate_key', 'clean', { key: 'a' }, 'a'); sink.row(record, 3); sink.take(3);
 */
export class RecordSink {
  private rows: unknown[] = [];
  private lines: number[] = [];
  private issues: SourceIssue[] = [];
  private notes: SourceIssue[] = [];
  /** With `track`: the byte offset where each row, and each rejected record, began (`undefined` for row issues). */
  private rowStarts: number[] | undefined;
  private issueStarts: (number | undefined)[] | undefined;
  /** Where the record being emitted began (set by the scanner before `row` or `reject`). */
  start = 0;
  /** A batch closed before a rejected record that shares a line with the rows before it (see `reject`). */
  private ready: JsonRowBatch | undefined;
  /**
   * The top-level keys of every row so far, in the order first seen: the source's columns, handed out with the next
   * batch when a row brought a new one. Why: JSON has no header, so a validator saw no columns, and a property renamed
   * in the export (a declared field in no record) or one the definition does not declare passed without a word.
   */
  private readonly seen = new Set<string>();
  private fresh = false;

  constructor(track = false) {
    if (track) {
      this.rowStarts = [];
      this.issueStarts = [];
    }
  }

  get size(): number {
    return this.rows.length + this.issues.length + (this.ready === undefined ? 0 : this.ready.rows.length + (this.ready.issues?.length ?? 0));
  }

  /** Whether a batch was closed early and should be taken before more records are read. */
  get cut(): boolean {
    return this.ready !== undefined;
  }

  /** Notes an issue of the record being read; it is kept if the record becomes a row. */
  note(code: string, criterion: SourceIssue['criterion'], params: Record<string, unknown>, field?: string,
    severity: SourceIssue['severity'] = 'error', value?: string, suggestion?: string): void {
    this.notes.push({ code, criterion, severity, scope: 'row', ...(field === undefined ? {} : { field }),
      ...(value === undefined ? {} : { value }), params, ...(suggestion === undefined ? {} : { suggestion }) });
  }

  /** Adds an evaluated row with the issues noted while reading it (their `index` is filled in here). */
  row(value: Record<string, unknown>, line: number): void {
    const index = this.rows.length;
    if (this.seen.size < MAX_COLUMNS) {
      for (const key in value) {
        if (!this.seen.has(key)) {
          this.seen.add(key);
          this.fresh = true;
        }
      }
    }
    this.rows.push(value);
    this.lines.push(line);
    this.rowStarts?.push(this.start);
    for (const issue of this.notes) {
      this.issues.push({ ...issue, index, line });
      this.issueStarts?.push(undefined);
    }
    this.notes.length = 0;
  }

  /** Adds a physical record that is not evaluated; what was noted about it is dropped. */
  reject(code: string, criterion: SourceIssue['criterion'], line: number, params: Record<string, unknown>,
    value?: string, suggestion?: string): void {
    this.notes.length = 0;
    // The engine places a record issue before the batch's rows of its line and after, so one that follows rows on
    // its own line (records of a one-line array) starts a new batch: findings stay in file order, however the
    // input is cut into batches (and into shards).
    if (this.ready === undefined && this.lines.length > 0 && this.lines[this.lines.length - 1] === line) this.ready = this.take(0);
    this.issues.push({ code, criterion, severity: 'error', scope: 'record', line, params,
      ...(value === undefined ? {} : { value }), ...(suggestion === undefined ? {} : { suggestion }) });
    this.issueStarts?.push(this.start);
  }

  /** Everything collected since the last call. */
  take(linesRead: number): JsonRowBatch {
    if (this.ready !== undefined) {
      const early = this.ready;
      this.ready = undefined;
      return { ...early, linesRead };
    }
    const columns = this.fresh ? { columns: [...this.seen] } : {};
    this.fresh = false;
    const batch: JsonRowBatch = { rows: this.rows, lines: this.lines, linesRead, ...columns,
      ...(this.issues.length === 0 ? {} : { issues: this.issues }),
      ...(this.rowStarts === undefined ? {} : { starts: { rows: this.rowStarts, issues: this.issueStarts ?? [] } }) };
    this.rows = [];
    this.lines = [];
    this.issues = [];
    if (this.rowStarts !== undefined) {
      this.rowStarts = [];
      this.issueStarts = [];
    }
    return batch;
  }
}

/** A batch of the scanner; with `starts: true`, where each row and each issue's record began (byte offsets). */
export interface JsonRowBatch extends RowBatch {
  readonly starts?: { readonly rows: readonly number[]; readonly issues: readonly (number | undefined)[] };
}

/**
 * A stack of one bit per nesting level (object or array), so skipping a rejected record costs depth/8 bytes.
 * @example
 * types.set(0, true); types.isObject(0); // true
 */
export class BitStack {
  private bits = new Uint8Array(16);

  set(level: number, isObject: boolean): void {
    const byte = level >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (level & 7);
    this.bits[byte] = isObject ? (this.bits[byte] as number) | mask : (this.bits[byte] as number) & ~mask;
  }

  isObject(level: number): boolean {
    return (((this.bits[level >> 3] as number) >> (level & 7)) & 1) === 1;
  }
}

/**
 * Property names, so every record holds the same string for the same name: cheaper property stores, and no name
 * keeps a 64 KiB piece of input alive. Records usually repeat the previous record's top-level keys in order, so
 * those are compared in place, without slicing a new string. Bounded: rare or long names are not kept.
 * @example
 * names.top(text, start, end, 0) ?? names.name(text.slice(start, end), 0);
 */
export class KeyNames {
  private readonly known = new Map<string, string>();
  private readonly shape: string[] = [];

  /** The name at `ordinal` in the previous record, if `text[start, end)` is that name. */
  top(text: string, start: number, end: number, ordinal: number): string | undefined {
    const expected = this.shape[ordinal];
    if (expected === undefined || expected.length !== end - start) return undefined;
    for (let k = 0; k < expected.length; k++) {
      if (expected.charCodeAt(k) !== text.charCodeAt(start + k)) return undefined;
    }
    return expected;
  }

  /** The kept string equal to `name`; `ordinal` is its place among a record's top-level keys, if it is one. */
  name(name: string, ordinal?: number): string {
    const previous = ordinal === undefined ? undefined : this.shape[ordinal];
    if (previous === name) return previous;
    let known = this.known.get(name);
    if (known === undefined) {
      if (this.known.size >= 4096 || name.length > 256) return name;
      known = JSON.parse(JSON.stringify(name)) as string; // a copy, not a slice of the input piece
      this.known.set(known, known);
    }
    if (ordinal !== undefined) this.shape[ordinal] = known;
    return known;
  }
}

/**
 * The kind of JSON value that starts with character code `c`.
 * @example
 * kindOf(0x5b); // 'array'
 */
export function kindOf(c: number): RecordKind {
  switch (c) {
    case 123: return 'object';
    case 91: return 'array';
    case 34: return 'string';
    case 116:
    case 102: return 'boolean';
    case 110: return 'null';
    default: return 'number';
  }
}

/**
 * Whether a JSON value can start with character code `c`.
 * @example
 * startsValue(0x7b); // true
 */
export function startsValue(c: number): boolean {
  return c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
}

/** Characters that show as nothing, or as a plain space: format characters, spaces other than U+0020, unassigned. */
const INVISIBLE = /^[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cn}\p{Co}]$/u;

/**
 * A character for an error message: quoted and escaped, so control characters are visible; one that shows as nothing
 * or as a plain space is named by its code point (a byte order mark opening a line of two NDJSON files joined with
 * cat was `found "\uFEFF"` printed as `found ""`).
 * @example
 * showChar('a\nb', 1); // '"\\n"'
 * showChar('\uFEFF{', 0); // 'U+FEFF (a byte order mark: were two files joined together?)'
 */
export function showChar(text: string, i: number): string {
  const c = text.codePointAt(i);
  if (c === undefined) return 'the end of the input';
  const s = String.fromCodePoint(c);
  if (c === 32 || !INVISIBLE.test(s)) return JSON.stringify(s);
  const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return c === 0xfeff ? `${code} (a byte order mark: were two files joined together?)` : code;
}
