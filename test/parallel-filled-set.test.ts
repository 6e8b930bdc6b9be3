import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, validate } from '../src/index.js';
import { communes, filledSet } from './fixtures/parallel/filled-set.js';
import { NOW } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-filled-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Worker threads import a definition's module again: a Set the program filled after importing it was empty there, and
// the rows of the workers' ranges were judged against no commune at all (one thread passed, two failed 150,000 rows;
// the other way round for a check against a blocklist).
describe('a Set a rule reads as given, filled after the module was imported', () => {
  const path = join(dir, 'rows.csv');
  writeFileSync(path, `id,commune\n${Array.from({ length: 4000 }, (_, i) => `P${i},${i % 2 === 0 ? '00004' : '00007'}`).join('\n')}\n`);

  it('one thread reads it as filled', async () => {
    communes.clear();
    communes.add('00004').add('00007');
    const report = await validate(filledSet, readCsv(path), { now: NOW });
    expect([report.status, report.rules.find((r) => r.id === 'commune.reference')?.failed]).toEqual(['passed', 0]);
  });

  it('workers refuse to judge against another list than the calling thread holds, naming the rule', async () => {
    communes.clear();
    communes.add('00004').add('00007');
    await expect(validate(filledSet, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1 }))
      .rejects.toThrow(/rule "commune\.reference" holds 2 values in the calling thread but 0 values in a worker .*validate with workers: 1/);
  });

  it('a Set the module itself fills (as the workers import it) runs in parallel as before', async () => {
    communes.clear();
    const report = await validate(filledSet, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1 });
    expect(report.rules.find((r) => r.id === 'commune.reference')?.failed).toBe(4000);
  });
});
