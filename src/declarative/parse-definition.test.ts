import { describe, expect, it } from 'vitest';
import { validate } from '../core/validate.js';
import { parseDefinition } from './parse-definition.js';
import { definitionProblem as problem } from '../../test/_definition-problem.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const yaml = (text: string) => parseDefinition(text, { format: 'yaml', file: 'def.yaml' });

const FIELD = (spec: string) => `name: x\nfields:\n  a: ${spec}\n`;

describe('parseDefinition', () => {
  it.each([
    // [definition text, path of the problem, detail]
    [FIELD('{ type: number, min: "abc" }'), 'fields.a.min', 'must be number'],
    [FIELD('{ type: number, min: true }'), 'fields.a.min', 'must be number or string'],
    [FIELD('{ type: number, minn: 1 }'), 'fields.a', 'unknown key "minn" (did you mean "min"?)'],
    [FIELD('{ type: text, patern: "^a$" }'), 'fields.a', 'unknown key "patern" (did you mean "pattern"?)'],
    [FIELD('{ type: text, zzz: 1 }'), 'fields.a', 'unknown key "zzz"'],
    // A misspelt required key is one mistake, said as the unknown key (it was "missing required key" alone).
    ['name: x\nfeilds:\n  a: { type: text }\n', '', 'unknown key "feilds" (did you mean "fields"?)'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: uniqueBy, colums: [a] }\n', 'rules[0]', 'unknown key "colums" (did you mean "columns"?)'],
    [FIELD('{ type: text, rules: [{ pattern: "^a$" }] }'), 'fields.a', 'unknown key "rules": a field\'s rules are keys of the field itself'],
    [FIELD('{ type: Text }'), 'fields.a.type', '"any" (did you mean "text"?)'],
    [FIELD('{ type: text, required: yes }'), 'fields.a.required', 'must be boolean (write true or false without quotes: "yes" is text)'],
    [FIELD('{ type: text, required: "true" }'), 'fields.a.required', 'must be boolean (write true or false without quotes: "true" is text)'],
    [FIELD('{ type: numbr }'), 'fields.a.type', 'must be one of'],
    [FIELD('{ type: enum }'), 'fields.a', 'missing required key "values"'],
    [FIELD('{ type: text, min: 1 }'), 'fields.a.min', 'applies to integer, number, date and datetime fields only'],
    [FIELD('{ type: text, format: dd/MM/yyyy }'), 'fields.a.format', 'applies to date fields only'],
    [FIELD('{ type: date, format: dd/XX/yyyy }'), 'fields.a.format', 'unknown or unsupported date-fns token "XX"'],
    [FIELD('{ type: date, format: dd/mm/yyyy }'), 'fields.a.format', '"dd/mm/yyyy": mm is minutes; did you mean MM (month)?'],
    [FIELD('{ type: date, min: "01/01/2020" }'), 'fields.a.min', 'ISO date'],
    [FIELD('{ type: date, within: { dayz: 3 } }'), 'fields.a.within', 'unknown key "dayz"'],
    [FIELD('{ type: date, within: { maxAge: { days: -1 } } }'), 'fields.a.within.maxAge.days', 'must be >= 0'],
    [FIELD('{ type: text, length: {} }'), 'fields.a.length', 'needs min or max'],
    [FIELD('{ type: text, length: { min: 3, max: 1 } }'), 'fields.a.length', 'min (3) is greater than max (1)'],
    [FIELD('{ type: text, pattern: "(a+)+$" }'), 'fields.a.pattern', 'nested quantifier'],
    [FIELD('{ type: text, pattern: { value: "(a|a)*", severity: warning } }'), 'fields.a.pattern', 'repeated alternation'],
    [FIELD('{ type: text, pattern: { value: "a", sev: warning } }'), 'fields.a.pattern', 'unknown key "sev"'],
    [FIELD('{ type: text, required: { severity: fatal } }'), 'fields.a.required.severity', 'must be one of'],
    [FIELD('{ type: text, pii: maybe }'), 'fields.a.pii', 'must be one of'],
    ['name: x\nfields: {}\n', 'fields', 'must NOT have fewer than 1 properties'],
    ['fields:\n  a: { type: text }\n', '', 'missing required key "name"'],
    ['name: x\nkey: b\nfields:\n  a: { type: text }\n', 'key', 'unknown field "b"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: uniqueBy }\n', 'rules[0]', 'missing required key "columns"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: uniqueBy, columns: [a, b] }\n', 'rules[0].columns[1]', 'unknown field "b"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: freshness, column: a, maxAge: 3 }\n', 'rules[0].maxAge', 'must be object'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: rowCount, min: 5, max: 1 }\n', 'rules[0]', 'min (5) is greater than max (1)'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: teleport }\n', 'rules[0].type', 'must be one of'],
    ['name: x\nfields:\n  "a.b": { type: text, unique: yes }\n', 'fields["a.b"].unique', 'must be boolean'],
    ['name: x\nfields:\n  a: { type: text, unique: true }\nrules:\n  - { type: uniqueBy, columns: [a], id: a.unique }\n', '', 'used twice'],
    ['name: [x\n', '', 'invalid YAML'],
    ['a: 1\na: 2\n', '', 'duplicate key "a"'],
    // Several documents: said plainly (it was yaml's "please use YAML.parseAllDocuments()"), with the line of the second.
    ['name: x\n---\nname: y\n', '', 'a definition file holds one YAML document; a second one starts at line 2 (the "---" there): write one definition per file'],
    ['name: x\nfields:\n  a: { type: text }\n...\n---\n', '', 'a second one starts at line 5'],
    ['name: x\nfields:\n  a: !!js/function "function () {}"\n', '', 'invalid YAML'],
    // The Vietnamese pack, extends, override, drop
    [FIELD('{ type: text, vn: [cccdd] }'), 'fields.a.vn[0]', 'must be one of "cccd"'],
    [FIELD('{ type: text, vn: [cccdd] }'), 'fields.a.vn[0]', '"excelSerial" (did you mean "cccd"?)'],
    [FIELD('{ type: text, vn: [{ cccdd: {} }] }'), 'fields.a.vn[0]', 'unknown key "cccdd"'],
    [FIELD('{ type: text, vn: [{ cccd: {}, mst: {} }] }'), 'fields.a.vn[0]', 'one rule per item'],
    [FIELD('{ type: text, vn: [{ cccd: { acceptCmdn: true } }] }'), 'fields.a.vn[0].cccd', 'unknown key "acceptCmdn"'],
    [FIELD('{ type: text, vn: [{ cccd: { acceptCmnd: yes } }] }'), 'fields.a.vn[0].cccd.acceptCmnd', 'must be boolean'],
    [FIELD("{ type: text, vn: [{ province: { scheme: '2025' } }] }"), 'fields.a.vn[0].province.scheme', 'must be one of "2008-08-01", "2025-07-01", "auto"'],
    [FIELD('{ type: text, vn: [{ cccd: { when: x } }] }'), 'fields.a.vn[0].cccd', '"when" is a function in TypeScript and has no JSON/YAML form'],
    [FIELD('{ type: text, vn: [{ province: { tables: [] } }] }'), 'fields.a.vn[0].province', '"tables" is reference tables built in code'],
    [FIELD('{ type: text, vn: [{ bhytObjectCode: { at: 2024-13-01 } }] }'), 'fields.a.vn[0].bhytObjectCode.at', 'must be a calendar date'],
    // A range no serial fits passed every value.
    [FIELD('{ type: text, vn: [{ excelSerial: { earliest: 2099-01-01, latest: 1920-01-01 } }] }'), 'fields.a.vn[0].excelSerial', 'earliest (2099-01-01) is after latest (1920-01-01)'],
    ['name: x\nfields:\n  a: { type: date }\nrules:\n  - { type: vn.excelSerialIn, column: a, earliest: 2030-01-01, latest: 2000-01-01 }\n', 'rules[0]', 'excelSerialIn: earliest (2030-01-01) is after latest'],
    [FIELD('{ type: text, vn: [communeCurrent] }'), 'fields.a.vn[0]', 'communeCurrent needs the dataset\'s communes'],
    [FIELD('{ type: text, vn: [{ vnName: { skipLegacyEncoded: 1 } }] }'), 'fields.a.vn[0].vnName.skipLegacyEncoded', 'must be boolean'],
    [FIELD('{ type: text, vn: [{ cccd: { skipLegacyEncoded: true } }] }'), 'fields.a.vn[0].cccd', 'unknown key "skipLegacyEncoded"'],
    [FIELD('{ type: text, unique: { normalize: tax } }'), 'fields.a.unique.normalize', 'must be one of "mst"'],
    [FIELD('{ type: text, decimals: 1 }'), 'fields.a.decimals', 'applies to number fields only'],
    [FIELD('{ type: text, verified: true }'), 'fields.a.verified', 'applies to boolean fields only'],
    [FIELD('{ type: text, notInFuture: true }'), 'fields.a.notInFuture', 'applies to date, datetime and integer (a year) fields only'],
    [FIELD('{ type: text, title: A, label: A }'), 'fields.a.label', 'title and label are the same'],
    // Separators and boolean texts that read values wrongly without a word ("1.5" as 15, "x" as true).
    [FIELD('{ type: number, thousands: "." }'), 'fields.a.thousands', '"." cannot be both the thousands and the decimal separator'],
    [FIELD('{ type: number, decimal: ",", thousands: "," }'), 'fields.a.thousands', 'both the thousands and the decimal'],
    [FIELD('{ type: boolean, trueValues: [có, x], falseValues: [không, X] }'), 'fields.a.falseValues', '"x" is in both the true and the false list'],
    [FIELD('{ type: boolean, trueValues: [] }'), 'fields.a.trueValues', 'the true list is empty'],
    // A listed value of another kind never equals a value: the list would pass or fail every row without a word.
    [FIELD('{ type: text, notOneOf: [1, 2] }'), 'fields.a.notOneOf[0]', 'must be string, like the values of this text field'],
    [FIELD('{ type: text, oneOf: ["1", 2] }'), 'fields.a.oneOf[1]', 'must be string'],
    [FIELD('{ type: enum, values: [A], oneOf: { values: [A, true], id: a.narrow } }'), 'fields.a.oneOf.values[1]', 'must be string, like the values of this enum field'],
    // An enum's values are its oneOf rule (this was "rule id a.oneOf is used twice"); a value outside them never matches.
    [FIELD('{ type: enum, values: [Nam, Nữ], oneOf: [Nam] }'), 'fields.a.oneOf', 'an enum field already checks its values (rule a.oneOf)'],
    [FIELD('{ type: enum, values: [Nam, Nữ], notOneOf: [Khac] }'), 'fields.a.notOneOf[0]', '"Khac" is not one of the field\'s values, so it would never match'],
    [FIELD('{ type: enum, values: [Nam, Nữ], oneOf: { values: [Nam, Nu], id: a.male } }'), 'fields.a.oneOf.values[1]', '"Nu" is not one of the field\'s values'],
    [FIELD('{ type: integer, notOneOf: ["1", "2"] }'), 'fields.a.notOneOf[0]', 'must be integer, like the values of this integer field'],
    [FIELD('{ type: integer, oneOf: [1, 2.5] }'), 'fields.a.oneOf[1]', 'must be integer'],
    [FIELD('{ type: number, oneOf: { values: ["1.5"], severity: warning } }'), 'fields.a.oneOf.values[0]', 'must be number'],
    [FIELD('{ type: boolean, notOneOf: ["false"] }'), 'fields.a.notOneOf[0]', 'must be boolean'],
    [FIELD('{ type: date, oneOf: ["2024-01-01"] }'), 'fields.a.oneOf', 'applies to text, enum, integer, number, boolean and any fields only, not date'],
    [FIELD('{ type: datetime, notOneOf: ["2024-01-01T00:00:00Z"] }'), 'fields.a.notOneOf', 'only, not datetime'],
    [FIELD('{ type: text, missingValues: vx }'), 'fields.a.missingValues', 'must be "vn"'],
    ['name: x\nmissingValues: VN\nfields:\n  a: { type: text }\n', 'missingValues', 'must be "vn"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: vn.idBirthYear, id: a }\n', 'rules[0]', 'missing required key "birthYear"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: vn.idBirthYear, id: a, birthYear: b }\n', 'rules[0].birthYear', 'unknown field "b"'],
    ['name: x\nfields:\n  a: { type: date }\nrules:\n  - { type: vn.datesOrdered, fields: [a, c] }\n', 'rules[0].fields[1]', 'unknown field "c"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: vn.salaryInRange, salary: a, month: a, region: V }\n', 'rules[0].region', 'must be one of "I"'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: vn.salaryInRange, salary: a, month: a, baseSalary: [] }\n', 'rules[0]', '"baseSalary" is reference tables built in code'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: vn.idGenders, id: a }\n', 'rules[0].type', 'must be one of'],
    ['name: x\nfields:\n  a: { type: number }\nrules:\n  - { type: vn.vn2000, northField: a, eastField: a, id: xy }\n', 'rules[0]', 'unknown key "id" (a vn.* rule\'s id is set with ruleId)'],
    ['name: x\nfields:\n  a: { type: text }\nrules:\n  - { type: uniqueBy, columns: [a], normalize: { b: mst } }\n', 'rules[0].normalize.b', '"b" is not one of the columns'],
    ['extends: land-parcel\n', 'extends', 'no built-in dataset "land-parcel" (built-ins: land-parcels, insurance-participants'],
    ['extends: base.yaml\n', 'extends', 'a base file is read relative to the definition file'],
    ['name: x\ncommunes: c.json\nfields:\n  a: { type: text }\n', 'communes', 'commune files are read relative to the definition file'],
    ['extends: land-parcels\ndrop: [owner_name.vnNam]\n', 'drop[0]', 'no rule has the id "owner_name.vnNam"'],
    ['extends: land-parcels\noverride:\n  owner_id.ccd: { severity: warning }\n', 'override["owner_id.ccd"]', 'no rule has the id "owner_id.ccd"'],
    ['extends: land-parcels\noverride:\n  owner_id.cccd: { severity: fatal }\n', 'override["owner_id.cccd"].severity', 'must be one of'],
    ['extends: land-parcels\noverride:\n  owner_id.cccd: { id: x }\n', 'override["owner_id.cccd"]', 'unknown key "id"'],
    ['extends: land-parcels\ndrop: [owner_id.cccd]\noverride:\n  owner_id.cccd: { severity: info }\n', 'override["owner_id.cccd"]', 'both dropped and overridden'],
    ['extends: land-parcels\ndrop: [owner_id.type]\n', 'drop[0]', 'type check cannot be dropped'],
    ['name: x\ndrop: [a.required]\nfields:\n  a: { type: text }\n', 'drop[0]', 'no rule has the id "a.required"'],
    // Settings that cannot mean anything: accepted silently, the list order (or nothing) decided the verdict.
    ['extends: land-parcels\ndrop: [owner_id.cccd, owner_name.vnName, owner_id.cccd]\n', 'drop[2]', 'rule "owner_id.cccd" is dropped twice (first at drop[0])'],
    ['name: x\nfields:\n  a: { type: text }\n  g: { type: text }\nrules:\n  - { type: vn.idGender, id: a, gender: g, genders: { male: [Nam, M], female: [nam] } }\n',
      'rules[0]', 'idGender: genders: "nam" is in both the male and the female list'],
    ['name: x\nfields:\n  d1: { type: date }\nrules:\n  - { type: vn.datesOrdered, fields: [d1, d1] }\n', 'rules[0]', 'datesOrdered lists the field "d1" twice'],
    // Weights under which the overall score is null on every run: failUnder could never fail.
    ['name: x\nweights: { correct: 0, sufficient: 0, clean: 0, live: 0 }\nfields:\n  a: { type: text }\n', 'weights', 'weights are all 0'],
    ['name: x\nweights: { correct: 0 }\nfields:\n  a: { type: text }\n', 'weights', 'which no rule of it checks'],
    ['name: x\nweights: { live: .inf }\nfields:\n  a: { type: text }\n', 'weights.live', 'must be'],
    ['name: x\nweights: { live: .nan }\nfields:\n  a: { type: text }\n', 'weights.live', 'must be'],
  ])('%j → %s', (text, path, detail) => {
    const e = problem(text);
    expect(e.path).toBe(path);
    expect(e.detail).toContain(detail);
    expect(e.message).toBe(['def.yaml', path, e.detail].filter((s) => s !== '').join(': '));
  });

  it('names the JSON path in JSON files too', () => {
    const e = problem('{"name":"x","fields":{"area_m2":{"type":"number","min":"zero"}}}', 'json');
    expect(e.message).toBe('def.yaml: fields.area_m2.min: must be number');
  });

  it('refuses a key given twice in JSON, as in YAML, instead of keeping the last', () => {
    const e = problem('{"name":"p","columns":"ignore","fields":{"n":{"type":"integer","min":100,"min":0}}}', 'json');
    expect(e.message).toBe('def.yaml: fields.n: duplicate key "min"');
    expect(problem('{"name":"p","name":"q","fields":{"n":{"type":"integer"}}}', 'json').message).toBe('def.yaml: duplicate key "name"');
  });

  it('reports JSON syntax errors', () => {
    expect(problem('{"name":', 'json').detail).toMatch(/^invalid JSON/);
  });

  // From JavaScript, `parseDefinition(text)` failed as "Cannot read properties of undefined (reading 'path')", naming
  // neither the function nor the option it needs; a format that is neither was read as YAML.
  it.each<[string, unknown[], RegExp]>([
    ['no options', [], /the options are required, and their format/],
    ['options without a format', [{}], /format must be 'yaml' or 'json', got undefined/],
    ['a format it does not read', [{ format: 'yml' }], /format must be 'yaml' or 'json', got "yml"/],
    ['a misspelt option', [{ format: 'yaml', basedir: '.' }], /"basedir" is not an option of parseDefinition \(did you mean "baseDir"\?\)/],
    ['options that are a text', ['yaml'], /the options of parseDefinition must be an object, got string/],
    ['a base directory that is no text', [{ format: 'yaml', baseDir: 1 }], /baseDir must be a string, got number/],
  ])('throws a ddss TypeError saying what to pass for %s', (_, rest, message) => {
    const call = () => (parseDefinition as (...a: unknown[]) => unknown)('name: x\nfields:\n  a: { type: text }\n', ...rest);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(/^ddss: /);
    expect(call).toThrow(message);
  });

  it('throws a ddss TypeError for a text that is no string', () => {
    expect(() => parseDefinition(Buffer.from('name: x') as never, { format: 'yaml' }))
      .toThrow(/ddss: parseDefinition\(text, \{ format: 'yaml' \| 'json', file\?, baseDir\?, path\? \}\): the text must be a string, got a Uint8Array/);
  });

  it('refuses a billion-laughs YAML file instead of expanding it', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, cur] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) {
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    expect(problem(`${lines.join('\n')}\nname: x\nfields: { a: { type: any, oneOf: *g } }\n`).detail).toContain('billion-laughs');
  });

  it('keeps __proto__ and constructor as plain field names and leaves Object.prototype alone', async () => {
    const def = parseDefinition(JSON.stringify({ name: 'x', fields: { a: { type: 'text' } } })
      .replace('"a":', '"__proto__":{"type":"integer","required":true},"constructor":{"type":"text"},"a":'), { format: 'json' });
    expect(Object.keys(def.fields)).toEqual(['__proto__', 'constructor', 'a']);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    const yamlDef = yaml('name: x\nfields:\n  __proto__: { type: integer, required: true }\n  toString: { type: text }\n');
    expect(Object.keys(yamlDef.fields)).toEqual(['__proto__', 'toString']);
    expect(({} as Record<string, unknown>).required).toBeUndefined();
    const report = await validate(yamlDef, [{ toString: 'x' }], { now: NOW });
    expect(report.rules.find((r) => r.id === '__proto__.required')?.failed).toBe(1);
  });

  it('refuses a __proto__ key inside a field spec (unknown key), without polluting', () => {
    const e = problem('{"name":"x","fields":{"a":{"type":"text","__proto__":{"polluted":true}}}}', 'json');
    expect(e.message).toBe('def.yaml: fields.a: unknown key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rule order', () => {
  const ids = (spec: string) => Object.values(yaml(`name: x\nfields:\n  a: ${spec}\n`).fields)[0]?.rules.map((r) => r.name);

  it.each([
    ['{ type: text, trimmed: true, unique: true }', ['trimmed', 'unique']],
    ['{ type: text, unique: true, trimmed: true }', ['unique', 'trimmed']],
    ['{ type: text, vn: [gcnSerial], unique: true, pattern: "^a$" }', ['gcnSerial', 'unique', 'pattern']],
    ['{ type: text, required: true, vn: [cccd, legacyEncoding], nfc: true, pii: true }', ['cccd', 'legacyEncoding', 'nfc']],
  ])('%s → rules in the order of the keys: %j', (spec, order) => {
    expect(ids(spec)).toEqual(order);
  });
});

describe('declarative rules behave like their TypeScript builders', () => {
  const def = yaml(`
name: people
key: id
missingValues: ["-"]
weights: { live: 2 }
failUnder: 0.5
fields:
  id: { type: text, required: true, unique: { severity: warning } }
  code: { type: text, pattern: { value: '^[a-z]{2}$', flags: i }, length: { max: 2 } }
  kind: { type: enum, values: [A, B], caseInsensitive: true }
  level: { type: integer, oneOf: [1, 2, 3], min: 1, max: { value: 3, exclusive: true } }
  name: { type: text, trimmed: true, nfc: { criterion: clean, severity: info }, pii: hash }
  amount: { type: number, decimal: ",", thousands: "." }
  ok: { type: boolean, trueValues: [có], falseValues: [không] }
  born: { type: date, format: dd/MM/yyyy, notInFuture: true, min: "1900-01-01" }
  seen: { type: datetime, within: { maxAge: { days: 30 }, severity: warning } }
rules:
  - { type: rowCount, min: 1, max: 10 }
  - { type: uniqueBy, columns: [code, kind], id: code-kind }
  - { type: freshness, column: seen, maxAge: { days: 7 } }
  - { type: coverage, column: kind, expected: [A, B] }
  - { type: noOverlap, entity: id, from: born, to: seen }
  - { type: reference, column: code, values: [ab, cd], name: codes }
`);

  it.each([
    ['id.unique', 'warning', 2],
    ['code.pattern', 'error', 1],
    ['code.length', 'error', 1],
    ['kind.oneOf', 'error', 0],
    ['level.oneOf', 'error', 1],
    ['level.max', 'error', 2],
    ['name.trimmed', 'error', 1],
    ['name.nfc', 'info', 0],
    ['amount.type', 'error', 0],
    ['ok.type', 'error', 0],
    ['born.notInFuture', 'error', 1],
    ['born.min', 'error', 1],
    ['seen.within', 'warning', 1],
    ['code-kind', 'error', 2],
    ['code.reference', 'error', 3],
  ])('%s (severity %s) fails %i rows', async (id, severity, failed) => {
    const report = await validate(def, [
      { id: 'X1', code: 'AB', kind: 'a', level: '3', name: ' An', amount: '1.234,5', ok: 'có', born: '01/01/2099', seen: '2026-11-20T00:00:00Z' },
      { id: 'X1', code: 'abc', kind: 'B', level: '7', name: 'Bình', amount: '-', ok: 'không', born: '01/01/1800', seen: '2020-01-01T00:00:00Z' },
      { id: 'X2', code: 'AB', kind: 'a', level: '2', name: 'Chi', amount: '2', ok: '-', born: '01/01/2000', seen: '2026-11-21T00:00:00Z' },
    ], { now: NOW, piiKey: 'test-key' }); // `name` is hashed: a key is required
    const rule = report.rules.find((r) => r.id === id);
    expect(rule?.severity).toBe(severity);
    expect(rule?.failed).toBe(failed);
  });

  it('takes lists whose values are of the field\'s kind, and any kind on an any field', () => {
    const ok = yaml(FIELD('{ type: number, oneOf: [1, 2.5] }') + '  b: { type: any, notOneOf: [x, 1, true] }\n'
      + '  c: { type: boolean, oneOf: [true] }\n  d: { type: text, notOneOf: { values: ["1"], caseInsensitive: true } }\n');
    expect(Object.values(ok.fields).map((f) => f.rules.map((r) => r.name))).toEqual([['oneOf'], ['notOneOf'], ['oneOf'], ['notOneOf']]);
  });

  it('compares trimmed where a file says trim, as TypeScript\'s { trim: true } does (enum, oneOf, notOneOf, pattern, notPattern)', async () => {
    const def = yaml('name: x\nfields:\n'
      + '  e: { type: enum, values: [A, B], trim: true, trimmed: { severity: warning } }\n'
      + '  o: { type: text, oneOf: { values: [x], trim: true } }\n'
      + '  n: { type: text, notOneOf: { values: ["0"], trim: true } }\n'
      + '  p: { type: text, pattern: { value: \'^\\d{2}$\', trim: true } }\n'
      + '  q: { type: text, notPattern: { value: \'^0+$\', trim: true } }\n'
      + '  r: { type: text, pattern: \'^\\d{2}$\' }\n');
    const report = await validate(def, [{ e: 'A ', o: ' x', n: '0\t', p: '12\u00a0', q: ' 00', r: '12 ' }], { now: NOW });
    expect(report.rules.filter((r) => r.failed > 0).map((r) => r.id)).toEqual(['e.trimmed', 'n.notOneOf', 'q.notPattern', 'r.pattern']);
    expect(def.fields.p?.rules[0]?.params).toEqual({ pattern: '/^\\d{2}$/', trim: true });
    expect(problem(FIELD('{ type: text, trim: true }')).message).toMatch(/applies to enum fields only, not text/);
  });

  it('carries the dataset options', () => {
    expect(def.key).toBe('id');
    expect(def.missingValues).toEqual(['-']);
    expect(def.weights).toEqual({ correct: 1, sufficient: 1, clean: 1, live: 2 });
    expect(def.failUnder).toBe(0.5);
    expect(def.fields.name?.privacy).toBe('hash');
  });
});
