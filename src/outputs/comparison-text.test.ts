import { describe, expect, it } from 'vitest';
import { compare } from '../compare/compare.js';
import { formatComparison } from './comparison-text.js';

describe('formatComparison samples', () => {
  it('quotes each key as the cells are quoted, so a trailing space or an empty key shows', async () => {
    const r = await compare([{ id: 'a', v: 'x' }, { id: 'b ', v: 'y' }, { id: '', v: 'z' }, { id: 'd', v: '1' }, { id: 'd', v: '2' }],
      [{ id: 'a', v: 'x2' }, { id: 'b', v: 'y' }, { id: 'd', v: '1' }], { key: 'id' });
    const samples = formatComparison(r).split('\n').filter((s) => s.startsWith('    ')).map((s) => s.trim()).sort();
    expect(samples).toEqual([
      'changed "a" v: "x" → "x2"',
      'duplicate key "d" (occurrences (source/copy) 2/1)',
      'extra in the copy "b"',
      'missing in the copy ""',
      'missing in the copy "b "',
    ]);
  });
});
