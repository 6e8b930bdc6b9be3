import { describe, expect, it } from 'vitest';
import { aggregateRule, defineDataset, field, rule, validate } from '../../src/index.js';
import type { AggregateRule, RuleOptions } from '../../src/index.js';
import { NOW } from '../_run.js';
import { assertValidReport } from '../_report-schema.js';

// A check may return undefined/true/null (pass), false, a Finding or an array of Findings. Anything else (a number,
// a string, an object without a code) used to crash the whole run as "the input could not be read completely" with
// the later rows dropped; a malformed code was emitted against the report schema.
describe('a check that returns something that is no finding errors its rule, never the run', () => {
  // TypeScript refuses most of these results; a .js definition (or an `any`) does not, which the cast stands for.
  const loose = (result: unknown) => (() => result) as () => boolean;
  const rows = [{ n: '-1', m: '5' }, { n: '5', m: '7' }, { n: '-2', m: '9' }];
  const results: ReadonlyArray<[string, unknown, RegExp]> = [
    ['0', 0, /returned a number/], ['1', 1, /returned a number/], ["'bad'", 'bad', /returned a string/],
    ['NaN', Number.NaN, /returned NaN/], ['{}', {}, /an object without a code/],
    ["[1, 'x', null]", [1, 'x', null], /an array holding a number/],
    ['{ code: 5 }', { code: 5 }, /code is not lower snake case \(a number\)/],
    ["{ code: 'Bad Code!' }", { code: 'Bad Code!' }, /code is not lower snake case/],
    ['a finding and a bad one', [{ code: 'ok' }, { code: 'Not OK' }], /an array holding a finding whose code is not lower snake case/],
  ];

  it.each(results)('a field check returning %s: that rule errors, every row is read, other rules count', async (_, result, why) => {
    const def = defineDataset({ name: 'x', fields: {
      n: field.number().check('pos', (v) => (v > 0 ? true : loose(result)())),
      m: field.number().max(6),
    } });
    const report = await validate(def, rows, { now: NOW });
    expect(report.rows).toBe(3);
    expect(report.partial).toBe(false);
    const pos = report.rules.find((r) => r.id === 'n.pos');
    expect(pos?.status).toBe('error');
    expect(pos?.error).toMatch(/^ddss: a check returns undefined, true, null or false, a Finding/);
    expect(pos?.error).toMatch(why);
    expect(report.rules.find((r) => r.id === 'm.max')).toMatchObject({ checked: 3, failed: 2 });
    expect(report.error).toMatch(/^rule n\.pos could not run/);
    assertValidReport(report);
  });

  it('a record rule likewise, and its message quotes no value of a personal field', async () => {
    const def = defineDataset({ name: 'x', fields: { n: field.text().pii(), m: field.number() },
      rules: [rule.record('same', (r) => loose(r.n)(), { fields: ['n'] })] });
    const report = await validate(def, rows, { now: NOW });
    const same = report.rules.find((r) => r.id === 'same');
    expect(same?.error).toMatch(/returned a string \(row 0\)$/);
    expect(same?.error).not.toContain('-1');
    expect(report.rows).toBe(3);
  });

  it('valid results still count as before: false, a finding, an array of findings', async () => {
    const def = defineDataset({ name: 'x', fields: { n: field.number()
      .check('a', () => false, { code: 'not_a' })
      .check('b', () => ({ code: 'not_b', params: { x: 1 } }))
      .check('c', () => [{ code: 'c_one' }, { code: 'c_two' }]) } });
    const report = await validate(def, rows, { now: NOW, maxSamplesPerRule: 10 });
    expect(report.status).toBe('failed');
    expect(report.rules.find((r) => r.id === 'n.c')?.samples.map((s) => s.code)).toHaveLength(6);
    expect(report.rules.find((r) => r.id === 'n.a')?.samples[0]?.code).toBe('not_a');
  });

  it("a dataset rule whose finish returns malformed findings or a score outside [0, 1] errors; the report is made", async () => {
    const agg = (findings: unknown, score?: unknown): AggregateRule => aggregateRule({ name: 'agg', criterion: 'sufficient' }, {
      init: () => 0, add: () => undefined, merge: (a: number) => a,
      finish: () => ({ checked: 1, findings, ...(score === undefined ? {} : { score }) }) as never,
    }) as AggregateRule;
    for (const [made, why] of [[agg([{ code: 'Bad Code!' }]), /findings: an array holding a finding whose code/],
      [agg([1]), /findings: an array holding a number/], [agg('x'), /findings are not an array/],
      [agg([], 2), /score is not in \[0, 1\]/]] as const) {
      const def = defineDataset({ name: 'x', fields: { n: field.number() }, rules: [made] });
      const report = await validate(def, rows, { now: NOW });
      const r = report.rules.find((x) => x.id === 'agg');
      expect(r?.status).toBe('error');
      expect(r?.error).toMatch(/^ddss: a dataset rule's finish returns/);
      expect(r?.error).toMatch(why);
      expect(report.rules.find((x) => x.id === 'n.type')?.checked).toBe(3);
    }
  });
});

// Options that the report schema or the scores cannot hold used to pass silently: a misspelt criterion put a rule's
// failures in no score (an overall 1 over failing rows), a negative weight gave a criterion score of -1, NaN an
// overall NaN, and severity 'fatal' or code 'Bad Code!' made reports their own schema refuses.
describe('rule options the report cannot hold are refused when the definition is made, naming the rule', () => {
  const bad = <T>(x: unknown) => x as T;
  const cases: ReadonlyArray<[string, RuleOptions & { code?: string }, RegExp]> = [
    ['criterion corect', { criterion: bad('corect') }, /rule "n\.c": criterion must be one of correct, sufficient, clean, live, got "corect"/],
    ['severity fatal', { severity: bad('fatal') }, /rule "n\.c": severity must be one of error, warning, info, got "fatal"/],
    ['weight -1', { weight: -1 }, /rule "n\.c": weight must be a finite number ≥ 0, got -1/],
    ['weight NaN', { weight: Number.NaN }, /rule "n\.c": weight must be a finite number ≥ 0, got NaN/],
    ['weight Infinity', { weight: Number.POSITIVE_INFINITY }, /weight must be a finite number/],
    ["weight '2'", { weight: bad('2') }, /weight must be a finite number ≥ 0, got "2"/],
    ["code 'Bad Code!'", { code: 'Bad Code!' }, /rule "n\.c": code must be lower snake case .*, got "Bad Code!"/],
    ['threshold 2', { threshold: 2 }, /rule "n\.c": threshold must be in \[0, 1\], got 2/],
    // null was read as the default by `??`, and a threshold of '0.5' or true compared as a number and was reported as given.
    ['criterion null', { criterion: bad(null) }, /rule "n\.c": criterion must be one of correct, sufficient, clean, live, got null/],
    ['severity null', { severity: bad(null) }, /rule "n\.c": severity must be one of error, warning, info, got null/],
    ['weight null', { weight: bad(null) }, /rule "n\.c": weight must be a finite number ≥ 0, got null/],
    ['threshold null', { threshold: bad(null) }, /rule "n\.c": threshold must be in \[0, 1\], got null/],
    ["threshold '0.5'", { threshold: bad('0.5') }, /rule "n\.c": threshold must be in \[0, 1\], got "0\.5"/],
    ['threshold true', { threshold: bad(true) }, /rule "n\.c": threshold must be in \[0, 1\], got true/],
    ['id null', { id: bad(null) }, /rule "n\.c": id must be a non-empty text, got null/],
    ['id 5', { id: bad(5) }, /rule "n\.c": id must be a non-empty text, got 5/],
    ["id ''", { id: '' }, /rule "n\.c": id must be a non-empty text, got ""/],
    // `when: true` failed on every row as "wf1 is not a function"; a message of 5 or { en } rendered as "5" or nothing.
    ['when true', { when: bad(true) }, /rule "n\.c": when must be a function \(row\) => boolean, got true/],
    ["when 'a > 1'", { when: bad('a > 1') }, /rule "n\.c": when must be a function \(row\) => boolean, got "a > 1"/],
    ['message 5', { message: bad(5) }, /rule "n\.c": message must be a text or \{ en, vi \} texts, got 5/],
    ['message { en } only', { message: bad({ en: 'x' }) }, /rule "n\.c": message must be a text or \{ en, vi \} texts, got \{"en":"x"\}/],
    ['description 5', { description: bad(5) }, /rule "n\.c": description must be a text or \{ en, vi \} texts, got 5/],
  ];

  it.each(cases)('a field check with %s', (_, options, message) => {
    expect(() => defineDataset({ name: 'x', fields: { n: field.number().check('c', () => false, options) } }))
      .toThrow(message);
  });

  it('dataset rules, and the options of required and of a field type', () => {
    expect(() => defineDataset({ name: 'x', fields: { n: field.number() }, rules: [rule.rowCount({ min: 1 }, { weight: -1 })] }))
      .toThrow(/rule "rowCount": weight must be a finite number ≥ 0, got -1/);
    expect(() => defineDataset({ name: 'x', fields: { n: field.number() }, rules: [rule.rowCount({ min: 9 }, { weight: Number.NaN })] }))
      .toThrow(/weight must be a finite number/);
    expect(() => defineDataset({ name: 'x', fields: { n: field.number().required({ criterion: bad('full') }) } }))
      .toThrow(/rule "n\.required": criterion must be one of/);
    expect(() => defineDataset({ name: 'x', fields: { n: field.number().required({ threshold: bad(null) }) } }))
      .toThrow(/rule "n\.required": threshold must be in \[0, 1\], got null/);
    expect(() => defineDataset({ name: 'x', fields: { n: field.number() }, rules: [rule.rowCount({ min: 1 }, { severity: bad(null) })] }))
      .toThrow(/rule "rowCount": severity must be one of error, warning, info, got null/);
  });

  it('a weight of 0 and every valid criterion and severity are still accepted', () => {
    for (const criterion of ['correct', 'sufficient', 'clean', 'live'] as const) {
      for (const severity of ['error', 'warning', 'info'] as const) {
        expect(() => defineDataset({ name: 'x', fields: { n: field.number().check('c', () => true, { criterion, severity, weight: 0 }) } }))
          .not.toThrow();
      }
    }
  });
});
