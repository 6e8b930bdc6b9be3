import { describe, expect, it } from 'vitest';
import { toJUnit } from './junit.js';
import {
  emptyReport, failingReport, hostileReport, nullCriteriaReport, partialReport, passingReport, PAYLOADS,
} from '../../test/fixtures/outputs/reports.js';
import { checkXml } from '../../test/fixtures/outputs/xml.js';
import type { Report } from '../core/types.js';

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
const attr = (xml: string, tag: string, name: string) =>
  Number(new RegExp(`<${tag}\\b[^>]*\\s${name}="(\\d+)"`).exec(xml)?.[1]);

const cases: [string, () => Promise<Report>][] = [
  ['with failures and a rule in error', failingReport],
  ['with null criteria', nullCriteriaReport],
  ['over 0 rows', emptyReport],
  ['of a partially read source', partialReport],
  ['where every rule passes', passingReport],
  ['with planted payloads', hostileReport],
];

describe('toJUnit', () => {
  it.each(cases)('writes well-formed XML for a report %s, one testcase per rule, counts that add up', async (_, make) => {
    const report = await make();
    const xml = toJUnit(report);
    expect(checkXml(xml).problems).toEqual([]);
    const extra = report.partial ? 1 : 0;
    expect(count(xml, /<testsuite\s/g)).toBe(4 + extra);
    expect(count(xml, /<testcase\s/g)).toBe(report.rules.length + extra);
    const failures = report.rules.filter((r) => r.status === 'failed' && r.severity !== 'info').length;
    const errors = report.rules.filter((r) => r.status === 'error').length + extra;
    const skipped = report.rules.filter((r) => r.status === 'skipped').length;
    expect(count(xml, /<failure\s/g)).toBe(failures);
    expect(count(xml, /<error\s/g)).toBe(errors);
    expect(count(xml, /<skipped\s/g)).toBe(skipped);
    expect([attr(xml, 'testsuites', 'tests'), attr(xml, 'testsuites', 'failures'), attr(xml, 'testsuites', 'errors'),
      attr(xml, 'testsuites', 'skipped')]).toEqual([report.rules.length + extra, failures, errors, skipped]);
  });

  it('puts each rule in the suite of its criterion', async () => {
    const report = await failingReport();
    const xml = toJUnit(report);
    for (const r of report.rules) {
      const name = r.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(xml).toMatch(new RegExp(`<testcase name="${name}" classname="land-parcels\\.${r.criterion}"`));
    }
  });

  it('lists at most maxSamples samples in a failure and says how many more there are', async () => {
    const report = await failingReport();
    const rule = report.rules.find((r) => r.id === 'owner_name.trimmed');
    const xml = toJUnit(report, { maxSamples: 2 });
    const failure = /<testcase name="owner_name\.trimmed"[^>]*>\s*<failure[^>]*>([^<]*)<\/failure>/.exec(xml)?.[1] ?? '';
    expect(count(failure, /^- \[row /gm)).toBe(2);
    expect(failure).toContain(`${(rule?.violations ?? 0) - 2} more`);
  });

  it('keeps payloads and control characters inert', async () => {
    const xml = toJUnit(await hostileReport());
    expect(xml).not.toContain(PAYLOADS[0]);
    expect(xml).not.toContain(PAYLOADS[2]);
    expect(checkXml(xml).elements.filter((e) => !['testsuites', 'testsuite', 'properties', 'property', 'testcase', 'failure', 'error', 'skipped', 'system-out'].includes(e))).toEqual([]);
  });

  it.each(cases)('is deterministic for a report %s', async (_, make) => {
    expect(toJUnit(await make())).toBe(toJUnit(await make()));
  });
});

describe('toJUnit in Vietnamese', () => {
  // Under --locale vi every text around the (Vietnamese) messages was English: "8 of 2000 rows failed", "row 306",
  // "nothing to check (0 rows applied)", "… 26 more violations"; and a run with nothing to evaluate said so in English.
  it('writes its own words in the report\'s locale, one sample a line', async () => {
    const { defineDataset, field, validate } = await import('../index.js');
    const def = defineDataset({ name: 'v', key: 'id', fields: { id: field.text(), n: field.integer().min(0, { message: { en: 'bad\nnumber', vi: 'số\nsai' } }), e: field.text().pattern(/^x$/) } });
    const rows = [{ id: 'a', n: '-1' }, { id: 'b', n: '-2' }, { id: 'c', n: '3' }];
    const xml = toJUnit(await validate(def, rows, { now: '2026-11-22', locale: 'vi' }), { maxSamples: 1 });
    checkXml(xml);
    expect(xml).toContain('message="2/3 hàng không đạt, 2 vi phạm (tỷ lệ đạt 33,3%, ngưỡng 100%)"');
    expect(xml).toContain('- [hàng 0, khóa a] n = "-1" below_minimum: số\\nsai\n… và 1 vi phạm khác');
    expect(xml).toContain('<skipped message="không có gì để kiểm tra (0 hàng áp dụng)"/>');
    expect(xml).not.toMatch(/rows failed|more violations|nothing to check/);
    const none = await validate(def, [], { now: '2026-11-22', locale: 'vi' });
    expect(none.error).toBe('không có gì để đánh giá: 0 hàng dữ liệu');
    expect((await validate(def, [], { now: '2026-11-22' })).error).toBe('nothing to evaluate: 0 data rows');
  });
});
