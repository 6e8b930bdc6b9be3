import type { Locale } from '../core/types.js';
import type { TabularSource } from '../core/source.js';
import { recordsHint } from '../core/message.js';
import { watchIssues } from './_watch-issues.js';

/** Where a JSON document read as one record seems to hold its records, once its reader said so. */
export interface RecordsSeen {
  found?: { readonly records: string; readonly objects: number };
}

/**
 * The source, telling `seen` when its reader finds a JSON document that is one object holding an array of objects
 * under a key (the `records` and `objects` params of `non_array_document`, `record_too_large` or `too_deep`): for the
 * commands that print no report of findings (`profile`, `compare`) to say which `--json-records` reads them.
 * @example const seen: RecordsSeen = {}; await profile(watchRecords(source, seen)); seen.found // { records: 'data', objects: 2000 }
 */
export function watchRecords(source: TabularSource, seen: RecordsSeen): TabularSource {
  return watchIssues(source, (i) => {
    const { records, objects } = i.params ?? {};
    if (seen.found === undefined && typeof records === 'string' && typeof objects === 'number') seen.found = { records, objects };
  });
}

/**
 * What to say of `seen`, naming `option` (`json-records`, or one input's `json-records-copy`): undefined when nothing
 * was seen.
 * @example seenRecords({ found: { records: 'data', objects: 2 } }) // 'the records seem to be under "data" (an array of 2 objects): pass --json-records data'
 */
export function seenRecords(seen: RecordsSeen, option = 'json-records', locale: Locale = 'en'): string | undefined {
  return seen.found === undefined ? undefined : recordsHint(seen.found, locale, option);
}
