import type { DatasetDefinition } from '../core/types.js';
import type { ShardHeader } from './shard-state.js';

/** Where a merge's definition came from, for messages: the `--dataset` the shards recorded, or one given to the merge. */
export interface DefinitionSpec {
  /** As the shards recorded it or the merge was given it (a built-in name or a path). */
  readonly spec: string;
  /** Taken from the states (no `--dataset` given to the merge). */
  readonly recorded: boolean;
}

/**
 * The refusal of a shard whose definition signature is not the definition's, in words that name what the user did:
 * with the definition taken from the states and the shard run with that very file, the file changed since they ran
 * (it said "not of the definition "land-parcels" given" of a merge given no definition); otherwise the shard is of
 * another definition, and the message says where the merge's came from.
 * @example definitionMismatch('a1.ddss-state', header, def, { spec: 'def.yaml', recorded: true })
 */
export function definitionMismatch(name: string, s: ShardHeader, definition: DatasetDefinition, from: DefinitionSpec | undefined): string {
  const same = s.dataset.name === definition.name;
  // The shard ran the very file loaded, which no longer gives its signature: the file changed since.
  if (from?.recorded === true && s.dataset.spec === from.spec) {
    const now = same ? `another version of dataset "${definition.name}"` : `dataset "${definition.name}", not "${s.dataset.name}"`;
    return `${name} was run with the definition ${from.spec} (the --dataset the shards recorded), which now holds ${now}: it ` +
      'changed since the shards ran; run them again with it, or give merge --dataset the definition they ran';
  }
  const of = `${name} is a state of ${same ? 'another version of ' : ''}dataset "${s.dataset.name}"`;
  if (from?.recorded === true) return `${of}, not of "${definition.name}", the --dataset ${from.spec} the first shard recorded`;
  return `${of}, not of the definition "${definition.name}" given${from === undefined ? '' : ` (--dataset ${from.spec})`}`;
}
