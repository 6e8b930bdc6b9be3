import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, toJson, validate } from '../src/index.js';
import type { RecordGrade } from '../src/index.js';
import { gradeBand, gradeHistogram } from '../src/core/grades.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { validateCsvParallel } from '../src/parallel/validate-parallel.js';
import { toHtml } from '../src/outputs/html.js';
import { gradeSink } from '../src/outputs/grades.js';
import { PassThrough } from 'node:stream';
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

  /** Every graded record of a run through a grades sink (NDJSON, every record, with the group column), as text. */
  async function gradesText(run: (onRecord: (g: RecordGrade) => void) => Promise<unknown>): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const sink = gradeSink(out, { format: 'ndjson', findingsOnly: false, columns: ['group'] });
    await run((g) => sink.write(g));
    await sink.close();
    return Buffer.concat(chunks).toString('utf8');
  }

  it('graded records stream from workers in file order, byte-identical to one thread, and so do the report\'s tables', async () => {
    const opts = { now: NOW, gradeColumns: ['group'], groupBy: 'group', maxGroups: 3, worstRecords: 25 };
    let one!: Awaited<ReturnType<typeof validate>>;
    const a = await gradesText(async (onRecord) => { one = await validate(parallelParcels, readCsv(path), { ...opts, onRecord }); });
    expect(a.trimEnd().split('\n')).toHaveLength(600);
    // The groups a, b, c, z: three listed, z counted as other.
    expect(one.groups?.groups.map((g) => g.value)).toEqual(['a', 'b', 'c']);
    expect(one.groups?.other?.records).toBe(100);
    expect(one.worstRecords).toHaveLength(25);
    for (const workers of [2, 3]) {
      let many!: Awaited<ReturnType<typeof validate>>;
      const b = await gradesText(async (onRecord) => {
        many = await validate(parallelParcels, readCsv(path), { ...opts, onRecord, workers, minBytesPerWorker: 1 });
      });
      expect(b).toBe(a);
      expect(toJson(many)).toBe(toJson(one));
      expect(toHtml(many)).toBe(toHtml(one));
    }
    // Ranges that wait spill their graded records to disk and replay them in order (a larger file: several batches
    // per range).
    const big = join(dir, 'big.csv');
    writeFileSync(big, `${lines[0] as string}\n${Array.from({ length: 12 }, () => lines.slice(1).join('\n')).join('\n')}\n`);
    const whole = await gradesText((onRecord) => validate(parallelParcels, readCsv(big), { ...opts, onRecord }));
    const ref = { module: parallelParcels.module as string, name: parallelParcels.name };
    const file = readCsv(big).file;
    if (file === undefined) throw new Error('not splittable');
    const spilled = new Set<number>();
    // Range 0 is held back until a later range has spilled, so the spill path runs however the threads are scheduled.
    let laterSpilled!: () => void;
    const held = new Promise<void>((resolve) => { laterSpilled = resolve; });
    // With the violations in the same stream, as `--violations` and `--grades` together.
    let violations = 0;
    const c = await gradesText((onRecord) => validateCsvParallel(parallelParcels, ref, file,
      { ...opts, onRecord, onViolation: () => { violations++; } }, 3, { spillAfter: 1, tmpdir: dir,
        onSpill: (k) => { spilled.add(k); if (k > 0) laterSpilled(); }, beforePromote: (k) => (k === 0 ? held : undefined) }));
    expect(violations).toBeGreaterThan(7200);
    expect(c.trimEnd().split('\n')).toHaveLength(7200);
    expect(c).toBe(whole);
    expect([...spilled].some((k) => k > 0)).toBe(true);
  }, 120_000);
});
