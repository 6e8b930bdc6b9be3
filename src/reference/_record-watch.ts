import { renderMessage } from '../core/message.js';
import type { SourceIssue } from '../core/source.js';

/** What a reference's source said about records it could not read (whole), and the refusal it makes of the table. */
export interface RecordWatch {
  /** The columns the table reads (key and kept columns), once the header is known: cell problems elsewhere lose nothing. */
  use(columns: readonly string[]): void;
  /** Give it every issue the source reports (`openSide`'s watch). */
  issue(issue: SourceIssue): void;
  /**
   * Give it each object record (JSON) without a property the table reads: as a CSV row without that cell, its key is
   * not in the table (or its kept cell is not the record's), so the record was not read whole. `row`: 0-based.
   */
  absent(field: string, row: number, line: number | undefined): void;
  /** Why the table cannot be used, when some record of the source could not be read whole (or not unambiguously). */
  lost(): string | undefined;
}

/** The code an object record without a read property is told by (no reader reports it: the reference finds it). */
const ABSENT = 'absent_property';

/**
 * Cell problems that leave a cell the table reads without its value (the cell is absent or holds no value), or with
 * a value that is a guess (`stray_quote`: `"00108"9012345` read as `001089012345`, perhaps not the key meant).
 */
const UNREAD_CELL = new Set(['missing_cell', 'error_cell', 'formula_without_value', 'stray_quote']);

/** Issues of one kind: how many records (or header columns) they touch, and the first. */
interface Tally {
  count: number;
  first: SourceIssue | undefined;
  /** One row may report several issues of a kind (two missing cells): it is one record. */
  last: string | undefined;
}

/**
 * Watches reference `name` for records its reader could not read whole. A record it drops (larger than the record
 * cap, an unclosed quote, a line that is not JSON, a quote not closed in time that read the next records into one
 * value: `unbalanced_quote`), a row whose cells do not line up with the header (extra cells:
 * any cell may have moved, the key too), or a row without a key or kept cell leaves its key out of the table (or
 * holds the wrong one), so every checked row naming that key would get a confident but false `not_in_reference`
 * (`not_in_register`); so does a JSON record without a property the table reads (`absent`), as a CSV row without
 * that cell. The table is refused, as one in the wrong encoding is, naming the first such record's line
 * and how many there are; the reference must be mended, not judged against in part. So is a reference that says two
 * things where the table reads one: a header naming a column it reads twice (`duplicate_header`: the table reads the
 * first, the export may have meant the second) or a JSON record holding such a property twice (`duplicate_key`: the
 * last is kept, as `JSON.parse` does). Its key or kept cell may be the wrong one, and a finding judged against it a
 * confident but false one. Encoding problems are the encoding watch's (`invalid_encoding`: the cell is read,
 * garbled), and records with an empty key part are skipped as documented (`missingKeys`): neither is counted here.
 * @example const w = recordWatch('population'); openSide(source, w); w.use(['id', 'full_name']); …; w.lost()
 */
export function recordWatch(name: string): RecordWatch {
  let used = new Set<string>();
  const lost = tally();
  const header = tally();
  const twice = tally();
  // A column named three times is one column named more than once.
  const repeated = new Set<string>();
  return {
    use(columns) { used = new Set(columns); },
    issue(i) {
      if (i.code === 'duplicate_header') {
        if (i.scope !== 'header' || i.field === undefined || !used.has(i.field) || repeated.has(i.field)) return;
        repeated.add(i.field);
        count(header, i);
      } else if (i.code === 'duplicate_key') {
        if (i.scope === 'row' && i.field !== undefined && used.has(i.field)) count(twice, i);
      } else if (loses(i, used)) count(lost, i);
    },
    absent(field, row, line) {
      count(lost, { code: ABSENT, criterion: 'correct', severity: 'error', scope: 'row', field, index: row, ...(line === undefined ? {} : { line }) });
    },
    lost() {
      if (header.first !== undefined) {
        return `reference '${name}' names ${header.count} column(s) it reads more than once in its header (${said(header)}), ` +
          'so the rules would judge against the first of them, which may not be the one meant; name each column once and run again';
      }
      if (lost.first !== undefined) {
        return `reference '${name}' could not be read whole: ${lost.count} record(s) were not read or not read whole ` +
          `(${said(lost)}), so their keys would be reported as not in it; mend the file and run again`;
      }
      if (twice.first !== undefined) {
        return `reference '${name}' is ambiguous: ${twice.count} record(s) hold a property it reads more than once ` +
          `(${said(twice)}), so the rules would judge against a value that may not be the one meant; mend the file and run again`;
      }
      return undefined;
    },
  };
}

function tally(): Tally {
  return { count: 0, first: undefined, last: undefined };
}

function count(t: Tally, i: SourceIssue): void {
  const at = i.scope === 'row' && (i.line !== undefined || i.index !== undefined) ? `${i.line ?? ''}:${i.index ?? ''}` : undefined;
  if (at !== undefined && at === t.last) return;
  t.last = at;
  t.count++;
  t.first ??= i;
}

/** The first issue of a tally in words: where, its code, and its message. */
function said(t: Tally): string {
  const first = t.first as SourceIssue;
  const where = first.line === undefined ? first.code === ABSENT ? ` at record ${(first.index ?? 0) + 1}` : '' : ` at line ${first.line}`;
  if (first.code === ABSENT) return `the first${where}: the record has no property "${first.field ?? ''}"`;
  const what = renderMessage(first.code, { ...first.params, ...(first.field === undefined ? {} : { field: first.field }) }, 'en');
  return `the first${where}: ${first.code}, ${what}`;
}

function loses(i: SourceIssue, used: ReadonlySet<string>): boolean {
  // A file cut short (it ends in zero bytes) lacks the records after the cut, and their keys.
  if (i.code === 'zero_filled_tail') return true;
  // A record-scope error is a record the reader did not hand out at all (blank rows are warnings and lose nothing;
  // a repeated header line holds no key).
  if (i.scope === 'record') return i.severity === 'error' && i.code !== 'repeated_header';
  if (i.scope !== 'row') return false;
  // A quoted value over several lines with text after it: the records on those lines are inside it, their keys gone.
  if (i.code === 'extra_cell' || i.code === 'unbalanced_quote') return true;
  return UNREAD_CELL.has(i.code) && i.field !== undefined && used.has(i.field);
}
