import { describe, expect, it } from 'vitest';
import { compare } from '../compare/compare.js';
import { toComparisonHtml } from './comparison-html.js';
import { toComparisonMarkdown } from './comparison-markdown.js';
import { formatComparison } from './comparison-text.js';
import { HTML_CSP } from './_html-assets.js';

const evil = '<script>alert(1)</script>|*x*\u001b[31m';
const report = () => compare([{ id: '1', v: 'a' }, { id: '2', v: 'b' }], [{ id: '1', v: evil }, { id: '3', v: 'c' }], { key: 'id' });

describe('comparison outputs', () => {
  it('HTML: a live gauge with the score, the validation report\'s CSP, every value escaped, the report embedded', async () => {
    const html = toComparisonHtml(await report());
    expect(html).toContain(`content="${HTML_CSP}"`);
    expect(html).toMatch(/data-gauge="live" data-score="0"/);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('id="ddss-comparison"');
  });

  it('HTML and Markdown name the structural problems of each file', async () => {
    const r = { ...(await report()), sourceIssues: { source: {}, copy: { missing_cell: 2 } } };
    expect(toComparisonHtml(r)).toMatch(/id="issues"><p>Copy file problems[^<]*: <code>missing_cell<\/code> 2<\/p>/);
    expect(toComparisonMarkdown(r)).toContain('`missing_cell` 2');
  });

  it('HTML and Markdown list the columns that differ, most changes first', async () => {
    const r = await compare([{ id: '1', a: 'x', b: 'x', c: 'x' }, { id: '2', a: 'x', b: 'x', c: 'x' }],
      [{ id: '1', a: 'x', b: 'y', c: 'y' }, { id: '2', a: 'x', b: 'x', c: 'y' }], { key: 'id' });
    const html = toComparisonHtml(r);
    const table = html.slice(html.indexOf('id="columns"'), html.indexOf('</table>', html.indexOf('id="columns"')));
    expect([...table.matchAll(/<code>(\w)<\/code>/g)].map((m) => m[1])).toEqual(['c', 'b']);
    expect(toComparisonMarkdown(r)).toMatch(/\| `c` \| 2 \|\n\| `b` \| 1 \|/);
  });

  it('HTML: an empty gauge ("—") when there is no score', async () => {
    const html = toComparisonHtml(await compare([], [{ id: '1' }], { key: 'id' }));
    expect(html).toMatch(/data-gauge="live" data-score=""/);
    expect(html).toContain('>—<');
  });

  it('Markdown: counts table and samples, data escaped so it adds no markup', async () => {
    const md = toComparisonMarkdown(await report());
    expect(md).toContain('| 0 | 1 | 1 | 1 | 0 |');
    // Inside a code span, where Markdown renders no HTML and no emphasis; the table pipe is escaped.
    expect(md).toContain('`<script>alert(1)</script>\\|*x*\\u001b[31m`');
  });

  it('text: verdict, counts and samples with control characters made visible', async () => {
    const text = formatComparison(await report());
    expect(text.split('\n')[0]).toBe('Different: the copy does not match its source — Live 0% (0 of 2 source records present and equal in the copy)');
    expect(text).toContain('matched 0 · changed 1 · missing 1 · extra 1 · duplicate keys 0');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b');
  });

  it('text and HTML in Vietnamese', async () => {
    const r = await report();
    expect(formatComparison(r, { locale: 'vi' })).toMatch(/^Khác: bản sao không trùng với nguồn/);
    expect(toComparisonHtml(r, { locale: 'vi' })).toContain('<html lang="vi">');
  });
});
