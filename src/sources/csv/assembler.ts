import { repeatsHeader, resolveHeader, type Header, type HeaderOption } from './header.js';
import type { CsvScanner, LineEnding, ScanHandler } from './scanner.js';
import type { RowBatch, SourceIssue } from '../../core/source.js';

export interface AssemblerOptions {
  readonly header: HeaderOption;
  /** The rename of a header given as an array (a byte range of a renamed file): the array stays the line as written. */
  readonly rename?: Readonly<Record<string, string>> | undefined;
  readonly maxRecordBytes: number;
  readonly batchSize: number;
  /** The encoding in use, named in `invalid_encoding` issues. */
  readonly encoding: () => string;
  /**
   * Where the first line ending of each kind was seen. When given, `mixed_line_endings` is left to the caller:
   * a byte range of a file cannot tell whether the file as a whole mixes endings (parallel validation).
   */
  readonly onEnding?: (kind: LineEnding, line: number) => void;
}

/** Turns scanned records into row batches with their structural issues (the checks of docs/csv.md). */
export interface Assembler extends ScanHandler {
  bind(scanner: CsvScanner): void;
  /** An invalid byte sequence from the decoder: byte offset, and text index of its U+FFFD. */
  invalid(offset: number, at: number): void;
  /** New decoded text starting at text index `at`, searched for control characters. */
  text(text: string, at: number): void;
  /**
   * After the scanner consumed a piece of text: forgets the pending positions of a record being skipped as too large
   * (its own issue covers them), so noting positions never costs more than one record under the cap.
   */
  settle(): void;
  /** The end of the input: final issues (after `fileIssues`, findings about the input as a whole) and the last batch. */
  finish(fileIssues?: readonly SourceIssue[]): void;
  /** Batches completed since the last call. */
  take(): RowBatch[];
  /** Physical data records so far (evaluated, blank and rejected; not the header). */
  readonly records: number;
  /** Why the input could not be read completely, if so. */
  readonly error: string | undefined;
  /** Reading further is pointless (the header could not be read). */
  readonly stopped: boolean;
}

/** C0 controls other than tab, LF and CR. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_RUN = /[\0-\x08\x0B\x0C\x0E-\x1F]+/g;

/**
 * Creates the assembler. Each data record becomes an evaluated row (a positional array: missing cells are absent,
 * never `""`; extra cells are cut off and counted), a blank row, or a rejected record, so that
 * records = rows + blank rows + rejected records (QUALITY.md invariant 5).
 * @example const asm = createAssembler({ header: true, maxRecordBytes: 1 << 20, batchSize: 2048, encoding: () => 'utf8' });
 */
export function createAssembler(o: AssemblerOptions): Assembler {
  let scanner: CsvScanner | undefined;
  let header: Header | undefined = Array.isArray(o.header) ? resolveHeader(o.header as readonly string[], o.rename ?? o.header, undefined) : undefined;
  /** The header's cells as written (before a rename), which a repeated header line holds; and its first cell. */
  let headerCells: readonly string[] = Array.isArray(o.header) ? o.header as readonly string[] : [];
  let lead = headerCells[0] ?? '';
  let columnsSent = false;
  let ncol = header?.columns.length ?? 0;
  let rows: string[][] = [];
  let lines: number[] = [];
  let issues: SourceIssue[] = header === undefined ? [] : [...header.issues];
  const ready: RowBatch[] = [];
  let records = 0;
  let error: string | undefined;
  let stopped = false;
  let sentAny = false;
  /** Physical lines of the records handled so far (frozen once stopped). */
  let linesRead = 0;
  // Pending positions (global text indexes) of invalid bytes and control characters, in text order. Only the first of
  // a run of adjacent ones is noted: a run never crosses a delimiter or a line break, so it lies in one cell, and a
  // cell's issue names only its first invalid byte (and only whether a record holds a control character matters).
  // Positions are noted before the scanner sees the text, so a record being skipped is forgotten by `settle`.
  const badAt: number[] = [];
  const badOffset: number[] = [];
  let badHead = 0;
  const ctrlAt: number[] = [];
  let ctrlHead = 0;
  /** End of the last run of invalid bytes (text index after its last U+FFFD), and of control characters. */
  let badEnd = -1;
  let ctrlEnd = -1;
  const endings: LineEnding[] = [];
  let mixedLine = 0;

  function flush(final: boolean): void {
    if (!final && rows.length + issues.length < o.batchSize) return;
    if (final && sentAny && rows.length === 0 && issues.length === 0) return;
    const batch: { -readonly [K in keyof RowBatch]: RowBatch[K] } = { rows, lines, linesRead };
    if (header !== undefined && !columnsSent) {
      batch.columns = header.columns;
      columnsSent = true;
    }
    if (issues.length > 0) batch.issues = issues;
    ready.push(batch);
    sentAny = true;
    rows = [];
    lines = [];
    issues = [];
  }

  /** Drops pending positions before `start`; returns how many fall in [start, end). */
  function pending(at: number[], head: number, start: number, end: number): [head: number, count: number] {
    let h = head;
    while (h < at.length && (at[h] as number) < start) h++;
    let n = 0;
    while (h + n < at.length && (at[h + n] as number) < end) n++;
    return [h, n];
  }

  function compact(): void {
    if (badHead > 1024 && badHead * 2 > badAt.length) {
      badAt.splice(0, badHead);
      badOffset.splice(0, badHead);
      badHead = 0;
    }
    if (ctrlHead > 1024 && ctrlHead * 2 > ctrlAt.length) {
      ctrlAt.splice(0, ctrlHead);
      ctrlHead = 0;
    }
  }

  /** Invalid bytes and control characters of a record: issues on its cells (row scope, or header scope). */
  function cellIssues(cells: readonly string[], line: number, start: number, end: number, index: number | undefined): void {
    if (badHead >= badAt.length && ctrlHead >= ctrlAt.length) return;
    const names = (header as Header).columns;
    // Header cells have codes of their own, so a bad header never shares (and skews) the row rule's counts.
    const scope = index === undefined ? 'header' : 'row';
    const prefix = index === undefined ? 'header_' : '';
    const at = index === undefined ? {} : { index };
    const [bh, bn] = pending(badAt, badHead, start, end);
    let last = -1;
    for (let k = 0; k < bn; k++) {
      const cell = (scanner as CsvScanner).cellAt(badAt[bh + k] as number);
      if (cell === last) continue;
      last = cell;
      issues.push({ code: `${prefix}invalid_encoding`, criterion: 'clean', severity: 'error', scope, ...at, line,
        ...fieldOf(names, cell, cells), params: { offset: badOffset[bh + k], encoding: o.encoding(), column: cell + 1 } });
    }
    badHead = bh + bn;
    const [ch, cn] = pending(ctrlAt, ctrlHead, start, end);
    ctrlHead = ch + cn;
    if (cn > 0) {
      cells.forEach((value, cell) => {
        const m = CONTROL.exec(value);
        if (m === null) return;
        const codepoint = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        issues.push({ code: `${prefix}control_character`, criterion: 'clean', severity: 'error', scope, ...at, line,
          ...fieldOf(names, cell, cells), params: { codepoint, column: cell + 1 } });
      });
    }
    compact();
  }

  /** Forgets pending positions inside a record that is not evaluated (its own issue covers them). */
  function skip(start: number, end: number): void {
    const [bh, bn] = pending(badAt, badHead, start, end);
    badHead = bh + bn;
    const [ch, cn] = pending(ctrlAt, ctrlHead, start, end);
    ctrlHead = ch + cn;
    compact();
  }

  return {
    bind(s) {
      scanner = s;
    },
    invalid(offset, at) {
      if (at !== badEnd) {
        badAt.push(at);
        badOffset.push(offset);
      }
      badEnd = at + 1;
    },
    text(text, at) {
      if (!CONTROL.test(text)) return;
      CONTROL_RUN.lastIndex = 0;
      for (let m = CONTROL_RUN.exec(text); m !== null; m = CONTROL_RUN.exec(text)) {
        if (at + m.index !== ctrlEnd) ctrlAt.push(at + m.index);
        ctrlEnd = at + m.index + m[0].length;
      }
    },
    settle() {
      if (scanner?.skipping !== true) return;
      // Every record before the skipped one has been handled, so whatever is pending lies inside it.
      badAt.length = badOffset.length = ctrlAt.length = 0;
      badHead = ctrlHead = 0;
    },
    record(cells, line, start, end, unbalanced, stray) {
      if (stopped) return;
      linesRead = (scanner as CsvScanner).lines;
      if (header === undefined) {
        header = resolveHeader(cells, o.header, line);
        headerCells = cells;
        lead = cells[0] ?? '';
        ncol = header.columns.length;
        // One by one: a header of 250,000 repeated names has as many issues, past what a call's arguments can hold.
        for (const issue of header.issues) issues.push(issue);
        // A quote not doubled in a header cell (`"parcel_id"x`, read `parcel_idx`): the column's name is a guess, and
        // the missing column it causes would otherwise be the only sign of it.
        if (stray !== undefined) {
          for (const cell of stray) {
            issues.push({ code: 'header_stray_quote', criterion: 'clean', severity: 'error', scope: 'header', line,
              params: { column: cell + 1, name: cells[cell] ?? '' } });
          }
        }
        cellIssues(header.columns, line, start, end, undefined);
        return;
      }
      records++;
      if (isBlank(cells)) {
        skip(start, end);
        issues.push({ code: 'blank_row', criterion: 'clean', severity: 'warning', scope: 'record', line });
        flush(false);
        return;
      }
      // The header line again (files joined, a report exported page by page) names no subject of the register: not
      // evaluated, a rejected record. Only a record starting like the header is compared whole.
      const first = cells[0] as string;
      if ((first === lead || first.charCodeAt(0) === 0xfeff) && repeatsHeader(cells, headerCells)) {
        skip(start, end);
        issues.push({ code: 'repeated_header', criterion: 'clean', severity: 'error', scope: 'record', line });
        flush(false);
        return;
      }
      const index = rows.length;
      const n = cells.length;
      const names = header.columns;
      // A record of the wrong width that runs over several lines (a quoted value holds line breaks) may have read the
      // records on those lines into it: a quote not closed where it should be closes at the next record's quoted
      // value. Its findings say how many lines it ran over (`spans`, relative, so a worker range's is right too).
      // Only records with something to say build anything: this runs for every row.
      if (n !== ncol) {
        const span = linesRead > line ? { spans: linesRead - line } : undefined;
        for (let k = n; k < ncol; k++) {
          issues.push({ code: 'missing_cell', criterion: 'sufficient', severity: 'error', scope: 'row', index, line,
            ...named(names[k] as string), params: { cells: n, columns: ncol, column: k + 1, ...span } });
        }
        if (n > ncol) {
          issues.push({ code: 'extra_cell', criterion: 'clean', severity: 'error', scope: 'row', index, line,
            params: { cells: n, columns: ncol, column: ncol + 1, ...span } });
        }
      }
      // A quoted value over several lines with text after its closing quote: the records on those lines were most likely
      // read into it (a quote not closed in time), whatever the record's width came to.
      if (unbalanced !== undefined) {
        for (const cell of unbalanced) {
          issues.push({ code: 'unbalanced_quote', criterion: 'sufficient', severity: 'error', scope: 'row', index, line,
            ...fieldOf(names, cell, cells), params: { column: cell + 1, spans: linesRead - line } });
        }
      }
      // Text after a quoted value's closing quote on one line (`"ab"cd`): a quote inside the value not doubled. The
      // cell is read as spreadsheets read it (`abcd`), which may not be the value meant (`"Nhà "Hoa Mai" Q1"`), so it
      // is said, not passed over.
      if (stray !== undefined) {
        for (const cell of stray) {
          issues.push({ code: 'stray_quote', criterion: 'clean', severity: 'error', scope: 'row', index, line,
            ...fieldOf(names, cell, cells), params: { column: cell + 1 } });
        }
      }
      cellIssues(cells, line, start, end, index);
      if (n > ncol) cells.length = ncol;
      rows.push(cells);
      lines.push(line);
      flush(false);
    },
    rejected(code, line, start, end, open) {
      if (stopped) return;
      linesRead = (scanner as CsvScanner).lines;
      skip(start, end);
      records++;
      // The lines it ran over (`spans`): a quote opened in it and closed lines later read the records on them into it,
      // and they were not read either; the finding said only "larger than … and was not read".
      const spans = linesRead - line;
      issues.push({ code, criterion: 'sufficient', severity: 'error', scope: 'record', line,
        ...(code === 'record_too_large' ? { params: { maxBytes: o.maxRecordBytes, ...(spans > 0 ? { spans } : {}) } } : {}) });
      if (header === undefined) {
        header = resolveHeader([], o.header, undefined);
        stopped = true;
        error = `the header record at line ${line} could not be read (${code})`;
      } else if (open && code === 'record_too_large') {
        error = `the record at line ${line} is larger than ${o.maxRecordBytes} bytes and the input ends inside its ` +
          'quoted value, so the records after it cannot be found';
      }
      flush(false);
    },
    ending(kind, line) {
      if (stopped) return;
      if (o.onEnding !== undefined) return o.onEnding(kind, line);
      endings.push(kind);
      if (endings.length === 2) mixedLine = line;
    },
    finish(fileIssues = []) {
      issues.push(...fileIssues);
      if (endings.length > 1) {
        // No `line` field: a file-level finding comes after every row, wherever batches or worker ranges were cut;
        // the line where the second kind first appears is in the params.
        issues.push({ code: 'mixed_line_endings', criterion: 'clean', severity: 'warning', scope: 'file',
          params: { endings: endings.join(', '), line: mixedLine } });
      }
      flush(true);
    },
    take() {
      return ready.splice(0, ready.length);
    },
    get records() {
      return records;
    },
    get error() {
      return error;
    },
    get stopped() {
      return stopped;
    },
  };
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

/** The field of an issue: the column's name, unless it is blank (then `params.column` tells which). */
function named(name: string): { field?: string } {
  return name.trim() === '' ? {} : { field: name };
}

/** Field and value of the cell an issue is about; a cell beyond the header (an extra cell) has no field. */
function fieldOf(names: readonly string[], cell: number, cells: readonly string[]): { field?: string; value?: string } {
  const value = cells[cell];
  if (cell >= names.length) return {};
  return { ...named(names[cell] as string), ...(value === undefined ? {} : { value }) };
}
