import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../index.js';
import { propertyWatch } from './property-watch.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const land = defineDataset({ name: 'land', fields: {
  owner_id: field.text().required(), area: field.number().min(0), note: field.text(),
} });
const rule = (r: Awaited<ReturnType<typeof validate>>, id: string) => r.rules.find((x) => x.id === id);

describe('rows given in code: a renamed property is a missing column, a field left out is not', () => {
  // Before: `area` read as missing in every row, its rules skipped, and the run passed with `Area: -5` never checked.
  it.each([
    ['a case change', { owner_id: '079', Area: -5 }, 'area', 'Area'],
    ['camelCase for snake_case', { ownerId: '079', area: 1 }, 'owner_id', 'ownerId'],
    ['words with a space', new Map<string, unknown>([['Owner ID', '079'], ['area', 1]]), 'owner_id', 'Owner ID'],
  ])('%s fails source.missing_column naming the property as the suggestion', async (_what, row, missing, property) => {
    const r = await validate(land, [row, row], { now: NOW });
    expect(r.status).toBe('failed');
    expect([rule(r, 'source.missing_column')?.failed, rule(r, 'source.missing_column')?.samples[0]?.field,
      rule(r, 'source.missing_column')?.samples[0]?.suggestion]).toEqual([1, missing, property]);
    expect(rule(r, 'source.unexpected_column')?.samples.map((s) => s.value)).toEqual([property]);
  });

  it.each([
    ['an optional field no row gives (sparse objects)', [{ owner_id: '079', area: 1 }, { owner_id: '080' }]],
    ['more properties than the definition reads', [{ owner_id: '079', area: 1, id: 7, createdAt: 'x' }]],
    ['a field seen in a later row only', [{ owner_id: '079' }, { owner_id: '080', note: 'n', area: 2 }]],
  ])('%s: no column finding', async (_what, rows) => {
    const r = await validate(land, rows, { now: NOW });
    expect(r.rules.filter((x) => x.id.startsWith('source.'))).toEqual([]);
    expect(r.status).toBe('passed');
  });

  it('reads rows from an async iterable the same way', async () => {
    async function* rows(): AsyncGenerator<unknown> {
      yield { owner_id: '079', Area: -5 };
    }
    const r = await validate(land, rows(), { now: NOW });
    expect(rule(r, 'source.missing_column')?.samples[0]?.suggestion).toBe('Area');
  });

  it('counts a getter on a class\'s prototype as a property, as the engine reads it', async () => {
    class Parcel {
      constructor(readonly owner_id: string) {}
      get area(): number { return 5; }
    }
    const r = await validate(land, [new Parcel('079')], { now: NOW });
    expect([r.status, rule(r, 'area.type')?.checked]).toEqual(['passed', 1]);
  });
});

describe('propertyWatch', () => {
  it('stops looking once every field was seen, and says nothing for rows that are not records', () => {
    const w = propertyWatch(['id', 'area']);
    w.see(null);
    w.see(['id', 'area']);
    expect(w.columns()).toBeNull();
    w.see({ id: 1 });
    expect(w.done()).toBe(false);
    w.see({ area: 2, Area: 3 });
    expect([w.done(), w.columns()]).toEqual([true, ['id', 'area']]);
  });

  it('keeps at most 1,000 undeclared properties', () => {
    const w = propertyWatch(['zz_field']);
    const row: Record<string, number> = { zzField: 1 };
    for (let i = 0; i < 5000; i++) row[`p${i}`] = i;
    w.see(row);
    expect(w.columns()?.length).toBe(1000);
  });
});
