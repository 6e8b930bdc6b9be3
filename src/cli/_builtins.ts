import * as datasets from '../../rules/datasets/index.js';
import type { DatasetDefinition } from '../core/types.js';
import { isDatasetDefinition } from '../declarative/is-dataset-definition.js';

/**
 * The built-in dataset definitions by name: whatever `rules/datasets/index.ts` exports that is a definition, so a
 * new built-in needs no change here.
 */
export function builtins(): ReadonlyMap<string, DatasetDefinition> {
  const out = new Map<string, DatasetDefinition>();
  for (const value of Object.values(datasets as Record<string, unknown>)) {
    if (isDatasetDefinition(value) && !out.has(value.name)) out.set(value.name, value);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
