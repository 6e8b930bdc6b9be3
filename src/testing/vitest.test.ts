import { describe, expect, it } from 'vitest';
import './vitest.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { validate } from '../core/validate.js';
import { aggregateRule } from '../core/rule-base.js';

const NOW = new Date('2026-11-22T00:00:00Z');

const people = defineDataset({
  name: 'people',
  key: 'id',
  fields: {
    id: field.text().required().pattern(/^\d{12}$/).unique().pii(),
    name: field.text().required().nfc().pii(),
    updated_at: field.datetime().required().within({ days: 365 }),
  },
  rules: [rule.freshness('updated_at', { days: 30 })],
});

const valid = [
  { id: '001089012345', name: 'Nguyễn Văn An', updated_at: '2026-11-20T08:00:00+07:00' },
  { id: '079301123456', name: 'Trần Thị Bình', updated_at: '2026-10-01T08:00:00+07:00' },
];
const broken = [
  ...valid,
  { id: '00108901234', name: 'Lê Văn Cường', updated_at: '2026-11-01T08:00:00Z' },
  { id: '001089012345', name: 'Pha\u0323m Thi\u0323 Dung', updated_at: '2023-01-01T00:00:00Z' },
];

describe('toPassDataset', () => {
  it('passes rows that satisfy every rule', async () => {
    await expect(valid).toPassDataset(people, { now: NOW });
  });

  it('validates async iterables and accepts a finished report', async () => {
    async function* rows() { yield* valid; }
    await expect(rows()).toPassDataset(people, { now: NOW });
    await expect(await validate(people, valid, { now: NOW })).toPassDataset(people);
  });

  it('fails rows that break an error rule, naming the worst rules with masked samples', async () => {
    const failure = expect(broken).toPassDataset(people, { now: NOW });
    await expect(failure).rejects.toThrow(/expected people to pass: the dataset failed/);
    const message = await failure.catch((e: Error) => e.message);
    expect(message).toMatch(/id\.unique \(clean, error\): 2 of 4 rows failed/);
    expect(message).toMatch(/id\.pattern \(correct, error\): 1 of 4 rows failed/);
    expect(message).toMatch(/row 2, key 0010\*+34: \[pattern_mismatch\]/);
    // personal values never appear in clear
    expect(message).not.toContain('00108901234');
    expect(message).not.toContain('Lê Văn Cường');
  });

  it('judges by thresholds when given: overall score and per criterion', async () => {
    await expect(broken).toPassDataset(people, { now: NOW, minScore: 0.5 });
    await expect(broken).not.toPassDataset(people, { now: NOW, minScore: 0.95 });
    await expect(broken).toPassDataset(people, { now: NOW, criteria: { live: 0.75 } });
    await expect(expect(broken).toPassDataset(people, { now: NOW, criteria: { live: 0.9 } }))
      .rejects.toThrow(/live score 75\.00% is below 90\.00%/);
  });

  it('fails, even under .not, on a misspelt criterion or option: the failing dataset passed, judged by nothing', async () => {
    const report = await validate(people, broken, { now: NOW });
    for (const options of [{ criteria: { corect: 0.99 } }, { minscore: 0.99 }, { now: NOW, criteria: { correct: 0.99 }, failunder: 1 }]) {
      await expect(expect(broken).toPassDataset(people, { now: NOW, ...options } as never)).rejects.toThrow(/corect|minscore|failunder/);
      await expect(expect(report).not.toPassDataset(people, options as never)).rejects.toThrow(/not a criterion|not an option/);
    }
    await expect(expect(report).toPassDataset(people, { minscore: 0.9 } as never)).rejects.toThrow(/did you mean "minScore"/);
  });

  // Read by criterion name, a Map or a number demanded nothing: a dataset whose correct score is 25% passed
  // `criteria: new Map([['correct', 0.99]])`; an array of pairs was refused as criteria "0", which said nothing of the fix.
  it.each<[string, unknown, RegExp]>([
    ['a Map', new Map([['correct', 0.99]]), /got a Map/],
    ['a number', 0.99, /got number/],
    ['an array of pairs', [['correct', 0.99]], /got an array/],
    ['null', null, /got null/],
  ])('refuses criteria given as %s, even under .not, naming what to pass', async (_, criteria, got) => {
    const message = /ddss\/vitest: criteria must be an object of criterion → minimum score \(\{ correct: 0\.99 \}\)/;
    const report = await validate(people, broken, { now: NOW });
    for (const received of [broken, report]) {
      await expect(expect(received).toPassDataset(people, { minScore: 0.1, criteria } as never)).rejects.toThrow(message);
      await expect(expect(received).toPassDataset(people, { minScore: 0.1, criteria } as never)).rejects.toThrow(got);
      await expect(expect(received).not.toPassDataset(people, { criteria } as never)).rejects.toThrow(message);
    }
  });

  it('refuses options given as a Map or an array, whose every option was ignored', async () => {
    const options = [new Map<string, unknown>([['now', NOW], ['minScore', 0.99]]), [NOW]];
    for (const o of options) {
      await expect(expect(broken).toPassDataset(people, o as never)).rejects.toThrow(/the options of toPassDataset must be an object, got (a Map|an array)/);
      await expect(validate(people, broken, o as never)).rejects.toThrow(/options .*must be an object, got (a Map|an array)/);
    }
  });

  it('judges by the dataset status when every threshold given is undefined', async () => {
    await expect(expect(broken).toPassDataset(people, { now: NOW, criteria: { live: undefined } as never }))
      .rejects.toThrow(/the dataset failed/);
  });

  it('treats a criterion without rules as unmet, never as 100%', async () => {
    const plain = defineDataset({ name: 'plain', fields: { a: field.text().required() } });
    await expect(expect([{ a: 'x' }]).toPassDataset(plain, { criteria: { live: 0.5 } }))
      .rejects.toThrow(/live score is n\/a/);
  });

  it('never passes a run that errored, whatever the thresholds', async () => {
    const faulty = defineDataset({
      name: 'faulty',
      fields: { a: field.text().check('explodes', () => { throw new Error('boom'); }) },
    });
    await expect(expect([{ a: 'x' }]).toPassDataset(faulty, { minScore: 0 })).rejects.toThrow(/could not be evaluated: rule a\.explodes could not run: boom/);
  });

  it('never passes toHaveScore or toHaveNoViolations on a run that evaluated nothing', async () => {
    const def = defineDataset({ name: 'empty', fields: { a: field.text().pattern(/^\d+$/) } });
    const report = await validate(def, [], { now: NOW });
    expect(report.status).toBe('error');
    expect(() => expect(report).toHaveScore(0)).toThrow(/nothing to evaluate: 0 data rows/);
    expect(() => expect(report).toHaveNoViolations()).toThrow(/nothing to evaluate: 0 data rows/);
  });

  it('under .not, refuses a run that could not be evaluated: failing for that reason proves no defect', async () => {
    // `await expect([]).not.toPassDataset(ds)` went green: 0 rows is status error, which never passes, so `.not` did.
    const def = defineDataset({ name: 'empty', fields: { a: field.text().pattern(/^\d+$/) } });
    await expect(expect([]).not.toPassDataset(def, { now: NOW }))
      .rejects.toThrow(/ddss\/vitest: not\.toPassDataset\(empty\): the run could not be evaluated: nothing to evaluate: 0 data rows, so it proves nothing/);
    await expect(expect(await validate(def, [], { now: NOW })).not.toPassDataset(def, { minScore: 0.5 })).rejects.toThrow(/could not be evaluated/);
    async function* dies() { yield valid[0]; throw new Error('connection reset'); }
    await expect(expect(dies()).not.toPassDataset(people, { now: NOW })).rejects.toThrow(/not\.toPassDataset\(people\): .*connection reset/);
    await expect(expect([]).toPassDataset(def, { now: NOW })).rejects.toThrow(/could not be evaluated/);
  });

  it('fails, even under .not, without a dataset, saying what to pass: a finished report threw "reading \'name\'"', async () => {
    const report = await validate(people, valid, { now: NOW });
    const needsDataset = /ddss\/vitest: toPassDataset\(dataset, options\?\) needs the dataset definition .*got undefined; for a finished report, pass the dataset/;
    await expect((expect(report) as unknown as { toPassDataset(): Promise<void> }).toPassDataset()).rejects.toThrow(needsDataset);
    await expect(expect(report).not.toPassDataset(undefined as never)).rejects.toThrow(needsDataset);
    await expect(expect(valid).toPassDataset(undefined as never)).rejects.toThrow(needsDataset);
    await expect(expect(report).toPassDataset({ minScore: 0.9 } as never)).rejects.toThrow(/got an object that is not one/);
    await expect(expect(report).toPassDataset('people' as never)).rejects.toThrow(/got string/);
  });

  it('rejects what is neither rows nor a report', async () => {
    await expect(expect(42).toPassDataset(people)).rejects.toThrow(/expected rows/);
  });

  it('checks that a finished report is of the dataset it is asked about, even under .not', async () => {
    const parcels = defineDataset({ name: 'parcels', fields: { id: field.text() } });
    const report = await validate(people, valid, { now: NOW });
    await expect(expect(report).toPassDataset(parcels)).rejects.toThrow(/a report of people, not of parcels/);
    // `.not` must not turn the mismatch into a pass: the report says nothing about parcels.
    await expect(expect(report).not.toPassDataset(parcels)).rejects.toThrow(/a report of people, not of parcels/);
  });

  it('refuses the options of a run for a finished report, even under .not: the run is over, they would judge nothing', async () => {
    // A report already judged without `failUnder: 0.99` passed as if the gate had been applied.
    const report = await validate(people, valid, { now: NOW });
    await expect(expect(report).toPassDataset(people, { failUnder: 0.99 }))
      .rejects.toThrow(/ddss\/vitest: toPassDataset\(people\) received a finished report: the run's options \(failUnder\) apply only to rows it validates/);
    await expect(expect(report).not.toPassDataset(people, { now: NOW, baseline: [] as never }))
      .rejects.toThrow(/options \(now, baseline\)/);
    // Thresholds judge a finished report as they judge rows.
    await expect(report).toPassDataset(people, { minScore: 0.9 });
  });
});

describe('what the matchers receive', () => {
  it('fails every matcher, even under .not, on a Promise: an un-awaited validate()', async () => {
    const pending = validate(people, broken, { now: NOW });
    const missingAwait = /received a Promise — missing await\?/;
    expect(() => expect(pending).toHaveScore(0.5)).toThrow(missingAwait);
    expect(() => expect(pending).not.toHaveScore(0.5)).toThrow(missingAwait);
    expect(() => expect(pending).toHaveNoViolations()).toThrow(missingAwait);
    expect(() => expect(pending).not.toHaveNoViolations('id.unique')).toThrow(missingAwait);
    await expect(expect(pending).not.toPassDataset(people)).rejects.toThrow(missingAwait);
    await pending;
  });

  it('fails every matcher, even under .not, on what is not a report', async () => {
    for (const received of [undefined, null, 42, { score: 0.4 }]) {
      expect(() => expect(received).not.toHaveScore(0.5)).toThrow(/expected a ddss report, received/);
      expect(() => expect(received).not.toHaveNoViolations()).toThrow(/expected a ddss report, received/);
      await expect(expect(received).not.toPassDataset(people)).rejects.toThrow(/expected rows .* or a report, received/);
    }
    // As an asymmetric matcher the error makes the comparison fail (vitest reports the mismatch, not the error).
    expect(() => expect({ report: undefined }).toEqual({ report: expect.not.toHaveScore(0.5) })).toThrow(/to deeply equal/);
  });

  it('fails on a score that is not a number in [0, 1], even under .not', async () => {
    const report = await validate(people, broken, { now: NOW });
    const nan = { ...report, score: Number.NaN };
    expect(() => expect(nan).toHaveScore(0.99)).toThrow(/score must be a number in \[0, 1\] or null, got NaN/);
    expect(() => expect(nan).not.toHaveScore(0.99)).toThrow(/score must be a number in \[0, 1\] or null, got NaN/);
    const over = { ...report, criteria: { ...report.criteria, live: { ...report.criteria.live, score: 1.5 } } };
    expect(() => expect(over).toHaveScore(0.5, 'live')).toThrow(/live score must be a number in \[0, 1\] or null, got 1\.5/);
    await expect(expect(nan).toPassDataset(people, { minScore: 0.5 })).rejects.toThrow(/got NaN/);
  });

  it('fails, even under .not, on a threshold that is not a number in [0, 1]: null, \'\', false and \'0\' passed a failing dataset', async () => {
    // `null >= 0 && null <= 1` is true: `{ minScore: null }` demanded nothing and replaced the dataset's own `failed`.
    const report = await validate(people, broken, { now: NOW });
    expect(report.status).toBe('failed');
    const notThreshold = /ddss\/vitest: (score|correct score) threshold must be a number in \[0, 1\], got/;
    for (const bad of [null, '', false, '0', '0.5', true, [], Number.NaN, 2, -0.1, Infinity]) {
      await expect(expect(broken).toPassDataset(people, { now: NOW, minScore: bad as never })).rejects.toThrow(notThreshold);
      await expect(expect(broken).not.toPassDataset(people, { now: NOW, minScore: bad as never })).rejects.toThrow(notThreshold);
      await expect(expect(report).toPassDataset(people, { criteria: { correct: bad as never } })).rejects.toThrow(notThreshold);
      expect(() => expect(report).toHaveScore(bad as never)).toThrow(notThreshold);
      expect(() => expect(report).not.toHaveScore(bad as never)).toThrow(notThreshold);
      expect(() => expect(report).toHaveScore(bad as never, 'correct')).toThrow(notThreshold);
    }
    expect(() => expect(report).toHaveScore('' as never)).toThrow(/got the string ""/);
    expect(() => expect(report).toHaveScore(null as never)).toThrow(/got null/);
    // Checked before the run's own reason, which would otherwise hide the mistake.
    const empty = await validate(people, [], { now: NOW });
    expect(() => expect(empty).toHaveScore(null as never)).toThrow(notThreshold);
  });

  it('fails on a report read only in part, whatever its status says', async () => {
    const report = await validate(people, valid, { now: NOW });
    const partial = { ...report, partial: true };
    expect(() => expect(partial).toHaveScore(0)).toThrow(/could not be evaluated: the source could not be read completely/);
    expect(() => expect(partial).toHaveNoViolations('id.unique')).toThrow(/could not be read completely/);
  });
});

describe('toHaveScore', () => {
  it('compares the overall score or one criterion with a minimum', async () => {
    const report = await validate(people, broken, { now: NOW });
    expect(report).toHaveScore(0.5);
    expect(report).not.toHaveScore(0.99);
    expect(report).toHaveScore(0.75, 'live');
    expect(() => expect(report).toHaveScore(0.9, 'live')).toThrow(/live score ≥ 90\.00%: live score 75\.00% is below/);
    expect(() => expect(report).toHaveScore(0.9, 'live')).toThrow(/updated_at\.within/);
  });

  it('fails on a null score and on unknown criteria', async () => {
    const report = await validate(people, [], { now: NOW });
    expect(() => expect(report).toHaveScore(0)).toThrow(/n\/a/);
    expect(() => expect(report).toHaveScore(0, 'fresh' as 'live')).toThrow(/unknown criterion/);
  });

  it('works as an asymmetric matcher', async () => {
    const report = await validate(people, valid, { now: NOW });
    expect({ report }).toEqual({ report: expect.toHaveScore(1) });
  });
});

describe('toHaveNoViolations', () => {
  it('checks one rule by id', async () => {
    const report = await validate(people, broken, { now: NOW });
    expect(report).toHaveNoViolations('updated_at.required');
    expect(report).not.toHaveNoViolations('id.unique');
    expect(() => expect(report).toHaveNoViolations('id.unique')).toThrow(/id\.unique \(clean, error\): 2 of 4 rows failed/);
    expect(() => expect(report).toHaveNoViolations('id.checksum')).toThrow(/no rule "id\.checksum"/);
  });

  it('fails on an unknown rule id even under .not, listing the ids', async () => {
    const report = await validate(people, valid, { now: NOW });
    // A typo must not pass as "this rule has violations".
    expect(() => expect(report).not.toHaveNoViolations('id.uniq')).toThrow(/no rule "id\.uniq" in the people report; rules: .*id\.unique/);
  });

  it('fails a named rule on a run that could not be read completely, though the rule found nothing', async () => {
    async function* dies() { yield valid[0]; throw new Error('connection reset'); }
    const report = await validate(people, dies(), { now: NOW });
    expect(report.partial).toBe(true);
    expect(report.rules.find((r) => r.id === 'id.unique')?.violations).toBe(0);
    expect(() => expect(report).toHaveNoViolations('id.unique')).toThrow(/could not be evaluated: .*connection reset/);
  });

  it('under .not, a run that could not be evaluated or a rule that checked nothing proves no violations either', async () => {
    // `.not.toHaveNoViolations('id.unique')` ("it found duplicates") and `.not.toHaveScore(0.9)` went green on a run
    // that read one row and died: the negation of a failing assertion is not a proof.
    async function* dies() { yield valid[0]; throw new Error('connection reset'); }
    const report = await validate(people, dies(), { now: NOW });
    expect(() => expect(report).not.toHaveNoViolations('id.unique')).toThrow(/not\.toHaveNoViolations\(id\.unique\): .*proves nothing either way/);
    expect(() => expect(report).not.toHaveNoViolations()).toThrow(/proves nothing either way/);
    expect(() => expect(report).not.toHaveScore(0.9)).toThrow(/not\.toHaveScore\(0\.9\): .*proves nothing either way/);
    // Violations it did find stand, even in a run cut short.
    async function* diesLate() { yield* broken; throw new Error('connection reset'); }
    const late = await validate(people, diesLate(), { now: NOW });
    const found = late.rules.find((r) => r.violations > 0 && r.status !== 'skipped');
    expect(found).toBeDefined();
    expect(late).not.toHaveNoViolations(found?.id);
  });

  it('without an id, checks that no rule reported an error or a warning', async () => {
    expect(await validate(people, valid, { now: NOW })).toHaveNoViolations();
    const report = await validate(people, broken, { now: NOW });
    expect(() => expect(report).toHaveNoViolations()).toThrow(/rules reported some/);
  });

  // A table-level dataset rule may fail by its counts or its score alone, with no finding: `violations` was 0, so the
  // assertion passed on a report whose status was failed. (A row-level one names each row it fails.)
  it('fails on a rule that failed without violations (failed items or a table score below 1, no findings)', async () => {
    const silent = (name: string, outcome: { failed?: number; score?: number }) => aggregateRule<null, unknown>(
      { name, criterion: 'correct' }, { init: () => null, add() {}, merge: () => null, finish: () => ({ checked: 1, findings: [], ...outcome }) });
    const def = defineDataset({ name: 'silent', fields: { a: field.text() }, rules: [silent('items', { failed: 1, score: 0.5 }), silent('table', { score: 0 })] });
    const report = await validate(def, [{ a: 'x' }], { now: NOW });
    expect(report.status).toBe('failed');
    expect(() => expect(report).toHaveNoViolations()).toThrow(/2 rules reported some/);
    expect(() => expect(report).toHaveNoViolations('items')).toThrow(/expected no violations of items/);
    expect(() => expect(report).toHaveNoViolations('table')).toThrow(/expected no violations of table/);
    expect(report).not.toHaveNoViolations('table');
  });

  it('ignores info findings when no id is given', async () => {
    const infoOnly = defineDataset({
      name: 'info-only',
      fields: { verified: field.boolean().check('verified', (v) => v, { severity: 'info', code: 'not_verified' }) },
    });
    const report = await validate(infoOnly, [{ verified: false }]);
    expect(report).toHaveNoViolations();
    expect(report).not.toHaveNoViolations('verified.verified');
  });
});
