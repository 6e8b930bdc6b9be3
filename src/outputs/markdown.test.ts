import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.js';
import {
  emptyReport, failingReport, hostileReport, nullCriteriaReport, partialReport, passingReport,
} from '../../test/fixtures/outputs/reports.js';
import { attentionList } from './_rank.js';
import type { Report } from '../core/types.js';
import { defineDataset, field, rule, validate } from '../index.js';

const cases: [string, () => Promise<Report>][] = [
  ['with failures and a rule in error', failingReport],
  ['with null criteria', nullCriteriaReport],
  ['over 0 rows', emptyReport],
  ['of a partially read source', partialReport],
  ['where every rule passes', passingReport],
];
/**
 * The cells of table rows: every row of a table has the same number of unescaped pipes. As GFM reads them: an escaped
 * backslash (`\\`) escapes no pipe after it (the count ignored that, and a label's `\\|` split its cell unseen).
 */
const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2;
/** The text outside code spans, where Markdown would interpret markup. */
const outsideCode = (md: string) => md.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
const tableRows = (md: string) => md.split('\n').filter((l) => l.startsWith('|'));

describe('toMarkdown', () => {
  it.each(cases)('summarises a report %s: criteria table, failing rules table with one row per failing rule', async (_, make) => {
    const report = await make();
    const md = toMarkdown(report);
    const rows = tableRows(md);
    const failing = attentionList(report.rules);
    expect(rows).toHaveLength(2 + 4 + (failing.length === 0 ? 0 : 2 + Math.min(20, failing.length)));
    expect(rows.slice(0, 6).every((r) => cells(r) === 3)).toBe(true);
    expect(rows.slice(6).every((r) => cells(r) === 8)).toBe(true);
  });

  it('shows "—" for null criteria, never 100%', async () => {
    const rows = tableRows(toMarkdown(await nullCriteriaReport()));
    expect(rows.filter((r) => r.includes('| — (')).length).toBe(3);
  });

  it('limits the rules and samples listed', async () => {
    const report = await failingReport();
    const md = toMarkdown(report, { maxRules: 3, maxSampleRules: 2, maxSamples: 1 });
    expect(tableRows(md)).toHaveLength(6 + 2 + 3);
    expect(md.split('\n').filter((l) => /^- `/.test(l))).toHaveLength(2);
    expect(md.split('\n').filter((l) => /^ {2}- .*`\w+`/.test(l) && !l.includes('…'))).toHaveLength(1);
  });

  it('escapes pipes, newlines and markup in data so tables stay intact and nothing renders', async () => {
    const md = toMarkdown(await hostileReport());
    for (const r of tableRows(md).slice(6)) expect(cells(r)).toBe(8);
    const text = outsideCode(md);
    expect(text).toContain('\\<script\\>'); // payloads did reach text outside code spans (messages)
    expect(text).not.toMatch(/(?<!\\)[<[]/); // no raw HTML, link or image outside code spans
    const sampleLines = md.split('\n').filter((l) => l.startsWith('  - '));
    expect(sampleLines.length).toBeGreaterThan(0);
    expect(md.split('\n').every((l) => !l.includes('\r'))).toBe(true);
  });

  it.each([
    ['en', ['Failing rules', 'Score', 'Correct', 'no data']],
    ['vi', ['Quy tắc không đạt', 'Điểm', 'Đúng', 'không có dữ liệu']],
  ] as const)('speaks %s', async (locale, words) => {
    const md = toMarkdown(await nullCriteriaReport(), { locale });
    for (const w of words) expect(md).toContain(w);
  });

  it.each(cases)('is deterministic for a report %s', async (_, make) => {
    expect(toMarkdown(await make())).toBe(toMarkdown(await make()));
  });
});

describe('toMarkdown under GitHub Flavored Markdown', () => {
  const NOW = new Date('2026-11-22T00:00:00Z');
  const report = () => validate(defineDataset({
    name: 'www.example.com https://example.com/x',
    fields: {
      'c|d': field.text().required().pattern(/^\d+$/),
      e: field.text().pattern(/^x$/, { message: 'see https://evil.example/{value}, www.evil.example, mailto:a@b.co or a@b.co' }),
    },
    rules: [rule.record('http://x.y', () => false)],
  }), [{ 'c|d': 'https://evil.example/a', e: 'www.evil.example' }, { 'c|d': '', e: 'x' }], { now: NOW, locale: 'en', showValues: true });

  /** Text outside code spans that GFM would turn into a link: an extended URL, www or e-mail autolink (mailto: too). */
  const AUTOLINK = /[a-z]+:\/\/|www\.|[\w.+-]@[\w-]/i;

  it('writes URLs, www. addresses and e-mail addresses in text so that GFM does not link them', async () => {
    const md = toMarkdown(await report());
    expect(md).toContain('https://evil.example/a'); // in code spans, where GFM makes no links, values stay exact
    expect(outsideCode(md)).not.toMatch(AUTOLINK);
    expect(md.split('\n')[0]).toBe('## ❌ www\u2060.example.com https:\u2060//example.com/x: Failed');
    expect(md).toContain('— see https:\u2060//evil.example/www\u2060.evil.example, www\u2060.evil.example, mailto:a@\u2060b.co or a@\u2060b.co');
  });

  it('a field named c|d keeps its table row, and its code spans outside tables carry no escape', async () => {
    const md = toMarkdown(await report());
    const rows = tableRows(md).filter((r) => r.includes('c\\|d'));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(cells(r)).toBe(8);
    expect(md).toContain('| `c\\|d.pattern` | Correct | error | `c\\|d` |');
    // Outside a table a backslash in a code span is shown as it is: `c\|d` would read "c\|d".
    expect(md).toContain('\n- `c|d.pattern`\n');
    const spans = md.split('\n').filter((l) => !l.startsWith('|')).flatMap((l) => Array.from(l.matchAll(/(`+)(.+?)\1/g), (m) => m[2]));
    expect(spans).toContain('c|d.required');
    expect(spans.filter((c) => c?.includes('\\|'))).toEqual([]);
  });
});

describe('toMarkdown: a label holding a pipe', () => {
  // The label was escaped twice (`\\|`: an escaped backslash, then a bare pipe), which split its cell in GFM.
  it('keeps its row in the failing-rules table', async () => {
    const def = defineDataset({ name: 'l', fields: { id: field.text().label('ID | mã').pattern(/^\d+$/) } });
    const md = toMarkdown(await validate(def, [{ id: 'x' }], { now: '2026-11-22' }));
    const row = tableRows(md).find((r) => r.includes('id.pattern')) as string;
    expect(row).toContain('(ID \\| mã)');
    expect(cells(row)).toBe(8);
  });
});

describe('toMarkdown: one cause stopping several rules', () => {
  it('says the cause once: the next rules name the first', async () => {
    const boom = () => { throw new Error('the register is unusable'); };
    const def = defineDataset({
      name: 'd', fields: { a: field.text() },
      rules: [rule.record('r1', boom), rule.record('r2', boom)],
    });
    const report = await validate(def, [{ a: 'x' }], { now: new Date('2026-01-01') });
    const md = toMarkdown(report);
    expect(md.split('the register is unusable')).toHaveLength(3); // the verdict's reason, and r1's sample line
    expect(md).toContain('- `r2`: the same as `r1`');
    expect(report.error).toMatch(/^2 rules could not run \(r1, r2\): /);
  });
});
