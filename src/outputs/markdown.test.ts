import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.js';
import {
  emptyReport, failingReport, hostileReport, nullCriteriaReport, partialReport, passingReport,
} from '../../test/fixtures/outputs/reports.js';
import { attentionList } from './_rank.js';
import type { Report } from '../core/types.js';

const cases: [string, () => Promise<Report>][] = [
  ['with failures and a rule in error', failingReport],
  ['with null criteria', nullCriteriaReport],
  ['over 0 rows', emptyReport],
  ['of a partially read source', partialReport],
  ['where every rule passes', passingReport],
];
/** The cells of table rows: every row of a table has the same number of unescaped pipes. */
const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;
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
