/**
 * The unit test an agency would write for its exports: the published register meets the bar, the cleaning step
 * leaves no text defect behind, and a file in a legacy encoding is rejected until its encoding is declared.
 * Run with `npx vitest run examples/agency.test.ts`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import 'ddss/vitest';
import { readCsv, validate } from 'ddss';
import { insuranceParticipants, landParcels } from 'ddss/datasets';

const sample = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
// The samples describe 22/11/2026; a real test would use the export's extraction date.
const now = new Date('2026-11-22T00:00:00Z');

/** The agency's own cleaning step: Unicode NFC and trimmed names (what `ddss fix` would also propose). */
function cleanNames(row: Readonly<Record<string, string>>, column: string): Record<string, string> {
  return { ...row, [column]: (row[column] ?? '').normalize('NFC').trim() };
}

describe('land register export', () => {
  it('is good enough to publish: overall ≥ 90%, complete and current records ≥ 95%', async () => {
    await expect(readCsv(sample('./land/parcels.csv'))).toPassDataset(landParcels, {
      now, minScore: 0.9, criteria: { sufficient: 0.95, live: 0.95 },
    });
  });

  it('has no decomposed or padded owner names once cleaned', async () => {
    const rows: Record<string, string>[] = [];
    for await (const row of readCsv(sample('./land/parcels.csv'))) rows.push(cleanNames(row, 'owner_name'));
    const report = await validate(landParcels, rows, { now });
    expect(report).toHaveNoViolations('owner_name.nfc');
    expect(report).toHaveNoViolations('owner_name.trimmed');
    expect(report).toHaveScore(0.85, 'correct');
  });

  it('rejects the TCVN3 file until its encoding is declared', async () => {
    const file = sample('./broken/parcels-tcvn3.csv');
    await expect(readCsv(file)).not.toPassDataset(landParcels, { now });
    await expect(readCsv(file, { encoding: 'tcvn3' })).toPassDataset(landParcels, { now });
  });
});

describe('insurance register export', () => {
  it('keeps active cards valid and contact data current for at least 95% of participants', async () => {
    const report = await validate(insuranceParticipants, readCsv(sample('./insurance/participants.csv')), { now });
    expect(report).toHaveScore(0.95, 'live');
    expect(report).toHaveScore(0.9);
    // Duplicates are found and named (the sample has some): the stewards get the rows to merge.
    expect(report).not.toHaveNoViolations('bhxh_no.unique');
  });
});
