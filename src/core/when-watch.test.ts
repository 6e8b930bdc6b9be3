import { describe, expect, it } from 'vitest';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { validate } from './validate.js';
import { WATCHED_CALLS, watchedAdd, watchedCheck, watchedWhen } from './when-watch.js';
import { aggregateRule } from './rule-base.js';
import type { RuleContext, TypedRow } from './types.js';

// A `when` reading a name that is not a field (a typo: `Amount` for `amount`) read undefined on every row: the rule
// was skipped on every row, the run "Passed" with "1 rule was skipped (nothing to check)", exit 0.
describe('a when that reads what is not a field errors its rule', () => {
  const typo = (r: TypedRow) => r.Amount !== undefined;
  const rows = [{ amount: '-5' }, { amount: '3' }];

  it.each([
    ['a field rule', defineDataset({ name: 'sales', fields: { amount: field.number().min(0, { when: typo }) } }), 'amount.min'],
    ['required', defineDataset({ name: 'sales', fields: { amount: field.number().required({ when: typo }) } }), 'amount.required'],
    ['a record rule', defineDataset({ name: 'sales', fields: { amount: field.number() },
      rules: [rule.record('positive', (r) => (r.amount as number) > 0, { fields: ['amount'], when: typo })] }), 'positive'],
    ['a dataset aggregate', defineDataset({ name: 'sales', fields: { amount: field.number() },
      rules: [rule.uniqueBy(['amount'], { when: typo })] }), 'amount.unique'],
  ])('%s', async (_what, def, id) => {
    const report = await validate(def, rows);
    const r = report.rules.find((x) => x.id === id);
    expect(r).toMatchObject({ status: 'error', checked: 0 });
    expect(r?.error).toBe(`ddss: rule "${id}": its when reads "Amount", which is not a field of dataset "sales" (did you mean "amount"?): ` +
      'the row never holds it, so the condition would read undefined on every row (row 0)');
    expect(report.status).toBe('error');
  });

  it('names the read that made the when throw, and one read only on some rows', async () => {
    const def = defineDataset({ name: 'd', fields: { kind: field.text(), issued: field.date().min(new Date('2020-01-01'), {
      when: (r) => r.kind === 'b' && (r.isued as Date).getTime() > 0 }) } });
    const report = await validate(def, [{ kind: 'a', issued: '2021-01-01' }, { kind: 'b', issued: '2021-01-01' }]);
    expect(report.rules.find((x) => x.id === 'issued.min')?.error)
      .toMatch(/its when reads "isued", which is not a field of dataset "d" \(did you mean "issued"\?\).*\(row 1\)$/);
  });

  it('accepts a when reading fields, and names any code reads on any object', async () => {
    const def = defineDataset({ name: 'd', fields: { kind: field.text(), n: field.number().min(0, {
      when: (r) => JSON.stringify(r) !== '' && String(Object.keys(r)) !== '' && 'kind' in r && r.kind === 'a' }) } });
    const report = await validate(def, [{ kind: 'a', n: '-1' }, { kind: 'b', n: '-1' }]);
    expect(report.rules.find((x) => x.id === 'n.min')).toMatchObject({ status: 'failed', checked: 1, failed: 1 });
  });

  it('watches the first calls only, and passes the when what it returns', () => {
    const w = watchedWhen((r) => r.a === 1, ['a'], 'a.min', 'd');
    expect(w({ a: 1 })).toBe(true);
    expect(() => watchedWhen((r) => 'b' in r, ['a'], 'x', 'd')({ a: 1 })).toThrow(/its when reads "b"/);
    expect(WATCHED_CALLS).toBeGreaterThanOrEqual(100);
  });
});

// A record check reading a name that is not a field (`end_Date` for `end_date`) read undefined on every row: the
// guard for an optional end date held on every row, the rule passed every row and the run passed.
describe('a record check that reads what is not a field errors its rule', () => {
  const fields = { start_date: field.date('dd/MM/yyyy'), end_date: field.date('dd/MM/yyyy') };
  const rows = [{ start_date: '01/01/2024', end_date: '31/12/2023' }, { start_date: '01/01/2024', end_date: '01/06/2023' }];
  const ordered = (r: TypedRow) => r.end_Date === undefined || (r.end_Date as Date) >= (r.start_date as Date);

  it.each([
    ['in a list of rules', defineDataset({ name: 'p', fields, rules: [rule.record('ordered', ordered)] })],
    // TypeScript refuses `row.end_Date` on this typed row; JavaScript does not.
    ['with fields, from rules: (rule) => [ … ]', defineDataset({ name: 'p', fields,
      rules: (r) => [r.record('ordered', (row) => ordered(row as TypedRow), { fields: ['start_date'] })] })],
    ['read before a method call throws', defineDataset({ name: 'p', fields,
      rules: [rule.record('ordered', (r) => (r.end_Date as Date).getTime() >= (r.start_date as Date).getTime())] })],
    ['tested with in', defineDataset({ name: 'p', fields, rules: [rule.record('ordered', (r) => !('end_Date' in r))] })],
  ])('%s', async (_what, def) => {
    const report = await validate(def, rows);
    const r = report.rules.find((x) => x.id === 'ordered');
    expect(r).toMatchObject({ status: 'error', failed: 0 });
    expect(r?.error).toBe('ddss: rule "ordered": its check reads "end_Date", which is not a field of dataset "p" (did you mean ' +
      '"end_date"?): the row never holds it, so the check would read undefined on every row (row 0)');
    expect(report.status).toBe('error');
  });

  it('names a read made only on a later row', async () => {
    const def = defineDataset({ name: 'p', fields, rules: [rule.record('ordered', (r) => r.start_date === undefined || r.end_date === undefined
      || (r.end_date as Date) >= (r.start_date as Date) || r.endDate !== undefined)] });
    const report = await validate(def, [{ start_date: '01/01/2024' }, ...rows]);
    expect(report.rules.find((x) => x.id === 'ordered')?.error).toMatch(/its check reads "endDate", .*\(row 1\)$/);
  });

  it('passes a check reading fields, enumerating the row or read as any object is, and its verdicts', async () => {
    const def = defineDataset({ name: 'p', fields, rules: [rule.record('ordered', (r) => JSON.stringify(r) !== '' && String(Object.keys(r)) !== ''
      && !Object.hasOwn(r, 'end_Date') && Object.keys({ ...r }).length === 2 && 'end_date' in r && (r.end_date as Date) >= (r.start_date as Date))] });
    const r = (await validate(def, rows)).rules.find((x) => x.id === 'ordered');
    expect(r).toMatchObject({ status: 'failed', checked: 2, failed: 2 });
  });

  it('watches the first calls only, and passes the check what it is given and returns', () => {
    const ctx = { row: 7 } as RuleContext;
    const w = watchedCheck((r, c) => (r.a === 1 ? c.row : -1), ['a'], 'x', 'd');
    expect(w({ a: 1 }, ctx)).toBe(7);
    expect(() => watchedCheck((r) => r.b, ['a'], 'x', 'd')({ a: 1 }, ctx)).toThrow(/its check reads "b"/);
  });

  it('stops watching after its first calls', async () => {
    const stray = (r: TypedRow) => r.kind !== 'late' || r.Kind === undefined;
    const kinds = [...Array.from({ length: WATCHED_CALLS }, () => ({ kind: 'early' })), { kind: 'late' }];
    const def = defineDataset({ name: 'k', fields: { kind: field.text() }, rules: [rule.record('late', stray)] });
    expect((await validate(def, kinds)).rules.find((x) => x.id === 'late')).toMatchObject({ status: 'passed', checked: WATCHED_CALLS + 1 });
    expect((await validate(def, kinds.slice(1))).rules.find((x) => x.id === 'late')?.status).toBe('error');
  });
});

// A dataset aggregate's `add` reading a name that is not a field (`Status` for `status`) read undefined on every row:
// "at most 1 closed parcel" counted none, the rule passed and the run passed.
describe("a dataset aggregate's add that reads what is not a field errors its rule", () => {
  const atMostOneClosed = (read: (r: TypedRow) => unknown) => aggregateRule<{ n: number; rows: number }, TypedRow>(
    { name: 'closed.atMostOne', criterion: 'correct', code: 'too_many_closed' }, {
      init: () => ({ n: 0, rows: 0 }),
      add: (s, r) => { s.rows++; if (read(r) === 'closed') s.n++; },
      merge: (a, b) => ({ n: a.n + b.n, rows: a.rows + b.rows }),
      finish: (s) => ({ checked: s.rows, findings: s.n > 1 ? [{ code: 'too_many_closed' }] : [], score: s.n > 1 ? 0 : 1 }),
    });
  const rows = [{ status: 'closed' }, { status: 'closed' }, { status: 'open' }];
  const def = (read: (r: TypedRow) => unknown) => defineDataset({ name: 'p', fields: { status: field.text() }, rules: [atMostOneClosed(read)] });

  it('errors the rule, naming the read and the nearest field', async () => {
    const report = await validate(def((r) => r.Status), rows);
    const r = report.rules.find((x) => x.id === 'closed.atMostOne');
    expect(r?.status).toBe('error');
    expect(r?.error).toBe('ddss: rule "closed.atMostOne": its add reads "Status", which is not a field of dataset "p" (did you mean ' +
      '"status"?): the row never holds it, so the aggregate would read undefined on every row (row 0)');
    expect(report.status).toBe('error');
  });

  it('counts as before when it reads fields', async () => {
    const r = (await validate(def((r) => r.status), rows)).rules.find((x) => x.id === 'closed.atMostOne');
    expect(r).toMatchObject({ status: 'failed', checked: 3 });
  });

  it('watches the first calls only', () => {
    const add = watchedAdd((s: { n: number }, r: TypedRow) => { s.n += r.a as number; }, ['a'], 'x', 'd');
    const s = { n: 0 };
    add(s, { a: 2 }, {} as RuleContext);
    expect(s.n).toBe(2);
    expect(() => watchedAdd((_s: unknown, r: TypedRow) => r.b, ['a'], 'x', 'd')({}, { a: 1 }, {} as RuleContext)).toThrow(/its add reads "b"/);
  });
});
