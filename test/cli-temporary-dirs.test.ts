import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removePendingOutputs } from '../src/cli/_files.js';
import { suggestedDataset } from '../src/cli/_suggested-dataset.js';
import { FIXTURES } from './fixtures/cli/harness.js';

const io = { stdout: { write: () => undefined }, stderr: { write: () => undefined }, cwd: FIXTURES, env: {} };
const csv = { format: 'csv', encoding: undefined, delimiter: undefined } as const;

describe('the suggested definition of validate without --dataset', () => {
  it('is removed when the run is interrupted (the signal handler removes pending outputs; finally blocks do not run)', async () => {
    const s = await suggestedDataset(join(FIXTURES, 'parcels.csv'), 'parcels.csv', csv, undefined, io);
    expect(existsSync(s.path)).toBe(true);
    // Before: only `remove()` in validate's finally deleted it, and a Ctrl-C left a ddss-suggested-* directory behind.
    removePendingOutputs();
    expect(existsSync(dirname(s.path))).toBe(false);
    await s.remove(); // afterwards, harmless
  });

  it('is removed when the run ends, and not looked for again by a later interrupt', async () => {
    const s = await suggestedDataset(join(FIXTURES, 'parcels.csv'), 'parcels.csv', csv, undefined, io);
    await s.remove();
    expect(existsSync(dirname(s.path))).toBe(false);
    expect(() => removePendingOutputs()).not.toThrow();
  });
});
