import { describe, expect, it } from 'vitest';
import { validate } from '../validate.js';
import { reference } from '../reference/reference.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinition } from './parse-definition.js';

// vn.verifyPerson in a file: the six rules, its column options checked against the fields, its register options.
const NOW = new Date('2026-11-22T00:00:00Z');
const head = 'name: x\nfields:\n  i: { type: text, pii: true }\n  n: { type: text }\n  y: { type: integer }\n  g: { type: text }\nrules:\n';
const yaml = (rule: string) => parseDefinition(`${head}  - ${rule}\n`, { format: 'yaml', file: 'def.yaml' });

function problem(rule: string): string {
  try {
    yaml(rule);
  } catch (e) {
    if (e instanceof DefinitionError) return e.message;
    throw e;
  }
  throw new Error('expected a DefinitionError');
}

describe('type: vn.verifyPerson', () => {
  it('builds the six rules, with ruleId as their prefix, registerColumns and registerGenders', async () => {
    const def = yaml('{ type: vn.verifyPerson, id: i, name: n, birthYear: y, gender: g, register: dan_cu, ruleId: p, ' +
      'registerColumns: { id: so, full_name: ten, birth_date: sinh, gender: gt }, registerGenders: { male: ["1"], female: ["2"] } }');
    expect(def.rules.map((r) => r.id)).toEqual(['p', 'p.name', 'p.nameForm', 'p.birth', 'p.gender', 'p.deceased']);
    const dan_cu = reference('dan_cu', [{ so: '001089012345', ten: 'Nguyễn Văn An', sinh: '1989', gt: '2' }],
      { key: 'so', columns: ['ten', 'sinh', 'gt'] });
    const report = await validate(def, [{ i: '001089012345', n: 'Nguyen Van An', y: '1990', g: 'Nam' }], { now: NOW, references: { dan_cu } });
    expect(report.rules.filter((r) => r.failed > 0).map((r) => [r.id, r.samples[0]?.code])).toEqual([
      ['p.nameForm', 'name_diacritics_differ'], ['p.birth', 'birth_year_mismatch'], ['p.gender', 'gender_mismatch'],
    ]);
  });

  it('defaults the register to population', () => {
    const def = yaml('{ type: vn.verifyPerson, id: i, name: n, birthYear: y, gender: g }');
    expect(def.rules.map((r) => r.params?.register)).toEqual(Array(6).fill('population'));
  });

  it.each([
    ['{ type: vn.verifyPerson, id: i, name: n, birthYear: year, gender: g }', /rules\[0\]\.birthYear: unknown field "year"/],
    ['{ type: vn.verifyPerson, id: i, name: n, gender: g }', /exactly one/],
    ['{ type: vn.verifyPerson, id: i, name: n, birthYear: y, birthDate: y, gender: g }', /exactly one/],
    ['{ type: vn.verifyPerson, id: i, birthYear: y, gender: g }', /name/],
    ['{ type: vn.verifyPerson, id: i, name: n, birthYear: y, gender: g, registerColumns: { fullname: x } }', /registerColumns/],
  ])('refuses %s', (rule, message) => {
    expect(problem(rule)).toMatch(message);
  });
});
