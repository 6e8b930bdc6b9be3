import type { DatasetDefinition } from '../core/types.js';
import type { ShardSpec } from './shard-spec.js';
import type { ShardState } from './shard-state.js';
import type { ShardValidateOptions } from './validate-shard.js';

/** Placeholder (next commit). */
export async function validateJsonShard(_d: DatasetDefinition, _f: unknown, _s: ShardSpec, _o: ShardValidateOptions): Promise<ShardState> {
  throw new Error('ddss: JSON shards are not available yet');
}
