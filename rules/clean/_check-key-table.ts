import { entryEnd } from './_key-arena.js';
import { lineAt, MAX_POSITION, NO_LINES, SHARDS, type KeyTable, type KeyTableShard } from './_key-table.js';

/**
 * Whether a table that came from outside (a shard's state file) can be read and merged safely: 16 shards of typed
 * arrays, a free slot in every probe sequence (so lookups end), every slot naming an entry once, every entry's row
 * and line in range and its bytes whole in the arena.
 * @example checkKeyTable(state.table) // false for a truncated or forged table
 */
export function checkKeyTable(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const table = t as KeyTable;
  if (!Number.isInteger(table.seed) || !Array.isArray(table.shards) || table.shards.length !== SHARDS) return false;
  let total = 0;
  for (const shard of table.shards as unknown[]) {
    const s = shard as KeyTableShard;
    if (typeof shard !== 'object' || shard === null || !(s.slots instanceof Int32Array) || !(s.rows instanceof Uint32Array)
      || !(s.at instanceof Uint32Array) || !(s.arena instanceof Uint8Array) || !(s.lines === null || s.lines instanceof Uint32Array)) return false;
    const n = s.slots.length >> 1;
    if (s.slots.length < 4 || (n & (n - 1)) !== 0 || !Number.isInteger(s.size) || s.size < 0 || s.size * 8 > s.slots.length * 3
      || s.size > s.rows.length || s.size > s.at.length || (s.lines !== null && s.size > s.lines.length)) return false;
    if (!Number.isInteger(s.used) || s.used < 0 || s.used > s.arena.length) return false;
    if (s.lines === null && !(s.lineShift === NO_LINES || Number.isNaN(s.lineShift) || Number.isInteger(s.lineShift))) return false;
    const seen = new Uint8Array(s.size);
    for (let k = 0; k < s.slots.length; k += 2) {
      const e1 = s.slots[k] as number;
      if (e1 === 0) continue;
      if (e1 < 0 || e1 > s.size || seen[e1 - 1] === 1) return false;
      seen[e1 - 1] = 1;
    }
    for (let e = 0; e < s.size; e++) {
      if (seen[e] !== 1 || entryEnd(s.arena, s.at[e] as number, s.used) < 0) return false;
      const line = lineAt(s, e);
      if (!(line >= 0 && line <= MAX_POSITION + 1)) return false;
    }
    total += s.size;
  }
  return table.size === total;
}
