import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, createValidator, defineDataset, field, profile, readCsv, readJson, reference, rule, suggestDefinition, toJson, validate } from '../src/index.js';
import { vn } from '../rules/vn/index.js';
import type { RuleContext } from '../src/index.js';
import { hashedPeople } from './fixtures/privacy/hashed.js';
import type { Violation } from '../src/index.js';
import { NOW, ruleOf, run } from './_run.js';

// Sentinel personal data: none of it may appear in any output unless showValues is set.
const KEY = 'a-test-key-kept-out-of-any-report';
const ID = '079301123456';
const NAME = 'Sentinelname Vănthị';
const def = defineDataset({
  name: 'people', key: 'id_no',
  fields: {
    id_no: field.text().required().pattern(/^\d{9}$/).unique().pii(),
    full_name: field.text().pattern(/^\p{Lu}/u).trimmed().pii(),
    phone: field.text().pii('hash').pattern(/^0\d{9}$/),
  },
  rules: [
    rule.uniqueBy(['id_no', 'full_name']),
    rule.record('leaky', (r) => {
      if (r.full_name === ` ${NAME}`) throw new Error(`cannot parse ${ID} for ${NAME}`);
      return true;
    }),
  ],
});
const rows = [
  { id_no: ID, full_name: ` ${NAME}`, phone: '0912345678x' },
  { id_no: ID, full_name: ` ${NAME}`, phone: '0912345678x' },
  { id_no: ID, full_name: NAME.toLowerCase(), phone: '0912345678' },
];

describe('personal data is masked by default', () => {
  it('in report JSON, samples, messages, suggestions, keys, error messages and the violation sink', async () => {
    const streamed: Violation[] = [];
    const report = await run(def, rows, { piiKey: KEY, onViolation: (v) => streamed.push(v) });
    const outputs = [toJson(report), JSON.stringify(report.violations), JSON.stringify(streamed)];
    for (const text of outputs) {
      expect(text).not.toContain(ID);
      expect(text).not.toContain('Sentinelname');
      expect(text).not.toContain('sentinelname');
      expect(text).not.toContain('0912345678');
    }
    expect(streamed.length).toBeGreaterThan(5);
    expect(report.violations.find((v) => v.rule === 'id_no.pattern')?.value).toBe('0793******56');
  });

  it('masks identifier-shaped numbers in rule errors even when they come from another row', async () => {
    const other = defineDataset({
      name: 'p', fields: {
        id_no: field.text().pii(),
        note: field.text().check('remembers', (v) => { if (v === 'second') throw new Error(`first row was ${ID}`); return true; }),
      },
    });
    const report = await run(other, [{ id_no: ID, note: 'first' }, { id_no: 'x', note: 'second' }]);
    expect(report.rules.find((r) => r.id === 'note.remembers')?.error).toBe('first row was 0793******56 (row 1)');
  });

  it('hashed fields stay traceable: equal values hash equally', async () => {
    const report = await run(def, rows, { piiKey: KEY });
    const hashes = report.violations.filter((v) => v.rule === 'phone.pattern').map((v) => v.value);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toMatch(/^#[0-9a-f]{16}$/);
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('showValues opts out', async () => {
    const report = await run(def, rows, { showValues: true });
    expect(toJson(report)).toContain(ID);
    expect(report.rules.find((r) => r.id === 'leaky')?.error).toContain(NAME);
  });
});

describe('hashed fields need the caller\'s key, so the same input gives the same report on every run', () => {
  it('validate and createValidator refuse a definition with a hashed field and no piiKey, naming the field', async () => {
    await expect(run(def, rows)).rejects.toThrow(/hashes personal field\(s\) phone .*piiKey/);
    await expect(run(def, rows, { piiKey: '' })).rejects.toThrow(/piiKey/);
    expect(() => createValidator(def, {})).toThrow(/piiKey/);
    // Nothing is hashed when values are shown: no key needed.
    await expect(run(def, rows, { showValues: true })).resolves.toMatchObject({ dataset: 'people' });
  });

  it('two runs with one key are byte-identical; another key gives other hashes, and the key never appears', async () => {
    const a = toJson(await run(def, rows, { piiKey: KEY }));
    expect(toJson(await run(def, rows, { piiKey: KEY }))).toBe(a);
    const b = toJson(await run(def, rows, { piiKey: 'another key' }));
    expect(b).not.toBe(a);
    expect(a).not.toContain(KEY);
  });

  it('worker threads use the caller\'s key (no per-run key), and refuse before starting without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-privacy-'));
    try {
      const path = join(dir, 'people.csv');
      writeFileSync(path, `id,phone\n${Array.from({ length: 400 }, (_, i) => `P${i},09${String(i).padStart(7, '0')}x`).join('\n')}\n`);
      const many = { now: NOW, workers: 2, minBytesPerWorker: 1 };
      await expect(validate(hashedPeople, readCsv(path), many)).rejects.toThrow(/piiKey/);
      const one = toJson(await validate(hashedPeople, readCsv(path), { now: NOW, piiKey: KEY }));
      expect(toJson(await validate(hashedPeople, readCsv(path), { ...many, piiKey: KEY }))).toBe(one);
      expect(one).toMatch(/"value": "#[0-9a-f]{16}"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a cell over several lines in a field that is not personal', () => {
  // A stray quote in `note` reads the rest of its record and the next records into one cell: the values of personal
  // fields it holds were shown in the clear in every output, as the note's own value (a field that is not personal).
  const people = defineDataset({ name: 'p', key: 'k', fields: { k: field.text(), note: field.text().pattern(/^\w+$/),
    id_no: field.text().pii(), full_name: field.text().pii(), address: field.text().pii() } });
  // The stray quote is closed by the next record's quoted address.
  const csv = Buffer.from(`k,note,id_no,full_name,address\n1,ok,001089012345,An,x\n2,"stray,${ID},${NAME},y\n3,ok,${ID},${NAME},"Hà Nội, 1"\n4,ok,1,B,z\n`);

  it('is masked when the dataset has personal fields, in every finding that shows it (showValues shows it)', async () => {
    const report = await validate(people, readCsv([csv]), { now: NOW });
    const text = toJson(report);
    for (const secret of [ID, 'Sentinelname', 'Vănthị']) expect(text).not.toContain(secret);
    expect(report.violations.filter((v) => v.field === 'note').map((v) => v.rule).sort()).toEqual(['note.pattern', 'source.unbalanced_quote']);
    expect(toJson(await validate(people, readCsv([csv]), { now: NOW, showValues: true }))).toContain(ID);
  });

  it('is shown as it is when no field is personal', async () => {
    const open = defineDataset({ name: 'o', key: 'k', fields: { k: field.text(), note: field.text().pattern(/^\w+$/), id_no: field.text(),
      full_name: field.text(), address: field.text() } });
    expect(toJson(await validate(open, readCsv([csv]), { now: NOW }))).toContain(ID);
  });
});

describe('a person\'s value under a field that is not personal (columns shifted or swapped in an export)', () => {
  // Owners' CCCDs under gcn_serial and names under land_use_term were shown in the clear in every output.
  const people = defineDataset({ name: 'p', key: 'k', fields: { k: field.text(), serial: field.text().pattern(/^[A-Z]{2} \d{6}$/),
    term: field.text().oneOf(['LAU_DAI']), tax: field.text().pattern(/^\d{13}$/), area: field.number().max(100),
    owner: field.text().pii(), email: field.text().pii() } });
  const rows = [{ k: '1', serial: ID, term: 'Ngô Đình Huy', tax: '0342953543', area: '123456789012', owner: 'x', email: 'an@example.vn' },
    { k: '2', serial: '001 089 012345', term: 'Nguyễn Văn An', tax: 'an@example.vn', area: '5', owner: 'y', email: 'z' }];

  it('is masked when it is a full name, a CCCD, a BHYT code or an e-mail (showValues shows it)', async () => {
    const report = await run(people, rows);
    const text = toJson(report);
    for (const secret of [ID, 'Ngô Đình Huy', '001 089 012345', 'Nguyễn Văn An', 'an@example.vn']) expect(text).not.toContain(secret);
    expect(toJson(await run(people, rows, { showValues: true }))).toContain('Nguyễn Văn An');
  });

  it('is shown when it may be what the field holds: a tax code of 10 digits, digits in a number field', async () => {
    const shown = (await run(people, rows)).violations.map((v) => [v.field, v.value]);
    expect(shown).toContainEqual(['tax', '0342953543']);
    expect(shown).toContainEqual(['area', '123456789012']);
  });
});

describe('values ddss cannot attribute to a field', () => {
  const people = defineDataset({ name: 'p', fields: { id_no: field.text().pii(), note: field.text() } });
  const ndjson = `{"id_no":"001089012345","note":"ok"}\n"${ID}"\n${ID.slice(0, 11)}\n"${NAME}"\n[1,2]\n`;

  it('NDJSON lines that are a bare string or number are masked when the definition has personal fields', async () => {
    const report = await run(people, readJson([ndjson], { format: 'ndjson' }) as unknown as unknown[]);
    const scalar = report.violations.filter((v) => v.code === 'non_object_element');
    expect(scalar).toHaveLength(4);
    const text = toJson(report);
    for (const secret of [ID, ID.slice(0, 11), 'Sentinelname', 'Vănthị']) expect(text).not.toContain(secret);
    expect(scalar.map((v) => v.value)).toEqual(['0793******56', '0793*****45', 'S*********** V*****', undefined]);
    const shown = await run(people, readJson([ndjson], { format: 'ndjson' }) as unknown as unknown[], { showValues: true });
    expect(toJson(shown)).toContain(ID);
  });

  it('are shown as they are when no field is personal', async () => {
    const open = defineDataset({ name: 'o', fields: { id_no: field.text(), note: field.text() } });
    const report = await run(open, readJson([ndjson], { format: 'ndjson' }) as unknown as unknown[]);
    expect(report.violations.find((v) => v.code === 'non_object_element')?.value).toBe(ID);
  });
});

describe('rule errors never echo personal values', () => {
  const people = (check: (v: unknown, ctx: RuleContext) => boolean) => defineDataset({
    name: 'p', key: 'ref',
    fields: {
      ref: field.text(),
      full_name: field.text().pii().check('shout', (v) => { throw new Error(`bad ${String(v).toUpperCase()}`); }),
      initials: field.text().pii(),
      code: field.text().pii(),
      note: field.text().check('peek', check),
    },
    rules: [rule.record('reads', (r) => { if (r.full_name === 'Nàme Bobby') throw new TypeError(`no ${String(r.code)}`); return true; })],
  });
  const row = { ref: 'R1', full_name: 'Nàme Bobby', initials: 'An', code: '12-34-56', note: 'x' };

  it('a rule on a personal field, or a record rule reading one, withholds its message (showValues shows it)', async () => {
    const report = await run(people(() => true), [row]);
    expect(ruleOf(report, 'full_name.shout').error).toBe('the check threw an Error (message withheld: it may contain personal data; showValues shows it) (row 0)');
    expect(ruleOf(report, 'reads').error).toMatch(/^the check threw a TypeError \(message withheld/);
    const shown = await run(people(() => true), [row], { showValues: true });
    expect(ruleOf(shown, 'full_name.shout').error).toBe('bad NÀME BOBBY (row 0)');
  });

  it.each<[string, (ctx: RuleContext) => string, string]>([
    ['upper case', (ctx) => `bad ${String(ctx.record.full_name).toUpperCase()}`, 'bad N*** B****'],
    ['other whitespace', () => 'bad nàme\n  bobby!', 'bad n***\n  b****!'],
    ['decomposed (NFD) text', (ctx) => `bad ${String(ctx.record.full_name).normalize('NFD')}`, 'bad N*** B****'],
    ['the digits of an id', () => 'bad code 123456', 'bad code 1*****'],
    ['a two-letter value, as a word only', () => 'An, Anna and an', '**, Anna and **'],
  ])('a rule on another field quoting one is redacted: %s', async (_name, message, expected) => {
    const report = await run(people((_v, ctx) => { throw new Error(message(ctx)); }), [row]);
    expect(ruleOf(report, 'note.peek').error).toBe(`${expected} (row 0)`);
  });

  it('a one-digit personal value is redacted as a word', async () => {
    const report = await run(people(() => { throw new Error('code 7 of 17'); }), [{ ...row, code: '7' }]);
    expect(ruleOf(report, 'note.peek').error).toBe('code * of 17 (row 0)');
  });
});

describe('rule parameters of personal fields', () => {
  const listed = defineDataset({
    name: 'l',
    fields: {
      id_no: field.text().pii().notOneOf([ID, '001089012345']).oneOf([ID, '001089012346']).pattern(/^(?!079301123456$)\d{12}$/),
      kind: field.text().oneOf(['a', 'b']),
    },
  });

  it('lists and patterns of a personal field are masked in the report\'s params and messages', async () => {
    const report = await run(listed, [{ id_no: ID, kind: 'c' }]);
    const text = toJson(report) + JSON.stringify(report.violations);
    for (const secret of [ID, '001089012345', '001089012346', '079301123456']) expect(text).not.toContain(secret);
    expect(ruleOf(report, 'id_no.notOneOf').params).toEqual({ forbidden: '0************ 0***********' });
    expect(ruleOf(report, 'kind.oneOf').params).toEqual({ allowed: 'a, b' });
    const shown = await run(listed, [{ id_no: ID, kind: 'c' }], { showValues: true });
    expect(ruleOf(shown, 'id_no.notOneOf').params).toEqual({ forbidden: `${ID}, 001089012345` });
  });
});


describe('params of findings of rules reading personal data', () => {
  // A check's finding may quote the value it judged in its params, in any form: its message must not show it.
  const quoting = defineDataset({
    name: 'q', key: 'ref',
    fields: {
      ref: field.text(),
      full_name: field.text().pii().check('shout', (v) => ({ code: 'bad_name', params: { got: v.toUpperCase(), n: v.length } }),
        { message: { en: 'name {got} is bad ({n})', vi: 'tên {got} sai ({n})' } }),
      id_no: field.text().pii().check('tail', (v) => ({ code: 'bad_id', params: { tail: v.slice(3), parts: [v, 'x'] } }),
        { message: '{field}: id tail {tail}, parts {parts}' }),
      birth_year: field.integer().pii(),
      note: field.text().check('peek', (_v, ctx) => ({ code: 'peeked', params: { who: { en: String(ctx.record.full_name), vi: '-' } } }),
        { message: 'note of {who}' }),
    },
    rules: [
      rule.record('rec', (r) => ({ code: 'rec_bad', params: { who: String(r.full_name).normalize('NFD'), year: r.birth_year } }),
        { message: 'record of {who}, born {year}' }),
    ],
  });
  const person = { ref: 'R1', full_name: NAME, id_no: ID, birth_year: '1961', note: 'n' };

  it('are redacted of the row\'s personal values in messages, the sink and every output (showValues shows them)', async () => {
    const streamed: Violation[] = [];
    const report = await run(quoting, [person], { onViolation: (v) => streamed.push(v) });
    const text = [toJson(report), JSON.stringify(streamed)].join('\n');
    for (const secret of [NAME, NAME.toUpperCase(), 'Sentinelname', 'SENTINELNAME', ID, ID.slice(3), '1961']) expect(text).not.toContain(secret);
    const message = (id: string) => ruleOf(report, id).samples[0]?.message;
    expect(message('full_name.shout')).toBe('name S*********** V***** is bad (19)');
    expect(message('id_no.tail')).toBe('id_no: id tail 30******6, parts 0793******56, x');
    expect(message('note.peek')).toBe('note of S*********** V*****');
    expect(message('rec')).toBe('record of S*********** V*****, born 1***');
    const shown = await run(quoting, [person], { showValues: true });
    expect(ruleOf(shown, 'full_name.shout').samples[0]?.message).toBe(`name ${NAME.toUpperCase()} is bad (19)`);
  });

  it('quote anything that is not a personal value as it is', async () => {
    const open = defineDataset({
      name: 'o', fields: { id_no: field.text().pii(), code: field.text().check('c', (v) => ({ code: 'bad', params: { got: v } }), { message: 'got {got}' }) },
    });
    const report = await run(open, [{ id_no: ID, code: 'ABC 123' }]);
    expect(ruleOf(report, 'code.c').samples[0]?.message).toBe('got ABC 123');
  });
});

describe('a file without a header line: its first record is read as the header', () => {
  const people = defineDataset({
    name: 'people', key: 'ref',
    fields: { ref: field.text(), full_name: field.text().pii(), id_no: field.text().pii(), birth_year: field.integer().pii(), gender: field.text() },
    rules: [vn.verifyPerson({ id: 'id_no', name: 'full_name', birthYear: 'birth_year', gender: 'gender' }, { register: 'population' })],
  });
  const first = ['R1', NAME, ID, '1961', 'Nam'];
  const dir = mkdtempSync(join(tmpdir(), 'ddss-privacy-header-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const records = `${first.join(',')}\nR2,Trần Thị Bình,001089012345,1989,Nữ\n`;
  const secrets = [NAME, 'Sentinelname', ID, '1961'];

  it('its cells are masked wherever validate quotes the header (showValues shows them)', async () => {
    const streamed: Violation[] = [];
    const report = await validate(people, readCsv(file('people.csv', records)), { now: NOW, onViolation: (v) => streamed.push(v) });
    const text = [toJson(report), JSON.stringify(streamed)].join('\n');
    expect(streamed.some((v) => v.code === 'unexpected_column')).toBe(true);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(streamed.find((v) => v.code === 'unexpected_column' && v.value?.startsWith('0793'))?.message)
      .toBe('column 3 "0793******56" is not declared in the dataset definition');
    const shown = await validate(people, readCsv(file('people-shown.csv', records)), { now: NOW, showValues: true });
    expect(toJson(shown)).toContain(ID);
  });

  it('whatever the definition declares: it names no column of such a file', async () => {
    const open = defineDataset({ name: 'open', fields: { ref: field.text(), note: field.text() } });
    const report = await validate(open, readCsv(file('open.csv', records)), { now: NOW });
    expect(report.violations.some((v) => v.code === 'unexpected_column')).toBe(true);
    for (const secret of secrets) expect(toJson(report)).not.toContain(secret);
  });

  it('profile names its columns by position, and says why (showValues shows the cells)', async () => {
    const path = file('profiled.csv', records);
    const p = await profile(readCsv(path));
    expect(p.headerReadAsRecord).toBe(true);
    expect(p.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3', 'column_4', 'column_5']);
    // Nor is there a name to judge the columns by: those not recognised as codes are masked (a birth year here).
    for (const secret of [...secrets, '1989', 'Trần Thị Bình', '001089012345']) expect(JSON.stringify(p) + suggestDefinition(p)).not.toContain(secret);
    expect(suggestDefinition(p)).toContain('# Warning: the first line reads as a record, not a header');
    expect((await profile(readCsv(path), { showValues: true })).columns.map((c) => c.name)).toEqual(first);
  });

  it('a header of names is quoted as it is', async () => {
    const report = await validate(people, readCsv(file('named.csv', `ref,Full Name,id_no,birth_year,gender\n${records}`)), { now: NOW });
    expect(report.violations.find((v) => v.code === 'missing_column')?.suggestion).toBe('Full Name');
  });

  it('and in the one cell of a file separated by another delimiter', async () => {
    const report = await validate(people, readCsv(file('semi.csv', records.replaceAll(',', ';'))), { now: NOW });
    const split = report.violations.find((v) => v.code === 'delimiter_mismatch');
    expect(split?.suggestion).toBe(';');
    for (const secret of secrets) expect(toJson(report)).not.toContain(secret);
  });

  it('a register without a header line is not quoted in the rules\' error', async () => {
    const population = reference('population', readCsv(file('population.csv', `${ID},${NAME},23/03/1961,Nam\n`)),
      { key: 'id', columns: ['full_name', 'birth_date', 'gender'] });
    const report = await validate(people, [{ ref: 'R1', full_name: NAME, id_no: ID, birth_year: '1961', gender: 'Nam' }],
      { now: NOW, references: { population } });
    const error = ruleOf(report, 'verifyPerson').error ?? '';
    expect(error).toContain('its first line reads as a record, not a header: 0793******56, S*********** V*****, **/**/****, ***');
    for (const secret of secrets) expect(toJson(report)).not.toContain(secret);
  });

  it('compare names the header of a side without one masked (showValues shows it)', async () => {
    const source = file('source.csv', `ref,full_name\nR1,${NAME}\n`);
    const copy = file('copy.csv', `R1,${NAME},${ID}\n`);
    await expect(compare(readCsv(source), readCsv(copy), { key: ['ref'] }))
      .rejects.toThrow('key column "ref" is not in the copy (its first line reads as a record, not a header: **, S*********** V*****, 0793******56)');
    await expect(compare(readCsv(source), readCsv(copy), { key: ['ref'], showValues: true })).rejects.toThrow(`its columns: R1, ${NAME}, ${ID}`);
  });
});
