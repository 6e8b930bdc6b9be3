import type { SourceIssue, TabularSource } from '../core/source.js';

/**
 * The source, with each issue its reader reports passed to `see` as its batch goes by (the rows are untouched): for
 * the commands that print no report of findings (`profile`, `compare`) and still must say what the reader found.
 * @example const codes: string[] = []; await profile(watchIssues(source, (i) => codes.push(i.code)));
 */
export function watchIssues(source: TabularSource, see: (issue: SourceIssue) => void): TabularSource {
  return {
    kind: source.kind,
    info: () => source.info(),
    async *batches() {
      for await (const batch of source.batches()) {
        for (const i of batch.issues ?? []) see(i);
        yield batch;
      }
    },
  };
}
