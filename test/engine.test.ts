import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule, validate, toJson } from '../src/index.js';
import type { Violation } from '../src/index.js';
import { NOW, run, ruleOf } from './_run.js';

describe('missing values', () => {
  const def = defineDataset({ name: 'd', fields: { a: field.integer().required().min(0).max(9).unique() } });
  it('one empty cell is one sufficient finding, not five', async () => {
    const report = await run(def, [{ a: '' }, { a: '  ' }, { a: 'N/A' }, {}, { a: null }]);
    expect(report.violations.map((v) => v.rule)).toEqual(Array(5).fill('a.required'));
    expect(ruleOf(report, 'a.min').checked).toBe(0);
  });
  it('an unparseable value is one invalid_type finding and skips the field’s other rules', async () => {
    const report = await run(def, [{ a: 'abc' }, { a: '42' }]);
    expect(report.violations.map((v) => [v.rule, v.code, v.row])).toEqual([
      ['a.type', 'invalid_type', 0], ['a.max', 'above_maximum', 1],
    ]);
    expect(ruleOf(report, 'a.max').checked).toBe(1);
  });
  it('per-field missing tokens add to the dataset’s', async () => {
    const d = defineDataset({ name: 'd', fields: { a: field.text().required().missing(['0']) }, missingValues: ['-'] });
    const report = await run(d, [{ a: '0' }, { a: '-' }, { a: 'N/A' }]);
    expect(ruleOf(report, 'a.required').failed).toBe(2); // N/A is not missing once the dataset replaces the defaults
  });
});

describe('row shapes', () => {
  const def = defineDataset({ name: 'd', key: 'id', fields: { id: field.text().required(), n: field.integer().min(1) } });
  it('objects, Maps and arrays (with columns) give the same report', async () => {
    const objects = await run(def, [{ id: 'a', n: '0' }, { id: 'b', n: 2 }]);
    const maps = await run(def, [new Map<string, unknown>([['id', 'a'], ['n', '0']]), new Map<string, unknown>([['id', 'b'], ['n', 2]])]);
    const v = createValidator(def, { now: NOW });
    v.addBatch({ columns: ['n', 'id'], rows: [['0', 'a'], [2, 'b']], lines: [2, 3] });
    const arrays = v.finish();
    expect(toJson(maps)).toBe(toJson(objects));
    expect(arrays.violations[0]).toMatchObject({ rule: 'n.min', row: 0, line: 2, key: 'a' });
    expect(arrays.criteria).toEqual(objects.criteria);
  });
  it('treats __proto__ and constructor as ordinary fields and never pollutes prototypes', async () => {
    const hostile = defineDataset({
      // Object.fromEntries defines own properties (a `__proto__:` literal key would set the prototype instead).
      name: 'd', fields: Object.fromEntries([['__proto__', field.text().required()], ['constructor', field.text().required()]]),
    });
    const row = JSON.parse('{"__proto__": "x", "constructor": "y"}') as object;
    const report = await run(hostile, [row, {}]);
    expect(report.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['__proto__.required', 'constructor.required']));
    expect(ruleOf(report, '__proto__.required').failed).toBe(1);
    expect(ruleOf(report, 'constructor.required').failed).toBe(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it('keys and values may be any JS value, null-prototype objects and cycles included', async () => {
    const odd = Object.create(null) as Record<string, unknown>;
    odd.x = 1;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const d = defineDataset({ name: 'd', key: 'id', fields: { id: field.any(), n: field.integer() } });
    const report = await run(d, [{ id: odd, n: 'x' }, { id: cyclic, n: 'y' }, { id: Symbol('s'), n: 'z' }]);
    expect(report.violations.map((v) => v.key)).toEqual(['{"x":1}', '[object Object]', 'Symbol(s)']);
  });

  it('non-object rows are evaluated as rows with every cell missing', async () => {
    const report = await run(def, [42, 'text', null]);
    expect(ruleOf(report, 'id.required').failed).toBe(3);
  });

  // rows.map(async (r) => …) without awaiting: each Promise read as a row with every field missing, its rules skipped,
  // so the record inside was never checked and a run of them passed. A Date, Set or bytes are no record either.
  it('objects that are not records (a Promise, a Date, a Set, bytes) are non_object_element, never evaluated as empty rows', async () => {
    const optional = defineDataset({ name: 'o', fields: { n: field.integer().min(1) } });
    const report = await run(optional, [{ n: 2 }, Promise.resolve({ n: 0 }), new Date(), new Set([1]), new Uint8Array(1), { n: 3 }]);
    expect(report.status).toBe('failed');
    const issue = ruleOf(report, 'source.non_object_element');
    expect([issue.failed, issue.samples.map((v) => [v.row, v.message])]).toEqual([4, [
      [1, 'the record is not an object of fields (type: Promise) and was not read'], [2, 'the record is not an object of fields (type: Date) and was not read'],
      [3, 'the record is not an object of fields (type: Set) and was not read'], [4, 'the record is not an object of fields (type: Uint8Array) and was not read'],
    ]]);
    class Parcel { get n(): number { return 5; } }
    expect(ruleOf(await run(optional, [new Parcel(), Object.create(null) as object]), 'n.min').checked).toBe(1);
  });

  // Rows given in code are objects or Maps (README): an array names no field. Read by the definition's field order, a
  // cell past the fields was dropped without a finding (`['1', 5, -7, 'junk']` passed), a header row given first was
  // judged as data, and a Map's [key, record] entries were read as id and record.
  it('arrays given in code, without a header, are non_object_element, never read by the fields\' order', async () => {
    const report = await run(def, [['1', 5, -7, 'junk'], { id: 'b', n: 2 }, ['2', 3]]);
    expect(report.status).toBe('failed');
    const issue = ruleOf(report, 'source.non_object_element');
    expect([issue.failed, issue.samples.map((v) => [v.row, v.message])]).toEqual([2, [
      [0, 'the record is not an object of fields (type: array) and was not read'], [2, 'the record is not an object of fields (type: array) and was not read'],
    ]]);
    expect([ruleOf(report, 'id.required').failed, ruleOf(report, 'n.min').checked]).toEqual([2, 1]);
    const v = createValidator(def, { now: NOW });
    v.add(['1', 5]);
    v.addBatch({ rows: [['2', 3]] });
    expect(ruleOf(v.finish(), 'source.non_object_element').failed).toBe(2);
  });
});

describe('samples and the violation sink', () => {
  const def = defineDataset({ name: 'd', fields: { a: field.text().pattern(/^\d$/) } });
  const rows = Array.from({ length: 250 }, () => ({ a: 'x' }));
  it('keeps at most maxSamplesPerRule samples with exact counts', async () => {
    const report = await run(def, rows, { maxSamplesPerRule: 7 });
    const r = ruleOf(report, 'a.pattern');
    expect([r.samples.length, r.failed, r.violations, r.truncated]).toEqual([7, 250, 250, true]);
    expect(r.samples.map((s) => s.row)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('streams every violation to onViolation without limit', async () => {
    const seen: Violation[] = [];
    await run(def, rows, { maxSamplesPerRule: 0, onViolation: (v) => seen.push(v) });
    expect(seen).toHaveLength(250);
    expect(seen[249]).toMatchObject({ rule: 'a.pattern', criterion: 'correct', severity: 'error', row: 249, code: 'pattern_mismatch' });
  });
  it('orders report.violations by row, then rule', async () => {
    const d = defineDataset({ name: 'd', fields: { a: field.text().required(), b: field.text().required() } });
    const report = await run(d, [{}, { a: 'x' }]);
    expect(report.violations.map((v) => `${v.row}:${v.rule}`)).toEqual(['0:a.required', '0:b.required', '1:b.required']);
  });
});

describe('isolation of faulty rules', () => {
  it('a throwing rule is an error with its first message; the others are unaffected; the run is in error', async () => {
    const boom = rule.record('boom', (r) => {
      if (r.a === 'bad') throw new Error('cannot handle');
      return true;
    });
    const def = defineDataset({ name: 'd', fields: { a: field.text().pattern(/^\d+$/) }, rules: [boom] });
    const report = await run(def, [{ a: '1' }, { a: 'bad' }, { a: 'bad' }]);
    expect(ruleOf(report, 'boom')).toMatchObject({ status: 'error', error: 'cannot handle (row 1)', checked: 0, samples: [] });
    expect(ruleOf(report, 'a.pattern')).toMatchObject({ checked: 3, failed: 2, status: 'failed' });
    expect(report.status).toBe('error');
  });
  it('a throwing `when` or field check is isolated the same way', async () => {
    const def = defineDataset({
      name: 'd',
      fields: { a: field.text().check('explodes', () => { throw new TypeError('x'); }).trimmed({ when: () => { throw new Error('w'); } }) },
    });
    const report = await run(def, [{ a: ' v' }]);
    expect(ruleOf(report, 'a.explodes').status).toBe('error');
    expect(ruleOf(report, 'a.trimmed').status).toBe('error');
    expect(ruleOf(report, 'a.type').status).toBe('passed');
  });
});

describe('definitions', () => {
  it('rejects duplicate rule ids, unknown key fields and bad thresholds', () => {
    expect(() => defineDataset({ name: 'd', fields: { a: field.text().pattern(/a/).pattern(/b/) } })).toThrow(/used twice/);
    // The types refuse a key that is not a field; untyped callers (JavaScript, built definitions) meet the runtime check.
    // @ts-expect-error -- 'x' is not a field
    expect(() => defineDataset({ name: 'd', key: 'x', fields: { a: field.text() } })).toThrow(/key field "x"/);
    expect(() => defineDataset({ name: 'd', fields: { a: field.text().pattern(/a/, { threshold: 2 }) } })).toThrow(/threshold/);
    expect(() => defineDataset({ name: '', fields: { a: field.text() } })).toThrow(/name/);
  });
  it('modifiers return new specs and leave the original unchanged', () => {
    const base = field.text();
    const strict = base.required().pattern(/x/);
    expect(base.rules).toHaveLength(0);
    expect(base.requiredRule).toBeUndefined();
    expect(strict.rules).toHaveLength(1);
  });
  it('`when` restricts a rule to some rows, which alone count as checked', async () => {
    const def = defineDataset({
      name: 'd',
      fields: { kind: field.text(), term: field.text().oneOf(['LAU_DAI'], { when: (r) => r.kind === 'ONT' }) },
    });
    const report = await run(def, [{ kind: 'ONT', term: 'LAU_DAI' }, { kind: 'ONT', term: '01/01/2070' }, { kind: 'LUC', term: '01/01/2070' }]);
    expect(ruleOf(report, 'term.oneOf')).toMatchObject({ checked: 2, failed: 1 });
  });
});

describe('sources', () => {
  it('an async iterable that fails mid-stream gives a partial report in error, never a rejection', async () => {
    const def = defineDataset({ name: 'd', fields: { a: field.text().required() } });
    async function* rows() {
      yield { a: 'x' };
      throw new Error('connection reset');
    }
    const report = await validate(def, rows(), { now: NOW });
    expect([report.partial, report.status, report.rows, report.source?.error]).toEqual([true, 'error', 1, 'connection reset']);
  });
  it('structural issues become source rules with row, record and header scopes', async () => {
    const def = defineDataset({ name: 'd', fields: { a: field.text() } });
    const v = createValidator(def, { now: NOW });
    v.addBatch({
      columns: ['a', ''], rows: [['x'], ['y', 'z']], lines: [2, 3],
      issues: [
        { code: 'blank_header', criterion: 'clean', severity: 'error', scope: 'header', params: { column: 2 } },
        { code: 'missing_cell', criterion: 'sufficient', severity: 'error', scope: 'row', index: 0, line: 2 },
        { code: 'blank_row', criterion: 'clean', severity: 'error', scope: 'record', line: 4 },
      ],
    });
    const report = v.finish({ kind: 'csv' });
    expect(ruleOf(report, 'source.missing_cell')).toMatchObject({ level: 'row', checked: 2, failed: 1 });
    expect(ruleOf(report, 'source.blank_row')).toMatchObject({ level: 'table', checked: 3, failed: 1, score: 0.666667 });
    expect(ruleOf(report, 'source.blank_header')).toMatchObject({ level: 'table', checked: 2, failed: 1, score: 0.5 });
    expect(report.criteria.sufficient.rowPassRate).toBe(0.5);
  });
});
