import { describe, expect, it, vi } from 'vitest';
import { defineDataset, field, readCsv, toJson, validate } from '../index.js';
import { landParcels } from '../../rules/datasets/index.js';
import { assertValidReport } from '../../test/_report-schema.js';
import type { Report } from './types.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const LAND = new URL('../../examples/land/parcels.csv', import.meta.url).pathname;

/** Spends about `ms` milliseconds of CPU, so a rule is measurably slow. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* spin */ }
}

const people = defineDataset({
  name: 'timed-people',
  key: 'id',
  fields: {
    id: field.text().required().unique(),
    name: field.text().check('slow', (v) => { busy(0.5); return v !== 'bad'; }),
    born: field.date('dd/MM/yyyy').notInFuture(),
  },
  rules: (rule) => [rule.record('bornKnown', (r) => r.born !== undefined, { fields: ['born'] })],
});
const rows = Array.from({ length: 60 }, (_, i) => ({ id: `P${i}`, name: i % 7 === 0 ? 'bad' : 'An', born: '01/02/1990' }));

/** The report's rule ids that the definition declares (source findings are the reader's, not rules to time). */
const declared = (r: Report) => r.rules.map((x) => x.id).filter((id) => !id.startsWith('source.')).sort();

describe('timings', () => {
  it('are absent from the report and its JSON unless asked for', async () => {
    const report = await validate(people, rows, { now: NOW });
    expect(report.timings).toBeUndefined();
    expect(toJson(report)).not.toContain('"timings"');
  });

  it('name every rule of the definition once, in ms ≥ 0, slowest first, with shares summing to 1', async () => {
    const report = await validate(people, rows, { now: NOW, timings: true });
    const t = report.timings;
    if (t === undefined) throw new Error('no timings');
    expect(t.rules.map((r) => r.id).sort()).toEqual(declared(report));
    for (const r of t.rules) expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(t.rules.map((r) => r.ms)).toEqual([...t.rules.map((r) => r.ms)].sort((a, b) => b - a));
    expect(t.rules.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 2);
    for (const v of Object.values(t.stages)) expect(v).toBeGreaterThanOrEqual(0);
    expect(t.threads).toBe(1);
    expect(t.totalMs).toBeGreaterThan(0);
    assertValidReport(report);
  });

  it('put a slow check first, with most of the rule time', async () => {
    const t = (await validate(people, rows, { now: NOW, timings: true })).timings;
    expect(t?.rules[0]?.id).toBe('name.slow');
    expect(t?.rules[0]?.ms).toBeGreaterThanOrEqual(60 * 0.5 * 0.9);
    expect(t?.rules[0]?.share).toBeGreaterThan(0.5);
    expect(t?.stages.rules).toBeGreaterThanOrEqual(t?.rules[0]?.ms ?? Infinity);
  });

  // Reading the clock twice per rule and row made a timed land run take 1.6–1.8 × an untimed one: the first 256 rows
  // are timed, then one in 16 at random, weighted 16, less the clock's own reading (calibrated once per process, on
  // the real clock: a run before the fake one). With a clock that advances 1 ms at each reading, every rule is timed
  // on the same rows and charged alike; the sum is the rows' evaluation measured whole.
  it('time the first rows and one in 16 after them, and weigh the sums up to every row', async () => {
    // `once` costs 10 readings (10 ms) on its first row only, as a rule that loads a table does: counted once, not 16 times.
    let first = true;
    const once = (): boolean => {
      if (first) for (let i = 0; i < 10; i++) performance.now();
      first = false;
      return true;
    };
    const def = defineDataset({ name: 'clocked', fields: { id: field.text().check('once', once), n: field.integer().min(0).max(1000000) } });
    const many = Array.from({ length: 4096 }, (_, i) => ({ id: `R${i}`, n: String(i) }));
    await validate(def, many.slice(0, 1), { now: NOW, timings: true });
    first = true;
    let clock = 0;
    let readings = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => { readings++; return clock++; });
    try {
      const t = (await validate(def, many, { now: NOW, timings: true })).timings;
      if (t === undefined) throw new Error('no timings');
      const ms = new Map(t.rules.map((r) => [r.id, r.ms]));
      const each = ms.get('n.min') ?? 0;
      expect(each).toBeGreaterThan(0);
      for (const id of ['n.max', 'n.type', 'id.type']) expect(ms.get(id)).toBeCloseTo(each, 2);
      // 10 ms more on one row of some 500 timed: 1.002 × the others; weighted 16, it would be 1.03 or more.
      const ratio = (ms.get('id.once') ?? 0) / each;
      expect(ratio).toBeGreaterThan(1.0015);
      expect(ratio).toBeLessThan(1.01);
      // Each row is measured whole: 1 between its two readings plus the readings inside (those of the rules on the
      // rows timed). That is every reading less the row's own second ones (4096) and the few outside the rows.
      const whole = readings - 4096;
      expect(t.stages.parse + t.stages.rules).toBeLessThanOrEqual(whole);
      expect(t.stages.parse + t.stages.rules).toBeGreaterThan(whole - 40);
      // 2 readings a rule and timed row (5 rules, some 500 rows), 2 a row for the row measured whole (8192), and a
      // few for the run and its stages: far fewer than 2 a rule on every row (8192 + 40,960).
      expect(readings).toBeLessThan(8192 + 10 * 4096 / 4);
    } finally {
      spy.mockRestore();
    }
  });

  // Rules quicker than the clock's own reading leave no estimate; the rows' measured time is then shared by how often
  // each rule was measured, not lost from the stages. Here each rule's two readings see the same time (the clock
  // moves only between them), while the row's own two readings see it move.
  it('share the rows\' measured time even when no rule measured anything', async () => {
    const def = defineDataset({ name: 'instant', fields: { id: field.text().check('same', () => true), n: field.integer().min(0) } });
    const many = Array.from({ length: 1024 }, (_, i) => ({ id: `R${i}`, n: String(i) }));
    await validate(def, many.slice(0, 1), { now: NOW, timings: true });
    let readings = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => Math.floor(readings++ / 2) * 1000);
    try {
      const t = (await validate(def, many, { now: NOW, timings: true })).timings;
      if (t === undefined) throw new Error('no timings');
      const ms = new Map(t.rules.map((r) => [r.id, r.ms]));
      // Every rule is measured on the same rows: equal shares of the rows' time, which is not 0.
      expect(t.stages.parse + t.stages.rules).toBeGreaterThan(0);
      for (const id of ['id.same', 'n.type', 'n.min']) expect(ms.get(id)).toBeCloseTo(ms.get('id.type') ?? -1, 3);
    } finally {
      spy.mockRestore();
    }
  });

  // A measurement counts 16-fold: a rule slow on the rows that happened to be timed (or a timed row that a busy
  // machine paused) was charged 16 times what it spent, and the stages summed past the run's wall time.
  it('add up to no more than the run took, however uneven a rule is across the rows', async () => {
    const slowOn = (i: number): boolean => i >= 256 && i < 256 + 8 * 16 && i % 16 === 0;
    let row = 0;
    const def = defineDataset({
      name: 'uneven',
      fields: { id: field.text().check('uneven', () => { if (slowOn(row++)) busy(3); return true; }) },
    });
    const many = Array.from({ length: 512 }, (_, i) => ({ id: `R${i}` }));
    const t = (await validate(def, many, { now: NOW, timings: true })).timings;
    if (t === undefined) throw new Error('no timings');
    const { read, parse, rules, merge } = t.stages;
    expect(read + parse + rules + merge).toBeLessThanOrEqual(t.totalMs);
    // However its slow rows fell among the rows timed, the rule is charged no more than the run took (16 × 24 ms was
    // charged when every 16th row was timed).
    const uneven = t.rules.find((r) => r.id === 'id.uneven')?.ms ?? 0;
    expect(uneven).toBeLessThanOrEqual(t.totalMs);
  });

  // Rows came in batches of 256 and every 16th row was timed, so every batch's first row was: what a batch's first row
  // pays (a pending interrupt, a cold cache) was charged 16-fold to the rule that met it, and nothing of what the 7th
  // row pays. Rows timed at random see both alike. A clock that advances 1 ms at each reading makes the costs exact:
  // each rule reads it 500 times on its rows, one row in 256.
  it('charge a cost once per batch of 256 rows like any other cost', async () => {
    let row = 0;
    const cost = (): void => { for (let i = 0; i < 500; i++) performance.now(); };
    const def = defineDataset({
      name: 'per-batch',
      fields: {
        a: field.text().check('first', () => { if (row % 256 === 0) cost(); return true; }),
        b: field.text().check('seventh', () => { if (row % 256 === 7) cost(); row++; return true; }),
      },
    });
    const many = Array.from({ length: 65_536 }, () => ({ a: 'x', b: 'y' }));
    await validate(def, many.slice(0, 1), { now: NOW, timings: true });
    row = 0;
    let clock = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    try {
      const t = (await validate(def, many, { now: NOW, timings: true })).timings;
      expect(row).toBe(65_536);
      const ms = new Map(t?.rules.map((r) => [r.id, r.ms]));
      // 256 rows of 500 ms each: sampled, each rule is charged about its share; weighted 16 on every batch's first
      // row, `a.first` was charged 16 times its cost and `b.seventh` nothing of its own.
      const first = ms.get('a.first') ?? 0;
      const seventh = ms.get('b.seventh') ?? 0;
      expect(seventh).toBeGreaterThan(0);
      expect(first / seventh).toBeGreaterThan(1 / 3);
      expect(first / seventh).toBeLessThan(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('change nothing else in the report', async () => {
    const plain = await validate(landParcels, readCsv(LAND), { now: NOW });
    const { timings, ...timed } = await validate(landParcels, readCsv(LAND), { now: NOW, timings: true });
    expect(timings?.stages.read).toBeGreaterThan(0);
    expect(toJson(timed as Report)).toBe(toJson(plain));
  });

  it('sum over workers: the same rule ids, two threads, merge timed', async () => {
    const one = await validate(landParcels, readCsv(LAND), { now: NOW, timings: true });
    const two = await validate(landParcels, readCsv(LAND), { now: NOW, timings: true, workers: 2, minBytesPerWorker: 1 });
    expect(two.timings?.threads).toBe(2);
    expect(two.timings?.rules.map((r) => r.id).sort()).toEqual(one.timings?.rules.map((r) => r.id).sort());
    expect(two.timings?.rules.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 2);
    expect(two.timings?.stages.merge).toBeGreaterThan(0);
    expect(two.timings?.stages.read).toBeGreaterThan(0);
    const { timings: _a, ...a } = one;
    const { timings: _b, ...b } = two;
    expect(toJson(b as Report)).toBe(toJson(a as Report));
  });
});
