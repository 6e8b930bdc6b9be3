import { describe, expect, it } from 'vitest';
import { compare } from '../compare/compare.js';
import { formatComparison } from './comparison-text.js';

describe('formatComparison samples', () => {
  it('quotes each key as the cells are quoted, so a trailing space shows, and names records with an empty key', async () => {
    const r = await compare([{ id: 'a', v: 'x' }, { id: 'b ', v: 'y' }, { id: '', v: 'z' }, { id: 'd', v: '1' }, { id: 'd', v: '2' }],
      [{ id: 'a', v: 'x2' }, { id: 'b', v: 'y' }, { id: 'd', v: '1' }], { key: 'id' });
    const samples = formatComparison(r).split('\n').filter((s) => s.startsWith('    ')).map((s) => s.trim()).sort();
    expect(samples).toEqual([
      'changed "a" v: "x" → "x2"',
      'duplicate key "d" (occurrences (source/copy) 2/1)',
      'extra in the copy "b"',
      'missing in the copy "b "',
    ]);
    // An empty key is no key: its record is paired with nothing, and said so apart from the samples.
    expect(formatComparison(r)).toContain('  Records with a blank key, paired with nothing (not compared, so the copy is not called equal): Source 1 (record 3) · Copy 0\n');
  });
});

describe('formatComparison counts', () => {
  it('says "1 row" of a side of one record, not "1 rows"', async () => {
    const r = await compare([{ id: 'a', v: 'x' }], [{ id: 'a', v: 'x' }, { id: 'b', v: 'y' }], { key: 'id' });
    expect(formatComparison(r)).toContain('  Source: 1 row · Copy: 2 rows · Key: id\n');
  });
});
