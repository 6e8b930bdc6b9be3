import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rule.fromJsonSchema', () => {
  const def = defineDataset({
    name: 'd',
    fields: { parcel_id: field.text(), area_m2: field.number(), issued: field.date('dd/MM/yyyy') },
    rules: [rule.fromJsonSchema({
      type: 'object',
      required: ['parcel_id'],
      properties: {
        parcel_id: { type: 'string', pattern: '^P-\\d{6}$' },
        area_m2: { type: 'number', exclusiveMinimum: 0 },
        issued: { type: 'string', format: 'date' },
      },
    })],
  });
  it('shows a datetime at midnight UTC as a date-time, not a date (it failed format date-time)', async () => {
    const instants = defineDataset({ name: 'i', fields: { at: field.datetime() },
      rules: [rule.fromJsonSchema({ type: 'object', properties: { at: { type: 'string', format: 'date-time' } } })] });
    const report = await run(instants, [{ at: '2025-12-01T10:00:00Z' }, { at: '2025-12-01T00:00:00Z' }, { at: '2025-12-01T07:00:00+07:00' }]);
    expect(ruleOf(report, 'jsonSchema').failed).toBe(0);
  });

  it('sees the record as JSON (dates as ISO dates, missing as absent) and names field and path', async () => {
    const report = await run(def, [
      { parcel_id: 'P-000001', area_m2: '10', issued: '03/04/2025' },
      { parcel_id: '', area_m2: '0' },
      { parcel_id: 'X', area_m2: '5' },
    ]);
    const r = ruleOf(report, 'jsonSchema');
    expect([r.checked, r.failed]).toEqual([3, 2]);
    expect(r.samples.map((s) => [s.row, s.field, s.code])).toEqual([
      [1, 'parcel_id', 'schema_violation'], [1, 'area_m2', 'schema_violation'], [2, 'parcel_id', 'schema_violation'],
    ]);
  });

  const anyField = (schema: object) => defineDataset({ name: 'a', fields: { a: field.any(), b: field.any() }, rules: [rule.fromJsonSchema(schema)] });
  const object = (a: object) => ({ type: 'object', properties: { a } });

  it.each([
    ['a format ajv does not know', object({ type: 'string', format: 'cccd' }), /unknown format "cccd"/],
    ['a misspelt keyword', object({ type: 'string', minLenght: 5 }), /unknown keyword: "minLenght" \(misspelt\?/],
    ['a 2020-12 keyword in a draft-07 schema', object({ type: 'array', prefixItems: [{ type: 'number' }] }), /unknown keyword: "prefixItems"/],
    ['an $async schema (its check returned a Promise, truthy)', { $async: true, ...object({ type: 'number' }) }, /\$async/],
    ['a $ref it cannot resolve', object({ $ref: 'other.json#/n' }), /can't resolve reference/],
  ])('refuses %s, which checked nothing: every row passed', (_, schema, message) => {
    expect(() => rule.fromJsonSchema(schema)).toThrow(message);
  });

  it('checks the keywords of the draft its $schema names, keeps annotations and x- keys, and fails Infinity as a number (not JSON)', async () => {
    const later = anyField({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object',
      properties: { a: { type: 'array', prefixItems: [{ type: 'number' }] } }, dependentRequired: { a: ['b'] } });
    expect(ruleOf(await run(later, [{ a: ['x'] }, { a: [1], b: 1 }]), 'jsonSchema').failed).toBe(1);
    const annotated = anyField(object({ type: 'number', title: 'area', description: 'm²', examples: [1], 'x-unit': 'm2' }));
    expect(ruleOf(await run(annotated, [{ a: -Infinity }, { a: Infinity }, { a: 2 }]), 'jsonSchema').failed).toBe(2);
  });

  it.each([
    ['under properties', object({ type: 'number', exclusiveMinimum: 0 })],
    ['in a oneOf branch through a $ref', { definitions: { r: { properties: { area: {} } } }, oneOf: [{ $ref: '#/definitions/r' }] }],
  ])('refuses a schema of a property the dataset does not declare (%s), which checked nothing', (_, schema) => {
    const named = JSON.parse(JSON.stringify(schema).replace('"a"', '"area"')) as object;
    expect(() => defineDataset({ name: 'd', fields: { a: field.any() }, rules: [rule.fromJsonSchema(named)] }))
      .toThrow(/checks "area", which is not a field of dataset "d"/);
  });
});

