import { createHash } from 'node:crypto';
import { firstSighting, SHARDS, type KeyTable } from '../../rules/clean/_key-table.js';
import { referenceTableData, type ReferenceTable } from '../reference/reference.js';

/** A reference a shard's rules were checked against, as its state records it (`ShardState.references`). */
export interface ShardReference {
  /** The name the rules use (`ref('population')`, `--reference population=FILE`). */
  readonly name: string;
  /** Distinct keys it held (for messages). */
  readonly keys: number;
  /** sha256 of what the rules read of it: its keys with their kept cells, and what its read found. */
  readonly fingerprint: string;
}

/**
 * What each reference a shard read holds, so the merge can refuse shards checked against different registers (one
 * with `--reference population=popA.csv`, one with popB.csv or none made a report of a run that never happened).
 * Every entry is hashed whatever order the table stores it in (its layout depends on a per-process seed), so two
 * machines reading the same register agree; the cost is one pass over the table (about a second per few million keys).
 * @example referenceFingerprints(await loadReferences(def, refs)) // [{ name: 'population', keys: 3842, fingerprint: 'sha256:…' }]
 */
export function referenceFingerprints(tables: ReadonlyMap<string, ReferenceTable>): ShardReference[] {
  return [...tables.values()].map((t) => ({ name: t.name, keys: t.size, fingerprint: fingerprint(t) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fingerprint(t: ReferenceTable): string {
  const hash = createHash('sha256').update(JSON.stringify([t.name, t.key, t.columns, t.size, t.duplicates, t.missingKeys,
    t.firstDuplicate ?? null, t.error ?? null]));
  let keys: KeyTable | undefined;
  try {
    keys = referenceTableData(t).keys;
  } catch {
    // A table not read by reference() (a caller's own Reference): only its counts can be compared.
    keys = undefined;
  }
  if (keys !== undefined) hash.update(entrySum(keys));
  return `sha256:${hash.digest('hex')}`;
}

/** An order-independent digest of every entry's key and kept cells: two 32-bit hashes of each, summed. */
function entrySum(t: KeyTable): string {
  let a = 0;
  let b = 0;
  for (let s = 0; s < SHARDS; s++) {
    const shard = t.shards[s];
    if (shard === undefined) continue;
    for (let e = 0; e < shard.size; e++) {
      const { text, key } = firstSighting(t, e * SHARDS + s);
      const entry = `${text}\u0000${key ?? ''}`;
      a = (a + mix(entry, 0x811c9dc5, 0x01000193)) >>> 0;
      b = (b + mix(entry, 0x9747b28c, 0x5bd1e995)) >>> 0;
    }
  }
  return `${a.toString(16)}:${b.toString(16)}`;
}

/** FNV-1a style over UTF-16 code units, with its own basis and multiplier (two of them make 64 bits). */
function mix(text: string, basis: number, prime: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return (h ^ (h >>> 15)) >>> 0;
}
