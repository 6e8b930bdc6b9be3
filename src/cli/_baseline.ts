import { cliPath } from './_cli-path.js';
import { checkBaselineKey } from '../baseline/apply-baseline.js';
import { loadBaseline, type Baseline } from '../baseline/load-baseline.js';
import type { DatasetDefinition } from '../core/types.js';
import { usage } from './_errors.js';

/**
 * Reads `--baseline FILE` before any row is read. A baseline that cannot be used — a key it cannot match records by,
 * a file that is missing, damaged or not a violations file — is a usage error (exit 2): a run judged against part
 * of a baseline would call new problems known.
 * @example const baseline = await openBaseline('old.ndjson', landParcels, false, process.cwd());
 */
export async function openBaseline(path: string | undefined, definition: DatasetDefinition, showValues: boolean,
  cwd: string): Promise<Baseline | undefined> {
  if (path === undefined) return undefined;
  try {
    checkBaselineKey(definition, { showValues });
    return await loadBaseline(cliPath(cwd, path), { name: path });
  } catch (e) {
    throw usage(`--${(e as Error).message.replace(/^ddss: /, '').replace(/^a baseline/, 'baseline: a baseline')}`);
  }
}
