import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule, validate } from '../../src/index.js';
import { NOW } from '../_run.js';

// A check that returns a Promise has decided nothing: counting it as a failure (or, with `when`, as "applies")
// would be a guess, and its rejection surfaced later as an unhandled error with a stack trace.
describe('an async check is a rule error, never a pass or a crash', () => {
  const rows = [{ id: 'a', n: '1' }, { id: 'b', n: '2' }];
  // TypeScript refuses these checks; a .js definition (or an `any`) does not, which the casts stand for.
  const sync = <F>(f: unknown): F => f as F;

  it('a field check returning a Promise errors its rule; other rules still count', async () => {
    const def = defineDataset({ name: 'x', fields: {
      id: field.text().required().pii().check('remote', sync(async (v: unknown) => v === 'a')),
      n: field.integer().max(1),
    } });
    const report = await validate(def, rows, { now: NOW });
    const remote = report.rules.find((r) => r.id === 'id.remote');
    expect(remote).toMatchObject({ status: 'error' });
    expect(remote?.error).toContain('checks are synchronous');
    expect(report.status).toBe('error');
    expect(report.rules.find((r) => r.id === 'n.max')).toMatchObject({ checked: 2, failed: 1 });
  });

  it('a record rule whose promise rejects leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => { unhandled.push(e); };
    process.on('unhandledRejection', onUnhandled);
    try {
      const def = defineDataset({ name: 'x', fields: { id: field.text(), n: field.integer() },
        rules: [rule.record('remote', sync<() => boolean>(async () => { throw new Error('network down'); }), { fields: ['id'] })] });
      const report = await validate(def, rows, { now: NOW });
      expect(report.rules.find((r) => r.id === 'remote')?.error).toContain('checks are synchronous');
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a `when` returning a Promise errors the rule instead of applying it', async () => {
    const def = defineDataset({ name: 'x', fields: { id: field.text(),
      n: field.integer().max(1, { when: sync(async () => true) }) } });
    const report = await validate(def, rows, { now: NOW });
    expect(report.rules.find((r) => r.id === 'n.max')?.error).toContain('checks are synchronous');
  });

  // The evaluator tells an empty list of findings (a pass) apart without asking the validator: a list that is also
  // a thenable is still a Promise-like result, not a pass.
  it('an empty list that has a then is a rule error, an empty list a pass', async () => {
    const thenable = Object.assign([], { then: () => undefined });
    const def = defineDataset({ name: 'x', fields: {
      id: field.text().check('odd', sync(() => thenable)).check('clean', () => []),
      n: field.integer(),
    } });
    const report = await validate(def, rows, { now: NOW });
    expect(report.rules.find((r) => r.id === 'id.odd')?.error).toContain('checks are synchronous');
    expect(report.rules.find((r) => r.id === 'id.clean')).toMatchObject({ status: 'passed', checked: 2, failed: 0, error: null });
  });
});
