import { stat } from 'node:fs/promises';
import { cliPath } from './_cli-path.js';
import type { HistoryThresholds } from '../history/anomalies.js';
import type { HistoryInput } from '../history/history-entry.js';
import { inputFingerprint as partsFingerprint } from '../parallel/input-fingerprint.js';
import type { ShardHeader } from '../parallel/shard-state.js';
import { usage } from './_errors.js';
import { inputFingerprint, openHistoryOf, postgresInputName, type HistoryTarget, type RunHistory } from './_history.js';

/**
 * `ddss merge --history FILE|postgresql://… [--input PATH]`: the history a merged report is judged against and appended to, with the
 * input fingerprinted as one `ddss validate` run over it would be. A table is named by its database and table (as one
 * run names it). A file is hashed whole only when `--input` gives it (checked against the shards' size and fingerprint):
 * the shards never read all of it, so without it the run is recorded by name and size, and `history.stale_input`
 * is skipped (it cannot tell an unchanged export), never passed.
 * @example const history = await mergeHistory(historyTarget('h.ndjson', undefined, cwd, env) as HistoryTarget, header, undefined, cwd, 'land-parcels', {});
 */
export async function mergeHistory(target: HistoryTarget, head: ShardHeader, input: string | undefined, cwd: string, dataset: string,
  thresholds: HistoryThresholds): Promise<RunHistory> {
  const shards = head.input;
  let fingerprint: () => Promise<HistoryInput>;
  if (shards.kind === 'postgres') {
    if (input !== undefined) throw usage('--input applies to files: the shards read a PostgreSQL table', '--input dùng cho tệp: các phần đã đọc một bảng PostgreSQL');
    // One run names a database input by its database and table (the shards read a table, named after the URL): the same here.
    const at = shards.name.indexOf(' ');
    const name = postgresInputName(shards.name.slice(0, at), shards.name.slice(at + 1));
    return openHistoryOf(target, name, async () => ({ name }), dataset, head.now, thresholds);
  } else if (input === undefined) {
    fingerprint = async () => ({ name: shards.name, bytes: shards.bytes });
  } else {
    const path = cliPath(cwd, input);
    const size = await stat(path).then((s) => s.size, () => undefined);
    if (size === undefined) throw usage(`--input "${input}" cannot be read`, `không đọc được --input "${input}"`);
    if (size !== shards.bytes || await partsFingerprint(path, size) !== shards.fingerprint) {
      throw usage(`--input "${input}" is not the file the shards read (another size or content)`,
        `--input "${input}" không phải tệp mà các phần đã đọc (khác kích thước hoặc nội dung)`);
    }
    fingerprint = () => inputFingerprint(path, shards.name);
  }
  return openHistoryOf(target, shards.name, fingerprint, dataset, head.now, thresholds);
}
