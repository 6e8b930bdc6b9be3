import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { baselineFrom, defineDataset, field, gradeRecords, rule } from '../src/index.js';
import { NOW, run } from './_run.js';
import type { RecordGrade } from '../src/core/grades.js';
import type { DatasetDefinition } from '../src/core/types.js';

// The dataset of test/scores.test.ts; every grade below is computed by hand from the formula in the README.
// Row rules that count: a.required (sufficient), a.type, a.pattern, b.type, c.type (correct), b.trimmed (clean,
// warning), c.within (live). b.oneOf is info: it never lowers a grade.
const fields = {
  a: field.text().required().pattern(/^\d+$/),
  b: field.text().trimmed({ severity: 'warning' }).oneOf(['x'], { severity: 'info' }),
  c: field.date('dd/MM/yyyy').within({ days: 365 }),
};
const rows = [
  { a: '1', b: 'x', c: '01/11/2026' }, // everything passes
  { a: '', b: ' x', c: '01/11/2026' }, // a missing: type and pattern do not apply; b untrimmed
  { a: 'z', b: 'y', c: '01/01/2020' }, // pattern fails (3 of 4 correct rules pass), stale; b.oneOf info only
  { a: '2', b: 'x ', c: '' }, // c missing and optional: no live rule applies (null)
  { a: '2', b: 'x', c: '01/11/2026' },
];
const rules = [rule.rowCount({ min: 10 })]; // a table rule: never part of a record's grade

type Row = Pick<RecordGrade, 'grades' | 'overall'> & { rules?: readonly string[] };
const g = (correct: number | null, sufficient: number | null, clean: number | null, live: number | null,
  overall: number | null): Row => ({ grades: { correct, sufficient, clean, live }, overall });

async function graded(def: DatasetDefinition, data: readonly unknown[]): Promise<RecordGrade[]> {
  const out: RecordGrade[] = [];
  await run(def, data, { onRecord: (r) => out.push(r) });
  return out;
}

describe('record grades, by hand', () => {
  const cases: Array<{ name: string; def: DatasetDefinition; want: Row[] }> = [
    {
      name: 'equal weights',
      def: defineDataset({ name: 'grades', fields, rules }),
      want: [
        g(1, 1, 1, 1, 1),
        g(1, 0, 0, 1, 0.5), // (1 + 0 + 0 + 1) / 4
        g(0.75, 1, 1, 0, 0.6875), // correct 3/4; (0.75 + 1 + 1 + 0) / 4
        g(1, 1, 0, null, 0.666667), // (1 + 1 + 0) / 3
        g(1, 1, 1, 1, 1),
      ],
    },
    {
      name: 'criterion weights (the dataset\'s)',
      def: defineDataset({ name: 'grades', fields, rules, weights: { live: 2 } }),
      want: [
        g(1, 1, 1, 1, 1),
        g(1, 0, 0, 1, 0.6), // (1 + 0 + 0 + 2 × 1) / 5
        g(0.75, 1, 1, 0, 0.55), // (0.75 + 1 + 1 + 2 × 0) / 5
        g(1, 1, 0, null, 0.666667), // live is null: its weight drops out
        g(1, 1, 1, 1, 1),
      ],
    },
    {
      name: 'rule weights',
      def: defineDataset({ name: 'grades', rules, fields: { ...fields, a: field.text().required().pattern(/^\d+$/, { weight: 3 }) } }),
      want: [
        g(1, 1, 1, 1, 1),
        g(1, 0, 0, 1, 0.5),
        g(0.5, 1, 1, 0, 0.625), // correct (1 + 1 + 1) / (1 + 3 + 1 + 1); (0.5 + 1 + 1 + 0) / 4
        g(1, 1, 0, null, 0.666667),
        g(1, 1, 1, 1, 1),
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const out = await graded(c.def, rows);
      expect(out.map((r) => ({ grades: r.grades, overall: r.overall }))).toEqual(c.want);
    });
  }

  it('gives row, findings per criterion and rule ids of each record', async () => {
    const out = await graded(defineDataset({ name: 'grades', fields, rules }), rows);
    expect(out.map((r) => r.row)).toEqual([0, 1, 2, 3, 4]);
    expect(out[1]).toMatchObject({ findings: { correct: 0, sufficient: 1, clean: 1, live: 0 }, rules: ['a.required', 'b.trimmed'] });
    expect(out[2]).toMatchObject({ findings: { correct: 1, sufficient: 0, clean: 0, live: 1 }, rules: ['a.pattern', 'c.within'] });
    expect(out[0]?.rules).toEqual([]);
  });

  it('a rule whose `when` does not hold does not apply, a record rule applies when its fields are valid', async () => {
    const def = defineDataset({
      name: 'when',
      fields: { kind: field.text(), n: field.integer().min(10, { when: (r) => r.kind === 'big' }) },
      rules: [rule.record('n_even', (r) => (r.n as number) % 2 === 0, { fields: ['n'], criterion: 'correct' })],
    });
    const out = await graded(def, [{ kind: 'small', n: '3' }, { kind: 'big', n: '3' }, { kind: 'big', n: '' }]);
    // correct rules: kind.type, n.type, n.min (only when big), n_even (when n is valid).
    expect(out.map((r) => r.grades.correct)).toEqual([
      0.666667, // kind.type, n.type pass, n_even fails; n.min does not apply: 2/3
      0.5, // n.min and n_even fail: 2/4
      1, // n missing: only kind.type applies
    ]);
  });

  it('a check that returns an empty list of findings passed: the record grades 1 (vn.vnName, datesOrdered return [])', async () => {
    const def = defineDataset({
      name: 'empty-findings',
      fields: { name: field.text().check('shape', (v) => (v.includes('1') ? [{ code: 'has_digit' }] : []), { criterion: 'clean' }) },
    });
    const out = await graded(def, [{ name: 'Ngô Đình Huy' }, { name: 'Ng1' }]);
    expect(out[0]).toMatchObject({ grades: { clean: 1 }, overall: 1, findings: { clean: 0 }, rules: [] });
    expect(out[1]).toMatchObject({ grades: { clean: 0 }, findings: { clean: 1 }, rules: ['name.shape'] });
    const report = await run(def, [{ name: 'Ngô Đình Huy' }, { name: 'Ng1' }], { grades: true });
    expect(report.recordGrades).toEqual({ one: 1, atLeast90: 0, atLeast75: 0, below75: 1, ungraded: 0 });
  });

  it('the report carries the histogram of overall grades', async () => {
    const report = await run(defineDataset({ name: 'grades', fields, rules }), rows, { grades: true });
    expect(report.recordGrades).toEqual({ one: 2, atLeast90: 0, atLeast75: 0, below75: 3, ungraded: 0 });
    const plain = await run(defineDataset({ name: 'grades', fields, rules }), rows);
    expect(plain.recordGrades).toBeUndefined();
  });

  it('gradeRecords yields every record in order and returns the report', async () => {
    const it = gradeRecords(defineDataset({ name: 'grades', fields, rules }), rows, { now: NOW });
    const got: RecordGrade[] = [];
    let next = await it.next();
    while (next.done !== true) {
      got.push(next.value);
      next = await it.next();
    }
    expect(got.map((r) => r.overall)).toEqual([1, 0.5, 0.6875, 0.666667, 1]);
    expect(next.value.recordGrades?.below75).toBe(3);
  });

  it('gradeRecords refuses a baseline, which it would not apply (every violation judged new, without a word)', async () => {
    const keyed = defineDataset({ name: 'grades', key: 'a', fields, rules });
    const it = gradeRecords(keyed, rows, { now: NOW, baseline: baselineFrom([]) });
    await expect(it.next()).rejects.toThrow(/ddss: gradeRecords does not apply a baseline/);
  });
});

describe('README "A worklist for fixing records"', () => {
  it('its worked example table is what ddss computes', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split('## A worklist for fixing records')[1]?.split('\n## ')[0] ?? '';
    const table = [...section.matchAll(/^\| (\d) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| \*\*([^*]+)\*\* \|$/gm)]
      .map((m) => m.slice(2).map((x) => (x.trim() === 'null' ? null : Number(x.trim()))));
    expect(table).toHaveLength(5);
    const out = await graded(defineDataset({ name: 'grades', fields, rules }), rows);
    expect(out.map((r) => [r.grades.correct, r.grades.sufficient, r.grades.clean, r.grades.live, r.overall])).toEqual(table);
  });
});
