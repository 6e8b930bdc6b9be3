import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, toJson, validate } from '../src/index.js';
import type { RecordGrade } from '../src/index.js';
import { gradeBand, gradeHistogram } from '../src/core/grades.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { NOW } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-grades-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Clean rows, rows with findings of every criterion, and rows with a structural finding (too many cells, which
// the source reports after the row), spread so that worker ranges cut through all of them.
const lines = ['id,group,n,name,from'];
for (let i = 0; i < 600; i++) {
  const k = i % 6;
  lines.push(k === 0 ? `P${i},a,${i % 100},An,01/02/2024`
    : k === 1 ? `P${i},z,${i % 100}, An ,01/02/2024`
      : k === 2 ? `,b,-1,An,31/02/2024`
        : k === 3 ? `P${i},c,${i % 100},An,01/02/2024,extra`
          : k === 4 ? `P${i},a,x,Bình,`
            : `P${i},b,5,An,01/02/2024`);
}
const path = join(dir, 'grades.csv');
writeFileSync(path, `${lines.join('\n')}\n`);

describe('record grades across worker threads', () => {
  it('the histogram is the one of the graded records, and identical with workers', async () => {
    const graded: RecordGrade[] = [];
    const one = await validate(parallelParcels, readCsv(path), { now: NOW, grades: true, onRecord: (g) => graded.push(g) });
    // The histogram (which takes a fast path for rows without findings) counts what onRecord was given.
    const counts = [0, 0, 0, 0, 0];
    for (const g of graded) counts[gradeBand(g.overall)] = (counts[gradeBand(g.overall)] ?? 0) + 1;
    expect(one.recordGrades).toEqual(gradeHistogram(counts));
    expect(graded).toHaveLength(600);
    // The structural finding of a row (extra cell) lowers that row's grade.
    expect(graded[3]?.rules).toContain('source.extra_cell');
    const plain = await validate(parallelParcels, readCsv(path), { now: NOW, grades: true });
    expect(toJson(plain)).toBe(toJson(one));
    const many = await validate(parallelParcels, readCsv(path), { now: NOW, grades: true, workers: 3, minBytesPerWorker: 1 });
    expect(toJson(many)).toBe(toJson(one));
  }, 120_000);
});
