import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, toJson } from '../src/index.js';
import type { CheckResult, SourceIssue, Violation } from '../src/index.js';
import { createFailureLog } from '../src/core/failure-log.js';
import { NOW } from './_run.js';

// A batch of array rows under a header is evaluated a field at a time (src/core/codegen-columns.ts); a row added on
// its own, row by row. Everything a user sees must be the same: the report, and every violation in the same order.

const COLUMNS = ['id', 'n', 'kind', 'day', 'note', 'flaky', 'late', 'extra'];

/** Which rule saw which row, in the order the rules ran (cleared per run). */
let seen: string[] = [];
const saw = (what: string, row: number): true => {
  seen.push(`${what}@${row}`);
  return true;
};

const definition = defineDataset({
  name: 'columns',
  key: 'id',
  fields: {
    id: field.text().required().unique(),
    n: field.integer().required().min(1).max(50, { when: (r) => r.kind === 'A' }),
    kind: field.text().oneOf(['A', 'B']).check('seen', (_v, ctx) => saw('kind', ctx.row)),
    day: field.date('dd/MM/yyyy').notInFuture(),
    // A value rule that reads another field of its row's typed row, and one that reads a column that is no field.
    note: field.text().check('names_kind', (v, ctx) => ctx.record.kind === undefined || !v.includes(String(ctx.record.kind)))
      .check('extra_clean', (_v, ctx) => ctx.raw('extra') !== 'x'),
    // A rule that throws on one row: from there on it is skipped, and the error names that row.
    flaky: field.text().check('throws', (v, ctx) => {
      if (ctx.row === 300) throw new Error(`cannot read ${v}`);
      return v !== 'bad';
    }),
    // A rule that returns a Promise on one row: an error at that row, as a check may not be asynchronous.
    late: field.text().check('sync', (v) => (v === 'p' ? (Promise.resolve(true) as unknown as CheckResult) : v !== 'bad'))
      // A result that is no result (a number) on one row; two findings on others; an empty list (a pass) on the rest.
      .check('number', (v, ctx) => (ctx.row === 450 ? (3 as unknown as CheckResult) : v !== 'bad'))
      .check('findings', (v) => (v === 'bad' ? [{ code: 'first' }, { code: 'second', params: { v } }] : []))
      // A `when` that throws on one row, one that returns what is not a boolean on another, one that reads a column.
      .trimmed({ when: (r) => { if (r.id === 'P17') throw new Error('cannot tell'); return true; } })
      .nfc({ when: (r) => (r.id === 'P40' ? ('yes' as unknown as boolean) : r.kind !== 'B') }),
  },
  rules: [
    rule.record('n_fits_kind', (r) => saw('record', -1) && (r.kind !== 'B' || Number(r.n ?? 0) > 10)),
    rule.record('fails_twice', (r) => (r.kind === 'C' ? [{ code: 'one' }, { code: 'two' }] : true)),
    rule.record('throws_later', (r) => { if (r.id === 'P1500') throw new Error('record rule gave up'); return r.note !== 'plain'; }),
    rule.uniqueBy(['kind', 'n']),
  ],
});

/** Rows with defects in several fields of the same rows, some cells missing, some rows short. */
function rows(count: number): unknown[][] {
  let x = 7;
  const next = (m: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x >>> 12) % m; // the high bits: the low ones of this generator repeat every few draws
  };
  const out: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const row: unknown[] = [
      next(9) === 0 ? `P${i - 1}` : next(40) === 0 ? '' : `P${i}`,
      ['12', '0', '70', 'x', '', '9', '33'][next(7)],
      ['A', 'B', 'C', ''][next(4)],
      ['01/02/2020', '31/02/2020', '01/01/2030', '', '15/06/2001'][next(5)],
      ['plain', 'kind A', 'B side', ''][next(4)],
      ['ok', 'bad', 'ok', 'fine'][next(4)],
      i === 123 ? 'p' : ['ok', 'bad', 'ok'][next(3)],
      ['', 'x', ''][next(3)],
    ];
    out.push(next(50) === 0 ? row.slice(0, 3) : row);
  }
  return out;
}

const missingCell = (index: number, line: number): SourceIssue =>
  ({ code: 'missing_cell', criterion: 'sufficient', severity: 'error', scope: 'row', index, line });

/**
 * Validates `all` in batches of `size` rows (1: each row on its own, row by row), with a row-scope issue on every 97th
 * row unless `issues` is false (a batch's rows are then evaluated in the pieces between its issues).
 */
function validateIn(all: readonly unknown[][], size: number, issues = true): { json: string; violations: Violation[]; seen: string[] } {
  seen = [];
  const violations: Violation[] = [];
  const v = createValidator(definition, { now: NOW, maxSamplesPerRule: 5, onViolation: (x) => violations.push(x) });
  for (let start = 0; start < all.length; start += size) {
    const batch = all.slice(start, start + size);
    const lines = batch.map((_r, k) => start + k + 2);
    const found = issues ? batch.flatMap((_r, k) => ((start + k) % 97 === 5 ? [missingCell(k, start + k + 2)] : [])) : [];
    v.addBatch({ ...(start === 0 ? { columns: COLUMNS } : {}), rows: batch, lines, issues: found });
  }
  return { json: toJson(v.finish({ kind: 'csv' })), violations, seen };
}

describe('evaluating a batch a field at a time', () => {
  const all = rows(2000);
  const byRow = validateIn(all, 1);

  it('is what the batches were evaluated with (each rule sees the batch before the next rule runs)', () => {
    const byColumns = validateIn(all, 256, false);
    // The calls before the first record rule's: row by row, the first row's field rule alone; a field at a time, the
    // field rule on every row of the first batch (rows whose kind is missing are not checked).
    const beforeRecord = (seen: string[]) => seen.slice(0, seen.indexOf('record@-1'));
    const firstBatch = byRow.seen.filter((c) => c.startsWith('kind@') && Number(c.slice(5)) < 256);
    expect(beforeRecord(byRow.seen).length).toBeLessThanOrEqual(1);
    expect(firstBatch.length).toBeGreaterThan(150);
    expect(beforeRecord(byColumns.seen)).toEqual(firstBatch);
    expect(byColumns.seen.filter((c) => c.startsWith('kind'))).toEqual(byRow.seen.filter((c) => c.startsWith('kind')));
  });

  // 2000 rows in one batch: evaluated 1,024 at a time (COLUMN_ROWS).
  it.each([2, 7, 256, 300, 700, 2000])('gives the report and the violations, in their order, of rows added one by one (batches of %i)', (size) => {
    const byColumns = validateIn(all, size);
    expect(byColumns.violations.length).toBeGreaterThan(2000);
    expect(byColumns.violations).toEqual(byRow.violations);
    expect(byColumns.json).toBe(byRow.json);
  });

  it('errors a rule at the row it first misbehaves on, and still runs the rules that read the typed row or a column', () => {
    const report = JSON.parse(validateIn(all, 256).json) as { rules: { id: string; status: string; error?: string; failed: number }[] };
    const rule = (id: string) => report.rules.find((r) => r.id === id);
    expect(rule('flaky.throws')).toMatchObject({ status: 'error', error: 'cannot read ok (row 300)' });
    expect(rule('late.sync')?.error).toMatch(/row 123\)$/);
    expect(rule('late.number')?.error).toMatch(/row 450\)$/);
    expect(rule('late.trimmed')?.error).toMatch(/row 17\)$/);
    expect(rule('late.nfc')?.error).toMatch(/row 40\)$/);
    expect(rule('throws_later')?.error).toMatch(/row 1500\)$/);
    expect(rule('late.findings')?.failed).toBeGreaterThan(0);
    expect(rule('fails_twice')?.failed).toBeGreaterThan(0);
    expect(rule('kind+n.unique')?.failed).toBeGreaterThan(0);
    expect(rule('note.names_kind')?.failed).toBeGreaterThan(0);
    expect(rule('note.extra_clean')?.failed).toBeGreaterThan(0);
    expect(rule('n_fits_kind')?.failed).toBeGreaterThan(0);
  });
});

describe('createFailureLog', () => {
  it('hands the failures back by row, in the order logged within a row, and empties itself', () => {
    const log = createFailureLog();
    const logged: [number, number][] = [[5, 1], [3, 1], [9, 1], [3, 4], [5, 4], [3, 8], [4, 9]];
    for (let k = 0; k < 200; k++) logged.push([k % 11, 20 + k]); // past its first capacity
    for (const [row, o] of logged) log.add(row, o, false);
    const out: [number, number][] = [];
    log.inRowOrder(11, (row, o) => out.push([row, o]));
    expect(out).toEqual([...logged].sort((a, b) => a[0] - b[0])); // Array.prototype.sort is stable
    log.inRowOrder(11, () => { throw new Error('not empty'); });
  });
});
