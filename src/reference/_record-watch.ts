import { renderMessage } from '../core/message.js';
import type { SourceIssue } from '../core/source.js';

/** What a reference's source said about records it could not read (whole), and the refusal it makes of the table. */
export interface RecordWatch {
  /** The columns the table reads (key and kept columns), once the header is known: cell problems elsewhere lose nothing. */
  use(columns: readonly string[]): void;
  /** Give it every issue the source reports (`openSide`'s watch). */
  issue(issue: SourceIssue): void;
  /** Why the table cannot be used, when some record of the source could not be read whole. */
  lost(): string | undefined;
}

/** Cell problems that leave a cell the table reads without its value (the cell is absent or holds no value). */
const UNREAD_CELL = new Set(['missing_cell', 'error_cell', 'formula_without_value']);

/**
 * Watches reference `name` for records its reader could not read whole. A record it drops (larger than the record
 * cap, an unclosed quote, a line that is not JSON), a row whose cells do not line up with the header (extra cells:
 * any cell may have moved, the key too), or a row without a key or kept cell leaves its key out of the table (or
 * holds the wrong one), so every checked row naming that key would get a confident but false `not_in_reference`
 * (`not_in_register`). The table is refused, as one in the wrong encoding is, naming the first such record's line
 * and how many there are; the reference must be mended, not judged against in part. Encoding problems are the
 * encoding watch's (`invalid_encoding`: the cell is read, garbled), and records with an empty key part are skipped
 * as documented (`missingKeys`): neither is counted here.
 * @example const w = recordWatch('population'); openSide(source, w); w.use(['id', 'full_name']); …; w.lost()
 */
export function recordWatch(name: string): RecordWatch {
  let used = new Set<string>();
  let count = 0;
  let first: SourceIssue | undefined;
  // One row may report several issues in a row (two missing cells): it is one record lost.
  let last: string | undefined;
  return {
    use(columns) { used = new Set(columns); },
    issue(i) {
      if (!loses(i, used)) return;
      const at = i.scope === 'row' && (i.line !== undefined || i.index !== undefined) ? `${i.line ?? ''}:${i.index ?? ''}` : undefined;
      if (at !== undefined && at === last) return;
      last = at;
      count++;
      first ??= i;
    },
    lost() {
      if (first === undefined) return undefined;
      const what = renderMessage(first.code, { ...first.params, ...(first.field === undefined ? {} : { field: first.field }) }, 'en');
      return `reference '${name}' could not be read whole: ${count} record(s) were not read or not read whole ` +
        `(the first${first.line === undefined ? '' : ` at line ${first.line}`}: ${first.code}, ${what}), so their keys ` +
        'would be reported as not in it; mend the file and run again';
    },
  };
}

function loses(i: SourceIssue, used: ReadonlySet<string>): boolean {
  // A record-scope error is a record the reader did not hand out at all (blank rows are warnings and lose nothing).
  if (i.scope === 'record') return i.severity === 'error';
  if (i.scope !== 'row') return false;
  if (i.code === 'extra_cell') return true;
  return UNREAD_CELL.has(i.code) && i.field !== undefined && used.has(i.field);
}
