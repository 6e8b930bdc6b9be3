import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { builtins } from '../src/cli/_builtins.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

interface RuleJson { id: string; status: string; checked: number; failed: number }

async function rulesWith(dataset: string): Promise<{ code: number; rules: RuleJson[] }> {
  const r = await cli(['validate', 'parcels.csv', '--dataset', dataset, ...NOW, '--format', 'json']);
  const rules = (JSON.parse(r.stdout) as { rules: RuleJson[] }).rules.map(({ id, status, checked, failed }) => ({ id, status, checked, failed }));
  // Declarative files add rules in a fixed order, TypeScript in call order: compare by id.
  return { code: r.code, rules: rules.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

describe('--dataset accepts TypeScript, JSON and YAML definitions', () => {
  it('the same definition written three ways gives the same results', async () => {
    const yaml = await rulesWith('parcels.yaml');
    const json = await rulesWith('parcels.json');
    const ts = await rulesWith('parcels.def.ts');
    expect(yaml.code).toBe(1);
    expect(json).toEqual(yaml);
    expect(ts).toEqual(yaml);
    // A cell the type cannot read is one invalid_type finding, also for a .ts definition loaded through jiti.
    expect(ts.rules.find((r) => r.id === 'area_m2.type')).toMatchObject({ status: 'failed', failed: 1 });
  });

  it('file.ts#name picks one of several exported definitions', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'two.def.ts#second', ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { dataset: string }).dataset).toBe('second');
  });

  // Each on a sample of its own register: on another register's file none of its fields is a column (exit 3).
  const SAMPLES: Readonly<Record<string, string>> = { 'land-parcels': 'land/parcels.csv', 'insurance-participants': 'insurance/participants.csv',
    'enterprise-register': 'enterprise/enterprises.csv' };
  it.each(Array.from(builtins().keys(), (name) => [name]))('the built-in %s runs by name', async (name) => {
    const sample = fileURLToPath(new URL(`../examples/${SAMPLES[name] ?? 'missing'}`, import.meta.url));
    const r = await cli(['validate', sample, '--dataset', name, ...NOW, '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    expect((JSON.parse(r.stdout) as { dataset: string }).dataset).toBe(name);
  });
});

describe('a definition that cannot be used is a usage error (exit 2) naming the problem', () => {
  it.each([
    ['a schema error, with its JSON path', 'bad-min.yaml', 'ddss: bad dataset definition bad-min.yaml: fields.area_m2.min: must be number'],
    ['a hostile pattern', 'redos.yaml', 'ddss: bad dataset definition redos.yaml: fields.owner_name.pattern: nested quantifier'],
    ['a billion-laughs YAML file', 'billion-laughs.yaml', 'ddss: bad dataset definition billion-laughs.yaml: YAML aliases expand too much'],
    ['a missing definition file', 'missing.yaml', 'ddss: dataset definition file not found: "missing.yaml"'],
    ['an unknown built-in', 'no-such-dataset', 'ddss: unknown dataset "no-such-dataset": not a built-in'],
    ['a module that throws while loading', 'throws-on-load.def.ts', 'ddss: bad dataset definition throws-on-load.def.ts: cannot load: DDSS_FIXTURE_NEVER_SET is not set'],
    ['a module with several definitions', 'two.def.ts', 'ddss: bad dataset definition two.def.ts: exports several dataset definitions (first, second); pick one with two.def.ts#name'],
    ['a missing named export', 'two.def.ts#third', 'ddss: bad dataset definition two.def.ts: no export named "third"'],
    ['a definition of another kind', 'parcels.csv', 'ddss: unknown dataset "parcels.csv"'],
  ])('%s', async (_what, dataset, message) => {
    const started = Date.now();
    const r = await cli(['validate', 'parcels.csv', '--dataset', dataset, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).toMatch(/^[^\n]+\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it.each([
    ['{"name":"x","fields":{"a":{"type":"text"}},"rules":[{"type":"uniqueBy","columns":["a","b"]}]}', 'rules[0].columns[1]: unknown field "b"'],
    ['{"name":"x","fields":{"a":{"type":"text","pattern":"(x|x)*"}}}', 'fields.a.pattern: repeated alternation'],
    ['{"name":"x","fields":{"a":{"type":"text","pattern":"^(x|\\\\x78)+$"}}}', 'fields.a.pattern: repeated alternation'],
    ['{"name":"x","fields":{"a":{"type":"text","pattern":"' + 'a'.repeat(501) + '"}}}', 'fields.a.pattern: must NOT have more than 500 characters'],
    ['{"name":"x","fields":{"a":{"type":"text"}}', 'invalid JSON'],
    ['{"name":"p","columns":"ignore","fields":{"n":{"type":"integer","min":100,"min":0}}}', 'fields.n: duplicate key "min"'],
  ])('JSON: %s', async (text, message) => {
    const def = tmp.path('def.json');
    writeFileSync(def, text);
    const r = await cli(['validate', 'parcels.csv', '--dataset', def, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ddss: bad dataset definition def.json: ${message}`);
  });

  it('YAML: an escape in a pattern is read as the character it matches', async () => {
    const def = tmp.path('def.yaml');
    writeFileSync(def, "name: x\nfields:\n  a: {type: text, pattern: '^(a|\\u0061)+$'}\n");
    const r = await cli(['validate', 'parcels.csv', '--dataset', def, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ddss: bad dataset definition def.yaml: fields.a.pattern: repeated alternation: the group "(a|\\u0061)"');
  });

  // A listed 1 never equals the text "1" of a text field: the list would have passed (notOneOf) or failed (oneOf)
  // every row without a word.
  it.each([
    ['{type: text, notOneOf: [1, 2]}', 'fields.code.notOneOf[0]: must be string, like the values of this text field'],
    ['{type: text, oneOf: [1, 2]}', 'fields.code.oneOf[0]: must be string'],
    ['{type: integer, notOneOf: ["1", "2"]}', 'fields.code.notOneOf[0]: must be integer, like the values of this integer field'],
    ['{type: date, oneOf: ["2024-01-01"]}', 'fields.code.oneOf: applies to text, enum, integer, number, boolean and any fields only, not date'],
  ])('a oneOf/notOneOf list of another kind than the field: %s', async (spec, message) => {
    const csv = tmp.path('codes.csv');
    const def = tmp.path('codes.yaml');
    writeFileSync(csv, 'id,code\n1,1\n');
    writeFileSync(def, `name: codes\nfields:\n  id: {type: integer}\n  code: ${spec}\n`);
    const r = await cli(['validate', csv, '--dataset', def, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ddss: bad dataset definition codes.yaml: ${message}`);
  });

  it('keeps __proto__ a plain field name and leaves Object.prototype untouched', async () => {
    const def = tmp.path('proto.json');
    writeFileSync(def, '{"name":"proto","fields":{"__proto__":{"type":"text","required":true},"constructor":{"type":"text"},"parcel_id":{"type":"text"}}}');
    const r = await cli(['validate', 'parcels.csv', '--dataset', def, ...NOW, '--format', 'json']);
    const rules = (JSON.parse(r.stdout) as { rules: RuleJson[] }).rules;
    expect(rules.find((x) => x.id === '__proto__.required')).toMatchObject({ failed: 4 });
    expect(r.code).toBe(1);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('required');
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});
