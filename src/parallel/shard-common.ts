import { compile } from '../core/compile.js';
import { createValidator } from '../core/validator.js';
import { resolveOptions } from '../core/options.js';
import { bindTables, loadReferences } from '../reference/bind-references.js';
import { version } from '../core/version.js';
import type { DatasetDefinition } from '../core/types.js';
import { piiKeyCheck } from './input-fingerprint.js';
import { referenceFingerprints } from './reference-fingerprint.js';
import type { ShardState } from './shard-state.js';
import type { ShardValidateOptions } from './validate-shard.js';

/** What every kind of shard does first: the definition bound to its references, and what its state header shares. */
export interface ShardCommon {
  readonly def: DatasetDefinition;
  readonly header: Pick<ShardState, 'ddss' | 'dataset' | 'now' | 'options' | 'references'>;
  /** A fresh validator with the shard's options (no `shard` or `datasetSpec`). */
  validator(): ReturnType<typeof createValidator>;
}

/**
 * Resolves a shard's options (a mistake fails before any row is read), loads its references and gives the header
 * fields every kind of shard records alike.
 * @example const { header, validator } = await shardCommon(landParcels, { shard: '1/3', now: '2026-11-22' });
 */
export async function shardCommon(definition: DatasetDefinition, options: ShardValidateOptions): Promise<ShardCommon> {
  const resolved = resolveOptions(options, definition, ['shard', 'datasetSpec']);
  const now = resolved.now.toISOString();
  const tables = await loadReferences(definition, options.references);
  const def = bindTables(definition, tables);
  const { shard: _s, datasetSpec: _d, ...rest } = options;
  return {
    def,
    header: {
      ddss: version(),
      dataset: { name: def.name, signature: compile(def).signature, ...(options.datasetSpec === undefined ? {} : { spec: options.datasetSpec }) },
      now,
      options: {
        locale: resolved.locale, showValues: resolved.showValues, maxSamplesPerRule: resolved.maxSamples,
        timeZone: options.timeZone ?? null, piiKeyCheck: piiKeyCheck(options.piiKey), grades: resolved.grades,
        worstRecords: resolved.worstRecords, groupBy: resolved.groupBy ?? null, maxGroups: resolved.maxGroups,
      },
      // What the reference rules were checked against: shards of other registers (or none) are not one run.
      references: referenceFingerprints(tables),
    },
    validator: () => createValidator(def, { ...rest, now }),
  };
}
