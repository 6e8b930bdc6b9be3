import { renderMessage } from '../core/message.js';
import type { SourceIssue } from '../core/source.js';

/** What a side's reader left unread, as its issues pass (`openSide`). */
export interface UnreadRecords {
  /** Takes one issue the source reported. */
  see(issue: SourceIssue): void;
  /** Why the side was not read whole, or undefined when every record was read. */
  error(): string | undefined;
}

/**
 * Watches a side for records its reader did not hand out: a record-scope error (larger than the record cap, an
 * unclosed quote, a line that is not JSON, an element that is no object; a repeated header line is no record), or a
 * file cut short by zero bytes. Such a record is in no count: a source of 3 records with one too large to read
 * scored "Live 100% (2 of 2 source records …)", its missing record out of sight. The side is not read whole, so the
 * comparison is partial (status `error`, no score), and the error says how many and the first.
 * @example const u = unreadRecords(); u.see(tooLarge); u.error() // '1 record could not be read (the first at line 3: record_too_large, …), so it is in no count …'
 */
export function unreadRecords(): UnreadRecords {
  let count = 0;
  let first: SourceIssue | undefined;
  return {
    see(i) {
      const lost = i.code === 'zero_filled_tail' || (i.scope === 'record' && i.severity === 'error' && i.code !== 'repeated_header');
      if (!lost) return;
      count++;
      first ??= i;
    },
    error() {
      if (first === undefined) return undefined;
      const what = renderMessage(first.code, { ...first.params }, 'en');
      const one = count === 1 && first.code !== 'zero_filled_tail';
      const records = first.code === 'zero_filled_tail' ? 'the records after the zero bytes could not be read'
        : `${count} record${one ? '' : 's'} could not be read`;
      return `${records} (the first${first.line === undefined ? '' : ` at line ${first.line}`}: ${first.code}, ${what}), ` +
        `so ${one ? 'it is' : 'they are'} in no count and the comparison has no score`;
    },
  };
}
