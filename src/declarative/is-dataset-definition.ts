import type { DatasetDefinition } from '../core/types.js';

/**
 * Whether a value looks like a `DatasetDefinition` (built by `defineDataset`, possibly by another copy of ddss): a
 * name, an object of field specs, a rule list and weights.
 * @example isDatasetDefinition(landParcels) // true
 */
export function isDatasetDefinition(x: unknown): x is DatasetDefinition {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Partial<Record<keyof DatasetDefinition, unknown>>;
  return typeof d.name === 'string' && typeof d.fields === 'object' && d.fields !== null && Array.isArray(d.rules) &&
    typeof d.weights === 'object' && d.weights !== null && Array.isArray(d.missingValues);
}
