import { describe, expect, it } from 'vitest';
import { validate } from '../core/validate.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinition } from './parse-definition.js';
import { MAX_PATTERN_LENGTH } from './_regex.js';

const yaml = (fields: string) => parseDefinition(`name: x\nfields:\n${fields}`, { format: 'yaml', file: 'def.yaml' });

function refusal(fields: string): string {
  try {
    yaml(fields);
  } catch (e) {
    if (e instanceof DefinitionError) return e.message;
    throw e;
  }
  return 'accepted';
}

describe('a definition file refuses bounds no value could meet, as defineDataset does', () => {
  it.each([
    ['  area: { type: number, min: 10, max: 0 }\n', 'def.yaml: fields.area: min (10) is greater than max (0)'],
    ['  n: { type: integer, max: 0, min: 10 }\n', 'def.yaml: fields.n: min (10) is greater than max (0)'],
    ['  d: { type: date, min: "2024-02-01", max: "2024-01-31" }\n', 'def.yaml: fields.d: min (2024-02-01) is greater than max (2024-01-31)'],
    ['  t: { type: datetime, min: "2024-01-01T12:00:00Z", max: "2024-01-01T06:00" }\n',
      'def.yaml: fields.t: min (2024-01-01T12:00:00.000Z) is greater than max (2024-01-01T06:00:00.000Z)'],
    ['  area: { type: number, min: { value: 5, exclusive: true }, max: 5 }\n', 'def.yaml: fields.area: min (5, exclusive) is not less than max (5)'],
    ['  n: { type: integer, min: 1.2, max: 1.8 }\n', 'def.yaml: fields.n: no integer is between min (1.2) and max (1.8)'],
  ])('%s', (fields, message) => expect(refusal(fields)).toBe(message));

  it.each([
    ['  area: { type: number, min: 5, max: 5 }\n'],
    ['  d: { type: date, min: "2024-01-01", max: "2024-01-01" }\n'],
    ['  area: { type: number, min: { value: 0, exclusive: true }, max: 1000000 }\n'],
  ])('accepts %s', (fields) => expect(refusal(fields)).toBe('accepted'));
});

describe('a datetime bound without an offset in a definition file', () => {
  it('is the wall-clock time of the run\'s zone, as the values it bounds are', async () => {
    const def = parseDefinition('name: x\ntimeZone: Asia/Ho_Chi_Minh\nfields:\n  t: { type: datetime, max: "2026-11-22T05:00" }\n',
      { format: 'yaml', file: 'def.yaml' });
    const rows = [{ t: '2026-11-22 05:00' }, { t: '2026-11-21T22:00:00Z' }, { t: '2026-11-21T22:00:01Z' }];
    const failed = async (timeZone?: string) => (await validate(def, rows, { now: '2026-12-01T00:00:00Z', ...(timeZone === undefined ? {} : { timeZone }) }))
      .violations.map((v) => v.row);
    expect(await failed()).toEqual([2]); // 05:00 in Vietnam is 22:00Z the day before
    expect(await failed('UTC')).toEqual([]); // 05:00Z: all three are before it
    expect(await failed('Europe/Berlin')).toEqual([]); // 04:00Z
  });

  it('with an offset, is the instant it names in every zone', async () => {
    const def = parseDefinition('name: x\ntimeZone: Asia/Ho_Chi_Minh\nfields:\n  t: { type: datetime, max: "2026-11-22T05:00:00+07:00" }\n',
      { format: 'yaml', file: 'def.yaml' });
    for (const timeZone of ['UTC', 'Asia/Ho_Chi_Minh']) {
      expect((await validate(def, [{ t: '2026-11-21T22:00:01Z' }], { now: '2026-12-01T00:00:00Z', timeZone })).violations).toHaveLength(1);
    }
  });
});

describe('notPattern in a definition file', () => {
  it('adds the rule, in key order, with its options and flags', async () => {
    const def = yaml('  id: { type: text, pattern: "^\\\\d+$", notPattern: { value: "^0+$", severity: warning } }\n'
      + '  code: { type: text, notPattern: { value: "^test", flags: i } }\n  n: { type: integer, notPattern: "^9+$" }\n');
    expect(def.fields.id?.rules.map((r) => r.name)).toEqual(['pattern', 'notPattern']);
    const report = await validate(def, [{ id: '000', code: 'TEST-1', n: '999' }, { id: '001', code: 'ok', n: '1' }], { now: new Date('2026-01-01T00:00:00Z') });
    expect(report.violations.map((v) => `${v.rule}:${v.code}:${v.severity}:${v.row}`)).toEqual([
      'id.notPattern:matches_forbidden_pattern:warning:0', 'code.notPattern:matches_forbidden_pattern:error:0', 'n.notPattern:matches_forbidden_pattern:error:0',
    ]);
  });

  it.each([
    ['can backtrack exponentially', '  a: { type: text, notPattern: "(a+)+$" }\n', 'fields.a.notPattern', 'nested quantifier'],
    ['can backtrack exponentially (object form)', '  a: { type: text, notPattern: { value: "(a|a)*" } }\n', 'fields.a.notPattern', 'repeated alternation'],
    ['is no regular expression', '  a: { type: text, notPattern: "(" }\n', 'fields.a.notPattern', 'invalid regular expression'],
    ['is too long', `  a: { type: text, notPattern: "${'a'.repeat(MAX_PATTERN_LENGTH + 1)}" }\n`, 'fields.a.notPattern', `more than ${MAX_PATTERN_LENGTH} characters`],
    ['asks to be unsafe (no escape from a file)', '  a: { type: text, notPattern: { value: "a", unsafe: true } }\n', 'fields.a.notPattern', 'unknown key "unsafe"'],
    ['is on a date field', '  a: { type: date, notPattern: "^0" }\n', 'fields.a.notPattern', 'applies to text, enum, integer, number and any fields only, not date'],
    ['is a pattern on a datetime field', '  a: { type: datetime, pattern: "^2" }\n', 'fields.a.pattern', 'applies to text, enum, integer, number and any fields only, not datetime'],
    ['is a pattern on a boolean field', '  a: { type: boolean, pattern: "^(có|không)$" }\n', 'fields.a.pattern', 'applies to text, enum, integer, number and any fields only, not boolean'],
  ])('refuses one that %s', (_why, fields, path, detail) => {
    const message = refusal(fields);
    expect(message.startsWith(`def.yaml: ${path}: `)).toBe(true);
    expect(message).toContain(detail);
  });
});
