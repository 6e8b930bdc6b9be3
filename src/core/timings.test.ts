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
  // are timed, then one in 16, weighted 16, less the clock's own reading (calibrated once per process, on the real
  // clock: a run before the fake one). With a clock that advances 1 ms at each reading, a rule is charged 1 ms a row
  // (less that sliver), from the readings of 256 + 240 rows of 4096.
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
      const ms = new Map(t?.rules.map((r) => [r.id, r.ms]));
      // Weighted, each rule's estimate is 4096 (256 rows at 1, 240 at 16), `once`'s 4096 + 10: its first row counted
      // once, not 16 times. The estimates are scaled to the rows' evaluation measured whole, where the clock moved
      // 11 at each timed row (10 readings of the rules, 1 between the two of the row's own measurement), 1 at each
      // other row, and 10 more on the first: 496 × 11 + 3600 + 10 = 9066 for the 5 rules together.
      const scale = 9066 / (5 * 4096 + 10);
      for (const id of ['n.min', 'n.max', 'n.type', 'id.type']) expect(ms.get(id)).toBeCloseTo(4096 * scale, 0);
      expect(ms.get('id.once')).toBeCloseTo((4096 + 10) * scale, 0);
      expect((t?.stages.parse ?? 0) + (t?.stages.rules ?? 0)).toBeCloseTo(9066, 0);
      // 2 readings a rule and timed row (5 rules: 4960), 2 a row for the row measured whole (8192), and a few for the
      // run and its stages.
      expect(readings).toBeLessThan(13_400);
    } finally {
      spy.mockRestore();
    }
  });

  // A measurement counts 16-fold: a rule slow on the rows that happen to be timed (or a timed row that a busy
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
    // 8 rows of 3 ms: the rule is charged about that (its share of the rows' time), not 16 × 24 ms.
    const uneven = t.rules.find((r) => r.id === 'id.uneven')?.ms ?? 0;
    expect(uneven).toBeGreaterThanOrEqual(8 * 3 * 0.9);
    expect(uneven).toBeLessThan(8 * 3 * 4);
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
