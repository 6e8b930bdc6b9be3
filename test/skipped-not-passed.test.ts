import { describe, expect, it } from 'vitest';
import { defineDataset, field, formatSummary, toHtml, toJUnit, toMarkdown } from '../src/index.js';
import { vn } from '../rules/vn/index.js';
import '../src/testing/vitest.js';
import { run } from './_run.js';

// A rule with nothing to check (here: no population register given) is `skipped`; no output may say it passed.
const people = defineDataset({
  name: 'people',
  fields: { id: field.text().required(), name: field.text(), year: field.integer(), gender: field.text() },
  rules: [vn.verifyPerson({ id: 'id', name: 'name', birthYear: 'year', gender: 'gender' }, { register: 'population' })],
});
const rows = [{ id: '001089012345', name: 'Nguyễn Văn An', year: '1989', gender: 'Nam' }];

describe('a run whose only findings are none, but with skipped rules', () => {
  it.each([
    ['console', (r: Parameters<typeof toMarkdown>[0]) => formatSummary(r), /Every rule that ran passed; 6 rules were skipped \(nothing to check: no value to check, no register given, or their condition \(when\) held on no row\)/],
    ['markdown', (r: Parameters<typeof toMarkdown>[0]) => toMarkdown(r), /Every rule that ran passed; 6 rules were skipped/],
    ['html', (r: Parameters<typeof toMarkdown>[0]) => toHtml(r), /Every rule that ran passed; 6 rules were skipped/],
    ['junit', (r: Parameters<typeof toMarkdown>[0]) => toJUnit(r), /skipped="6"/],
  ])('%s says the rules were skipped, never that every rule passed', async (_what, render, expected) => {
    const report = await run(people, rows);
    expect(report.rules.filter((r) => r.status === 'skipped')).toHaveLength(6);
    const text = render(report);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/Every rule passed/);
  });

  // A `when` that held on no row was "nothing to check", which read as "there was no data to check".
  it('says a rule may have been skipped by a condition that held on no row', async () => {
    const sales = defineDataset({ name: 'sales', fields: { kind: field.text(), amount: field.number().min(0, { when: (r) => r.kind === 'refund' }) } });
    const report = await run(sales, [{ kind: 'sale', amount: '-5' }]);
    expect(formatSummary(report)).toMatch(/1 rule was skipped \(nothing to check: no value to check, no register given, or its condition \(when\) held on no row\)/);
    expect(formatSummary(await run(sales, [{ kind: 'sale', amount: '-5' }], { locale: 'vi' }))).toMatch(/hoặc điều kiện \(when\) không đúng với dòng nào/);
  });

  it('says so in Vietnamese too', async () => {
    expect(formatSummary(await run(people, rows, { locale: 'vi' }))).toMatch(/6 quy tắc bị bỏ qua/);
  });

  it('fails toHaveNoViolations of a skipped rule: checking nothing proves nothing', async () => {
    const report = await run(people, rows);
    expect(() => expect(report).toHaveNoViolations('verifyPerson.name')).toThrow(/checked nothing \(skipped\)/);
    // Nor "it has violations": under .not a rule that checked nothing fails too (it went green).
    expect(() => expect(report).not.toHaveNoViolations('verifyPerson.name')).toThrow(/checked nothing \(skipped\), so it neither has violations nor not/);
  });
});

// An info rule that found something (a type check made `info`: every date in another format) was "Every rule passed"
// and, in Markdown, "No rule failed".
describe('a run whose only failing rules are info rules', () => {
  const dates = defineDataset({ name: 'dates', fields: { dob: field.date('yyyy-MM-dd').typeCheck({ severity: 'info' }) } });
  const bad = [{ dob: '01/02/1990' }, { dob: '03/04/1991' }];

  it.each([
    ['console', (r: Parameters<typeof toMarkdown>[0]) => formatSummary(r)],
    ['markdown', (r: Parameters<typeof toMarkdown>[0]) => toMarkdown(r)],
    ['html', (r: Parameters<typeof toMarkdown>[0]) => toHtml(r)],
  ])('%s says an info rule found something, never that every rule passed', async (_what, render) => {
    const report = await run(dates, bad);
    expect(report.rules.find((r) => r.id === 'dob.type')).toMatchObject({ status: 'failed', severity: 'info', failed: 2 });
    const text = render(report);
    expect(text).toMatch(/No error or warning rule failed; 1 info rule found something \(shown, not judged\)/);
    expect(text).not.toMatch(/Every rule passed|No rule failed/);
  });
});
