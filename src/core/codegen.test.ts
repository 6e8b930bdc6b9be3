import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateRule, defineDataset, field, rule, validate } from '../index.js';
import type { AggregateRule, TypedRow } from '../index.js';
import { missingTest } from './missing.js';
import { WATCHED_CALLS } from './when-watch.js';

const NOW = new Date('2026-11-22T00:00:00Z');

// The generated evaluator calls a field's missing-text test unfiltered for its first rows (so that V8 has type
// feedback for the call before it optimises), then only for values whose first character can start a token. Either
// way a value is missing exactly when it is a token (or blank): the same on row 0 as on row 500.
describe('missing values, in the first rows and after', () => {
  const def = defineDataset({
    name: 'm', missingValues: ['N/A', '00/00/0000'],
    fields: { id: field.text(), code: field.text().required() },
  });
  // Tokens, padded tokens, blanks, and values that start like a token (or not) without being one.
  const cells = ['N/A', ' N/A ', '', '   ', '00/00/0000', 'N/Ax', 'Nam', '0', 'X', 'n/a', '00/00/00000'];
  const missing = new Set(['N/A', ' N/A ', '', '   ', '00/00/0000']);

  it('are the values that are tokens or blank, wherever they come', async () => {
    const rows: Array<{ id: string; code: string }> = [];
    for (let i = 0; i < 600; i++) rows.push({ id: String(i), code: cells[(i * 7) % cells.length] as string });
    const report = await validate(def, rows, { now: NOW, maxSamplesPerRule: 1000 });
    const required = report.rules.find((r) => r.id === 'code.required');
    const expected = rows.flatMap((r, i) => (missing.has(r.code) ? [i] : []));
    expect(required?.samples.map((s) => s.row)).toEqual(expected);
    expect(required?.failed).toBe(expected.length);
    // Every row 0–63 (the unfiltered ones) and later holds each kind of cell.
    expect(new Set(rows.slice(0, 64).map((r) => r.code)).size).toBe(cells.length);
  });
});

// The evaluator's filters before the missing-text test (first character, length, last character) only skip values
// the test would reject: whatever the values, a cell is missing in the evaluator exactly when `missingTest` says so.
describe('the evaluator\'s missing-value filters', () => {
  const tokens = ['N/A', 'NULL', '-', '--', '00/00/0000', '01/01/1900', '1/1/1900', '00000000', 'x'.repeat(40), 'Không có', ' ?? '];
  const def = defineDataset({ name: 'f', missingValues: tokens, fields: { v: field.text().required() } });
  const isMissing = missingTest(tokens);
  const value = fc.oneof(
    fc.constantFrom(...tokens),
    fc.tuple(fc.constantFrom('', ' ', '\u00a0', '\t', '\u3000'), fc.constantFrom(...tokens), fc.constantFrom('', ' ', '\u00a0', '\u2003'))
      .map(([a, t, b]) => a + t + b),
    fc.string({ unit: fc.constantFrom('0', '1', '/', 'N', 'A', 'x', ' ', '\u00a0', 'K', 'ô', '-', '?'), maxLength: 42 }),
  );

  it('skip only values missingTest rejects, in the first rows and after', async () => {
    await fc.assert(fc.asyncProperty(fc.array(value, { minLength: 70, maxLength: 200 }), async (values) => {
      const report = await validate(def, values.map((v) => ({ v })), { now: NOW, maxSamplesPerRule: 1000 });
      const rows = report.rules.find((r) => r.id === 'v.required')?.samples.map((x) => x.row);
      expect(rows).toEqual(values.flatMap((v, i) => (isMissing(v) ? [i] : [])));
    }), { numRuns: 60 });
  });
});

// Record rules and dataset aggregates of a row are handed the row's typed record, read from the context once. A
// record check's first calls see it through a watching view (`watchedCheck`), which reads the same values.
describe('the typed record of a row', () => {
  it('is one object for every record rule and dataset aggregate of a row, a new one for the next row', async () => {
    const seen: TypedRow[][] = [];
    const note = (row: TypedRow, at: number): void => { (seen[at] ??= []).push(row); };
    let at = -1;
    const first = rule.record('first', (r) => { at++; note(r, at); return true; });
    const second = rule.record('second', (r) => { note(r, at); return true; });
    const agg = aggregateRule<number, TypedRow>({ name: 'agg', criterion: 'clean' }, {
      init: () => 0, add: (_s, r) => { note(r, at); }, merge: (a, b) => a + b, finish: () => ({ checked: 1, findings: [] }),
    }) as AggregateRule;
    const def = defineDataset({ name: 'r', fields: { a: field.integer(), b: field.text() }, rules: [first, second, agg] });
    const watched = Array.from({ length: WATCHED_CALLS }, (_, i) => ({ a: String(i), b: 'v' }));
    await validate(def, [...watched, { a: '1', b: 'x' }, { a: '2', b: 'y' }, { a: 'z', b: 'w' }], { now: NOW });
    expect(seen).toHaveLength(WATCHED_CALLS + 3);
    for (const rows of seen.splice(0, WATCHED_CALLS)) expect(rows.map((r) => ({ ...r }))).toEqual([0, 1, 2].map(() => ({ ...rows[2] })));
    for (const rows of seen) {
      expect(rows).toHaveLength(3);
      expect(new Set(rows).size).toBe(1);
    }
    expect(new Set(seen.map((rows) => rows[0])).size).toBe(3);
    expect(seen.map((rows) => ({ ...rows[0] }))).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }, { a: undefined, b: 'w' }]);
  });
});
