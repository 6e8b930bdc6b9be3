import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createValidator, defineDataset, field, rule, toJson } from '../src/index.js';
import type { DatasetRule, Report } from '../src/index.js';
import { NOW } from './_run.js';

// A definition exercising every kind of rule: value rules, required, types, field and composite uniqueness,
// periods, coverage, freshness, row count and a cross-field record rule.
function definition(extra: readonly DatasetRule[] = []) {
  return defineDataset({
    name: 'props', key: 'id',
    fields: {
      id: field.text().required().unique(),
      group: field.text().required().oneOf(['a', 'b', 'c']),
      n: field.integer().min(0).max(100),
      from: field.date('dd/MM/yyyy').notInFuture(),
      to: field.date('dd/MM/yyyy'),
      name: field.text().trimmed({ severity: 'warning' }).nfc().pii(),
      updated: field.datetime().within({ days: 365 }),
    },
    rules: (rule) => [
      rule.uniqueBy(['group', 'n']),
      rule.noOverlap('id', 'from', 'to'),
      rule.coverage('group', ['a', 'b', 'c']),
      rule.freshness('updated', { days: 30 }),
      rule.rowCount({ min: 3 }),
      rule.record('ordered', (r) => r.from <= r.to, { fields: ['from', 'to'] }),
      ...extra,
    ],
  });
}

const cell = (values: readonly unknown[]) => fc.constantFrom(...values);
const rowArb = fc.record({
  id: cell(['P1', 'P2', 'P3', 'P4', '', 'N/A']),
  group: cell(['a', 'b', 'c', 'd', '']),
  n: cell(['1', '2', '50', '101', 'x', '', 7]),
  from: cell(['01/01/2024', '15/06/2024', '01/01/2025', '31/02/2024', '01/01/2099', '']),
  to: cell(['31/12/2024', '30/06/2024', '', '01/01/2023']),
  name: cell(['Nguyễn Văn An', ' Trần Thị Bình', 'Lê Văn Cường'.normalize('NFD'), '']),
  updated: cell(['2026-11-01T00:00:00Z', '2024-01-01T00:00:00Z', 'yesterday', '']),
}, { requiredKeys: ['id', 'group'] });
const rowsArb = fc.array(rowArb, { maxLength: 40 });

function report(rows: readonly unknown[], extra: readonly DatasetRule[] = [], maxSamplesPerRule = 5): Report {
  const v = createValidator(definition(extra), { now: NOW, maxSamplesPerRule });
  v.addMany(rows);
  return v.finish();
}

/** Validates each shard separately, ships its state as a worker would (structured clone), and merges in order. */
function merged(shards: readonly (readonly unknown[])[]): Report {
  const [first, ...rest] = shards.map((rows) => {
    const v = createValidator(definition(), { now: NOW, maxSamplesPerRule: 5 });
    v.addMany(rows);
    return v;
  });
  for (const v of rest) first?.merge(structuredClone(v.state()));
  return (first as ReturnType<typeof createValidator>).finish();
}

const scores = (r: Report) => [r.score, ...Object.values(r.criteria).flatMap((c) => [c.score, c.rowPassRate, c.tableScore])];
const counts = (r: Report) => r.rules.map((x) => [x.id, x.checked, x.failed, x.violations, x.passRate, x.score, x.status]);

describe('invariant 3: merging shards is exact', () => {
  it('merge of any split (empty shards included) equals the whole, byte for byte', () => {
    fc.assert(fc.property(rowsArb, fc.nat(), fc.nat(), (rows, i, j) => {
      const [a, b] = [i % (rows.length + 1), j % (rows.length + 1)].sort((x, y) => x - y) as [number, number];
      expect(toJson(merged([rows.slice(0, a), rows.slice(a, b), rows.slice(b)]))).toBe(toJson(report(rows)));
    }), { numRuns: 150 });
  });
});

describe('invariant 4: scores', () => {
  it('every score is null or in [0, 1], never NaN', () => {
    fc.assert(fc.property(rowsArb, (rows) => {
      for (const s of scores(report(rows))) expect(s === null || (s >= 0 && s <= 1)).toBe(true);
    }), { numRuns: 150 });
  });

  it('adding a valid row never lowers a score', () => {
    let serial = 0;
    fc.assert(fc.property(rowsArb, (rows) => {
      serial++;
      const valid = { id: `V${serial}`, group: 'c', n: String(60 + (serial % 40)), from: '01/01/2026', to: '', name: 'Phạm Thị Dung', updated: '2026-11-20T00:00:00Z' };
      // The valid row must not collide with the generated ones: its id (the period entity) and (group, n) are fresh.
      const before = scores(report(rows));
      const after = scores(report([...rows, valid]));
      before.forEach((s, k) => {
        const t = after[k];
        if (s !== null && t !== null && t !== undefined) expect(t).toBeGreaterThanOrEqual(s - 1e-9);
      });
    }), { numRuns: 100 });
  });

  it('adding a row that breaks a rule never raises that rule’s pass rate', () => {
    fc.assert(fc.property(rowsArb, (rows) => {
      const broken = { id: 'B', group: 'd', n: '1', from: '', to: '', name: '', updated: '' };
      const rate = (r: Report) => r.rules.find((x) => x.id === 'group.oneOf')?.passRate ?? null;
      const before = rate(report(rows));
      const after = rate(report([...rows, broken])) as number;
      if (before !== null) expect(after).toBeLessThanOrEqual(before);
    }), { numRuns: 100 });
  });

  it('reordering rows or columns changes no score or count', () => {
    fc.assert(fc.property(rowsArb, fc.nat(), (rows, seed) => {
      const shuffled = [...rows].sort(() => 0).map((r, k, all) => all[(k * 7 + seed) % all.length] ?? r);
      // A permutation only when the mapping is a bijection; fall back to reversal otherwise.
      const permuted = new Set(shuffled).size === rows.length ? shuffled : [...rows].reverse();
      const reversedKeys = rows.map((r) => Object.fromEntries(Object.entries(r).reverse()));
      const base = report(rows);
      expect(scores(report(permuted))).toEqual(scores(base));
      expect(counts(report(permuted))).toEqual(counts(base));
      expect(toJson(report(reversedKeys))).toBe(toJson(base));
    }), { numRuns: 100 });
  });
});

describe('invariant 7: a faulty rule is isolated', () => {
  it('a rule throwing at any row leaves every other rule’s result identical', () => {
    fc.assert(fc.property(rowsArb, fc.nat(), (rows, at) => {
      const target = rows.length === 0 ? 0 : at % rows.length;
      let seen = -1;
      const faulty = rule.record('faulty', () => {
        seen++;
        if (seen === target) throw new Error('broken rule');
        return true;
      });
      const withFault = report(rows, [faulty]);
      const without = report(rows);
      expect(withFault.rules.filter((r) => r.id !== 'faulty')).toEqual(without.rules);
      if (rows.length > 0) {
        expect(withFault.rules.find((r) => r.id === 'faulty')?.status).toBe('error');
        expect(withFault.status).toBe('error');
      }
    }), { numRuns: 100 });
  });
});

describe('invariant 8: deterministic', () => {
  it('the same input and `now` give byte-identical JSON', () => {
    fc.assert(fc.property(rowsArb, (rows) => {
      expect(toJson(report(rows))).toBe(toJson(report(structuredClone(rows))));
    }), { numRuns: 100 });
  });
});
