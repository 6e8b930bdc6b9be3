import { describe, expect, it } from 'vitest';
import './vitest.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { validate } from '../core/validate.js';

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

  it('rejects what is neither rows nor a report', async () => {
    await expect(expect(42).toPassDataset(people)).rejects.toThrow(/expected rows/);
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

  it('without an id, checks that no rule reported an error or a warning', async () => {
    expect(await validate(people, valid, { now: NOW })).toHaveNoViolations();
    const report = await validate(people, broken, { now: NOW });
    expect(() => expect(report).toHaveNoViolations()).toThrow(/rules reported some/);
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
