import { describe, expect, it } from 'vitest';
import { compare } from '../compare/compare.js';
import { formatComparison } from './comparison-text.js';
import { toComparisonHtml } from './comparison-html.js';
import { toComparisonMarkdown } from './comparison-markdown.js';
import { toComparisonJson } from './comparison-json.js';

const reportJson = (r: Parameters<typeof toComparisonJson>[0]): { error?: string } => JSON.parse(toComparisonJson(r)) as { error?: string };

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

// Under locale vi the verdict was Vietnamese and the reason under it English ("source: the input is empty …").
describe('why a comparison was not evaluated, in the outputs\' language', () => {
  const empty = async function* rows(): AsyncGenerator<Record<string, unknown>> { /* no record */ };
  it('names the side in Vietnamese and keeps what its reader said; "nothing to compare" in Vietnamese', async () => {
    const failing = (async function* rows() {
      yield { id: 'a' };
      throw new Error('đĩa hỏng');
    })();
    const partial = await compare(failing, [{ id: 'a' }], { key: 'id' });
    expect(partial.error).toBe('source: đĩa hỏng');
    expect(formatComparison(partial, { locale: 'vi' })).toContain('\n  nguồn: đĩa hỏng\n');
    expect(toComparisonMarkdown(partial, { locale: 'vi' })).toContain('\nnguồn: đĩa hỏng\n');
    expect(toComparisonHtml(partial, { locale: 'vi' })).toContain('<p class="reason">nguồn: đĩa hỏng</p>');
    expect(formatComparison(partial)).toContain('\n  source: đĩa hỏng\n');
    const nothing = await compare(empty(), empty(), { key: 'id' });
    expect(formatComparison(nothing, { locale: 'vi' }))
      .toContain('\n  không có gì để đối chiếu: nguồn và bản sao không có bản ghi nào (0 dòng mỗi bên)\n');
    expect(reportJson(nothing).error).toBe('nothing to compare: the source and the copy hold no records (0 rows on each side)');
  });
});
