import { describe, expect, it } from 'vitest';
import { defineDataset, field, reference, rule, validate, type DatasetDefinition, type TypedRow } from '../../src/index.js';
import { vn } from '../../rules/vn/index.js';
import { NOW } from '../_run.js';

// A `when` decides which rows a rule checks. One that returns no boolean was read by truthiness: the string "false"
// ran the rule, undefined and 0 skipped it without a word. It now errors its rule, as a check's bad result does.
describe('a `when` that returns no boolean errors its rule, never chooses by truthiness', () => {
  const rows = [{ a: 'x', n: '5' }, { a: 'y', n: '7' }];
  // TypeScript refuses these; a .js definition (or an `any`) does not, which the cast stands for.
  type When = (row: TypedRow) => boolean;
  const loose = (v: unknown) => (() => v) as unknown as When;
  const rules: [string, (w: When) => DatasetDefinition, string][] = [
    ['a record rule', (when) => defineDataset({ name: 'w', fields: { a: field.text(), n: field.integer() },
      rules: [rule.record('a.check', (row) => row.a !== 'x', { when })] }), 'a.check'],
    ['a field rule', (when) => defineDataset({ name: 'w', fields: { a: field.text(), n: field.integer().max(1, { when }) } }), 'n.max'],
    ['a dataset aggregate', (when) => defineDataset({ name: 'w', fields: { a: field.text(), n: field.integer() },
      rules: [rule.uniqueBy(['a'], { when })] }), 'a.unique'],
  ];
  const cases = rules.flatMap(([what, def, id]) => ([
    ['the string "false"', 'false', 'a string'], ['the number 0', 0, 'a number'], ['the number 1', 1, 'a number'],
    ['undefined', undefined, 'undefined'], ['null', null, 'null'], ['an object', {}, 'an object'],
  ] as const).map(([name, v, kind]) => [what, name, def, id, v, kind] as const));

  it.each(cases)('%s whose when returns %s', async (_what, _name, def, id, value, kind) => {
    const report = await validate(def(loose(value)), rows, { now: NOW });
    const r = report.rules.find((x) => x.id === id);
    expect(r).toMatchObject({ status: 'error', checked: 0, failed: 0 });
    expect(r?.error).toBe(`ddss: a rule's when returns true or false; this one returned ${kind}, so which rows the rule checks would be a guess (row 0)`);
    expect(report.status).toBe('error');
    // The other rules run over every row.
    expect(report.rules.filter((x) => x.id !== id).every((x) => x.status !== 'error')).toBe(true);
  });

  it.each([[true, 2], [false, 0]] as const)('a when returning %s checks %i rows', async (value, checked) => {
    const report = await validate(rules[0]![1](loose(value)), rows, { now: NOW });
    expect(report.rules.find((x) => x.id === 'a.check')).toMatchObject({ status: checked === 0 ? 'skipped' : 'failed', checked });
  });

  it('reaches the engine through a rule that adds its own condition (verifyPerson: `when && applies`)', async () => {
    const def = defineDataset({ name: 'p', fields: { id: field.text(), name: field.text(), year: field.integer(), gender: field.text() },
      rules: [vn.verifyPerson({ id: 'id', name: 'name', birthYear: 'year', gender: 'gender' }, { register: 'population', when: loose('false') })] });
    const population = [{ id: '001089012345', full_name: 'A', birth_date: '1989', gender: 'Nam' }];
    const report = await validate(def, [{ id: '001089012345', name: 'B', year: '1989', gender: 'Nam' }], { now: NOW, references: {
      population: reference('population', population, { key: 'id', columns: ['full_name', 'birth_date', 'gender'] }) } });
    expect(report.rules.find((x) => x.id === 'verifyPerson.name')).toMatchObject({ status: 'error' });
  });
});
