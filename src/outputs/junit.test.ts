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
