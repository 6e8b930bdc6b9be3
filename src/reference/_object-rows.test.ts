import { describe, expect, it } from 'vitest';
import { reference } from '../index.js';

const load = (rows: Iterable<unknown> | AsyncIterable<unknown>) =>
  reference('population', rows, { key: 'id', columns: ['full_name'] }).load();

describe('a reference given in code with rows that are not records is refused (their keys would be "not in it")', () => {
  it.each([
    ['null', [{ id: '001', full_name: 'A' }, null, { id: '003', full_name: 'C' }], /the first at index 1: null/],
    ['a string', [{ id: '001', full_name: 'A' }, '002,B'], /the first at index 1: a string/],
    ['a number', [{ id: '001', full_name: 'A' }, 2], /the first at index 1: a number/],
    // Read by position against the first record's property order, it would be a guess.
    ['an array', [{ id: '001', full_name: 'A' }, ['002', 'B']], /the first at index 1: an array/],
  ])('%s', async (_what, rows, message) => {
    const t = await load(rows);
    expect(t.error).toMatch(/^reference 'population' holds 1 row\(s\) that are not records \(the first at index \d+: [^)]+\), so their keys would be reported as not in it; give each row as an object and run again$/);
    expect(t.error).toMatch(message);
  });

  it('counts them all and names the first, whatever row the header came from (also from an async iterable)', async () => {
    async function* rows(): AsyncGenerator<unknown> {
      yield null;
      yield { id: '001', full_name: 'A' };
      yield 'x';
      yield ['002'];
    }
    const t = await load(rows());
    expect([t.error, t.size]).toEqual([expect.stringContaining('holds 3 row(s) that are not records (the first at index 0: null)'), 1]);
  });

  it('no record at all is refused for its rows, not called empty', async () => {
    const t = await load([null, 'x']);
    expect(t.error).toMatch(/holds 2 row\(s\) that are not records \(the first at index 0: null\)/);
  });

  it('objects and Maps are records; an object without the key is a missing key, as documented', async () => {
    const t = await load([{ id: '001', full_name: 'A' }, new Map([['id', '002'], ['full_name', 'B']]), { full_name: 'C' }]);
    expect([t.error, t.size, t.has(['002']), t.missingKeys]).toEqual([undefined, 2, true, 1]);
  });
});
