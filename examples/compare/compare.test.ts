import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare, readCsv } from 'ddss';
import { insuranceParticipants } from 'ddss/datasets';
import { nextSnapshot } from './snapshot.js';
import { assertValidComparison } from '../../test/_comparison-schema.js';
import { cli } from '../../test/fixtures/cli/harness.js';

const SOURCE = fileURLToPath(new URL('../insurance/participants.csv', import.meta.url));
const NEXT = fileURLToPath(new URL('./participants-next.csv', import.meta.url));
const expected = nextSnapshot(readFileSync(SOURCE, 'utf8')).counts;

describe('worked example: two snapshots of the insurance register', () => {
  it('commits exactly the snapshot the generator makes (it cannot go stale)', () => {
    expect(readFileSync(NEXT, 'utf8')).toBe(nextSnapshot(readFileSync(SOURCE, 'utf8')).csv);
  });

  it('finds exactly the generated differences, by key bhxh_no', async () => {
    const report = await compare(readCsv(SOURCE), readCsv(NEXT), { key: 'bhxh_no' });
    assertValidComparison(report);
    const { spaceOnly, ...counts } = expected;
    expect(report.counts).toEqual(counts);
    expect(report.counts).toEqual({ matched: 1864, changed: 70, missing: 40, extra: 12, duplicateKeys: 13 });
    expect(spaceOnly).toBe(20);
    expect(report.columns).toMatchObject({ phone: { changed: 50 }, full_name: { changed: 20 } });
    expect(report.score).toBeCloseTo(1864 / 2000, 12);
  });

  it('treats the trailing spaces as equal with ignoreWhitespace', async () => {
    const report = await compare(readCsv(SOURCE), readCsv(NEXT), { key: 'bhxh_no', ignoreWhitespace: true });
    expect(report.counts).toMatchObject({ matched: expected.matched + expected.spaceOnly, changed: expected.changed - expected.spaceOnly });
  });

  it('masks the personal columns of the built-in definition in every sample', async () => {
    const report = await compare(readCsv(SOURCE), readCsv(NEXT), { key: 'bhxh_no', dataset: insuranceParticipants });
    const phones = report.samples.filter((s) => s.column === 'phone');
    expect(phones.length).toBeGreaterThan(0);
    for (const s of phones) expect(`${s.source}${s.copy}`).toMatch(/\*/);
  });

  it('exits 1 from the command line, as the copy differs', async () => {
    const r = await cli(['compare', SOURCE, NEXT, '--key', 'bhxh_no', '--dataset', 'insurance-participants']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/duplicate keys 13/);
  });
});
