import type { ShardHeader } from './shard-state.js';

/**
 * Why the range a shard's header records cannot be the one its cut made, or undefined: the shards tile the input
 * from its start to its end, so the first begins at 0 and the last (read completely) ends at the input's size (a
 * file's bytes, a table's N key ranges); and a shard cannot have evaluated more rows than it read records. The merge
 * checks that each shard begins where the one before ended; without these, a hand-edited state (its checksum
 * recomputed) whose first shard began at byte 500, or whose last ended short of the file, merged into the report of
 * part of the input. A JSON array's ranges count lines, whose total no header records: only its rows are checked.
 * @example rangeProblem(header, 0, 4) // 'it begins at byte 500, but the first shard begins at the input\'s start (0)'
 */
export function rangeProblem(s: ShardHeader, k: number, count: number): string | undefined {
  const r = s.range;
  const kind = s.input.kind;
  const unit = kind === 'postgres' ? 'key range' : 'byte';
  if (k === 0 && kind !== 'json' && r.began !== 0) return `it begins at ${unit} ${r.began}, but the first shard begins at the input's start (0)`;
  const end = kind === 'postgres' ? count : kind === 'json' ? undefined : s.input.bytes;
  if (k === count - 1 && r.error === undefined && end !== undefined && r.ended !== end) {
    return `it ends at ${unit} ${r.ended}, but the input ends at ${end}: the last shard ends at the input's end`;
  }
  if (r.rows > r.records) return `it counts ${r.rows} rows of ${r.records} records read`;
  return undefined;
}
