import { describe, expect, it } from 'vitest';
import { formatSummary } from './console.js';
import {
  emptyReport, failingReport, hostileReport, nullCriteriaReport, partialReport, passingReport,
} from '../../test/fixtures/outputs/reports.js';
import { attentionList } from './_rank.js';
import type { Report } from '../core/types.js';

const ESC = '\u001b';
const cases: [string, () => Promise<Report>][] = [
  ['with failures and a rule in error', failingReport],
  ['with null criteria', nullCriteriaReport],
  ['over 0 rows', emptyReport],
  ['of a partially read source', partialReport],
  ['where every rule passes', passingReport],
];
// eslint-disable-next-line no-control-regex -- removing ANSI colour codes
const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('formatSummary', () => {
  it.each(cases)('summarises a report %s: 5 score lines with bars and the failing rules', async (_, make) => {
    const report = await make();
    const text = formatSummary(report);
    const lines = text.split('\n');
    expect(lines.filter((l) => /[█░]{20}/.test(l))).toHaveLength(5);
    const failing = attentionList(report.rules);
    const listed = lines.filter((l) => /^ {2}\s*(?:\d+|!) {2}\S/.test(l));
    expect(listed).toHaveLength(Math.min(10, failing.length));
    expect(text).toContain(report.dataset);
  });

  it('uses colour only when asked, and the same text either way', async () => {
    const report = await failingReport();
    const plain = formatSummary(report);
    const color = formatSummary(report, { color: true });
    expect(plain).not.toContain(ESC);
    expect(color).toContain(`${ESC}[31m`);
    expect(strip(color)).toBe(plain);
  });

  it('lists rules that could not run first, then the most failures', async () => {
    const lines = formatSummary(await failingReport(), { top: 3 }).split('\n');
    const listed = lines.filter((l) => /^ {2}\s*(?:\d+|!) {2}\S/.test(l));
    expect(listed.map((l) => l.trim().split(/\s+/)[1])).toEqual(['owner_checked', 'owner_name.trimmed', 'owner_id.pattern']);
    expect(lines.some((l) => l.includes('2'))).toBe(true);
  });

  it('draws an empty bar and "—" for null criteria', async () => {
    const lines = formatSummary(await nullCriteriaReport()).split('\n').filter((l) => l.includes('░'.repeat(20)));
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toContain('—');
  });

  it('never lets data send control characters to the terminal', async () => {
    const report = await hostileReport();
    const evil = { ...report, dataset: `x${ESC}[2J${ESC}]0;pwned\u0007\nfake line`, rules: report.rules.map((r) => ({ ...r, id: `${r.id}${ESC}[31m\r` })) };
    const text = formatSummary(evil, { color: false });
    // eslint-disable-next-line no-control-regex -- asserting there are no control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n')[0]).toContain('fake line');
  });

  it.each([
    ['en', ['Overall score', 'Correct', 'Failing rules']],
    ['vi', ['Điểm tổng thể', 'Đúng', 'Quy tắc không đạt']],
  ] as const)('speaks %s', async (locale, words) => {
    const text = formatSummary(await failingReport(), { locale });
    for (const w of words) expect(text).toContain(w);
  });

  it.each(cases)('is deterministic for a report %s', async (_, make) => {
    expect(formatSummary(await make(), { color: true })).toBe(formatSummary(await make(), { color: true }));
  });
});

describe('formatSummary: a run failed by its score alone', () => {
  // It said "1 warning rule failed" under "Overall score 95%", failed under a threshold of 95%, and never why.
  it('says the score is below failUnder, as exact as it takes to tell them apart (text, HTML and Markdown share it)', async () => {
    const { defineDataset, field, validate } = await import('../index.js');
    const { toMarkdown } = await import('./markdown.js');
    const def = defineDataset({ name: 'fu', fields: { code: field.text().pattern(/^A/, { severity: 'warning' }) } });
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ code: `${i < 501 ? 'B' : 'A'}${i}` }));
    const report = await validate(def, rows, { now: '2026-11-22', failUnder: 0.95 });
    expect(report.status).toBe('failed');
    expect(formatSummary(report)).toContain('1 warning rule failed · the overall score 94.99% is below the fail-under threshold 95%\n');
    expect(formatSummary(report, { locale: 'vi' })).toContain('điểm tổng thể 94,99% thấp hơn ngưỡng fail-under 95%');
    expect(toMarkdown(report)).toContain('the overall score 94.99% is below the fail-under threshold 95%');
    const passed = await validate(def, rows, { now: '2026-11-22', failUnder: 0.9 });
    expect(formatSummary(passed)).not.toContain('fail-under');
  });
});
