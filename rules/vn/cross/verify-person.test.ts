import { describe, expect, it } from 'vitest';
import { defineDataset, field, reference, validate, type Reference } from '../../../src/index.js';
import { NOW, ruleOf } from '../../../test/_run.js';
import { verifyPerson, type VerifyPersonOptions } from './verify-person.js';
import { PERSON_MESSAGES } from './_person-messages.js';

const A = '001089012345';
const B = '079301123456';
const C = '001190000001';
const D = '001190000002';
const E = '001190000003';
const F = '001190000004';
const G = '001190000005';
const H = '001190000006';
/** The register; NOW is 2026-11-22. */
const population = [
  { id: A, full_name: 'Nguyễn Văn An', birth_date: '15/03/1989', gender: 'Nam', death_date: '' },
  { id: B, full_name: 'Lê Thị Hòa', birth_date: '1991', gender: 'Nữ', death_date: '' },
  { id: C, full_name: 'Đỗ Văn Hùng', birth_date: '01/01/1990', gender: 'Nam', death_date: '10/05/2026' },
  { id: D, full_name: 'Trần Thủy', birth_date: '02/02/1990', gender: 'Nữ', death_date: '22/11/2026' },
  { id: E, full_name: 'Phạm An', birth_date: '03/03/1990', gender: 'Nam', death_date: '23/11/2026' },
  { id: F, full_name: 'Vũ Bình', birth_date: '31/02/1990', gender: 'Nam', death_date: 'không rõ' },
  { id: G, full_name: '', birth_date: '', gender: '', death_date: '' },
  { id: H, full_name: 'Hồ Văn Nam', birth_date: '00/00/1985', gender: 'nam', death_date: '' },
];
const register = (rows: readonly object[] = population, name = 'population'): Reference => reference(name, rows,
  { key: 'id', columns: ['full_name', 'birth_date', 'gender'], optionalColumns: ['death_date'] });

const owners = defineDataset({
  name: 'owners',
  fields: {
    owner_id: field.text().pii(), owner_name: field.text().pii(), owner_birth_year: field.integer().pii(), owner_gender: field.text(),
  },
  rules: [verifyPerson({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' }, { register: 'population' })],
});
const row = (owner_id: string, owner_name: string, owner_birth_year: string, owner_gender: string) =>
  ({ owner_id, owner_name, owner_birth_year, owner_gender });
const rows = [
  row(A, 'NGUYỄN  VĂN AN', '1989', 'Nam'), // 0: as written, up to case and spacing
  row('001089099999', 'Nguyễn Văn An', '1989', 'Nam'), // 1: not in the register
  row('012345678', 'Nguyễn Văn An', '1989', 'Nam'), // 2: a 9-digit CMND: not checked
  row('', 'Nguyễn Văn An', '1989', 'Nam'), // 3: no ID: not checked
  row(B, 'Lê Thị Hoà', '1991', 'Nữ'), // 4: tone placement only
  row(A, 'Nguyen Van An', '1990', 'Nữ'), // 5: no diacritics, birth year and gender differ: three findings
  row(A, 'Nguyễn Văn Anh', '1989', 'Nam'), // 6: another name
  row(C, 'Đỗ Văn Hùng', '1990', 'Nam'), // 7: died before the run's day
  row(D, 'Trần Thuỷ', '1990', 'Nữ'), // 8: tone placement, and died on the run's day
  row(E, 'Phạm An', '1990', 'Nam'), // 9: a death date after the run's day is no death yet
  row(F, 'Vũ Bình', '1991', 'Nam'), // 10: the register's birth and death dates cannot be read: register_date_unread
  row(G, 'Ai Đó', '1990', 'Nam'), // 11: the register's cells are empty: only the death is checked (none)
  row(' 001 089 012345 ', 'Nguyễn Văn An', '1989', 'Nam'), // 12: the ID's canonical form is looked up
  row(A, '', '1989', 'Khác'), // 13: no name, an unknown gender: only the birth year is compared
  row(H, 'Hồ Văn Nam', '1986', 'Nam'), // 14: the register knows the year only (00/00/1985)
];

const IDS = ['verifyPerson', 'verifyPerson.name', 'verifyPerson.nameForm', 'verifyPerson.birth', 'verifyPerson.gender', 'verifyPerson.deceased'];

async function outcome(options: { references?: Record<string, Reference>; showValues?: boolean } = {}) {
  const report = await validate(owners, rows, { now: NOW, ...options });
  return { report, rule: (id: string) => ruleOf(report, id) };
}

describe('vn.verifyPerson', () => {
  it('returns six rules, one per criterion and severity of its codes', () => {
    const rules = verifyPerson({ id: 'i', name: 'n', birthYear: 'y', gender: 'g' }, { register: 'population' });
    expect(rules.map((r) => [r.name, r.criterion, r.severity])).toEqual([
      ['verifyPerson', 'correct', 'error'], ['verifyPerson.name', 'correct', 'error'], ['verifyPerson.nameForm', 'clean', 'warning'],
      ['verifyPerson.birth', 'correct', 'error'], ['verifyPerson.gender', 'correct', 'error'], ['verifyPerson.deceased', 'live', 'warning'],
    ]);
  });

  it.each([
    // id, checked, failed rows, codes by failed row (hand-computed from the table above)
    ['verifyPerson', 13, { 1: ['not_in_register'] }],
    ['verifyPerson.name', 10, { 6: ['name_mismatch'] }],
    ['verifyPerson.nameForm', 10, { 4: ['name_form_differs'], 5: ['name_diacritics_differ'], 8: ['name_form_differs'] }],
    ['verifyPerson.birth', 11, { 5: ['birth_year_mismatch'], 10: ['register_date_unread'], 14: ['birth_year_mismatch'] }],
    ['verifyPerson.gender', 10, { 5: ['gender_mismatch'] }],
    ['verifyPerson.deceased', 12, { 7: ['deceased_in_register'], 8: ['deceased_in_register'], 10: ['register_date_unread'] }],
  ] as const)('%s checks %i rows and reports exactly %j', async (id, checked, expected) => {
    const r = (await outcome({ references: { population: register() } })).rule(id);
    expect(r.checked).toBe(checked);
    const found: Record<number, string[]> = {};
    for (const s of r.samples) (found[s.row as number] ??= []).push(s.code);
    expect(found).toEqual(expected);
    expect(r.failed).toBe(Object.keys(expected).length);
    expect(r.status).toBe('failed');
  });

  it('suggests the register\'s values, masked like the field (shown with showValues)', async () => {
    const at = async (showValues: boolean) => {
      const { rule } = await outcome({ references: { population: register() }, showValues });
      const s = (id: string, row: number) => rule(id).samples.find((x) => x.row === row);
      return [s('verifyPerson.name', 6)?.suggestion, s('verifyPerson.nameForm', 4)?.suggestion, s('verifyPerson.birth', 5)?.suggestion,
        s('verifyPerson.gender', 5)?.suggestion, s('verifyPerson.deceased', 7)?.suggestion, s('verifyPerson.birth', 14)?.suggestion];
    };
    expect(await at(true)).toEqual(['Nguyễn Văn An', 'Lê Thị Hòa', '1989', 'Nam', '10/05/2026', '1985']);
    // owner_name, owner_birth_year and owner_id are personal; the gender column is not.
    expect(await at(false)).toEqual(['N***** V** A*', 'L* T** H**', '1***', 'Nam', '**/**/****', '1***']);
    const { report } = await outcome({ references: { population: register() } });
    const text = JSON.stringify(report);
    for (const secret of ['Nguyễn Văn An', 'Lê Thị Hòa', '10/05/2026', A]) expect(text).not.toContain(secret);
  });

  it('compares a date of birth with the register\'s date, or its year when the register gives only the year', async () => {
    const def = defineDataset({
      name: 'p', fields: { id_no: field.text(), full_name: field.text(), dob: field.date('dd/MM/yyyy'), gender: field.text() },
      rules: [verifyPerson({ id: 'id_no', name: 'full_name', birthDate: 'dob', gender: 'gender' }, { register: 'population' })],
    });
    const people = [
      { id_no: A, full_name: 'Nguyễn Văn An', dob: '15/03/1989', gender: 'Nam' },
      { id_no: A, full_name: 'Nguyễn Văn An', dob: '16/03/1989', gender: 'Nam' },
      { id_no: B, full_name: 'Lê Thị Hòa', dob: '01/07/1991', gender: 'Nữ' },
      { id_no: B, full_name: 'Lê Thị Hòa', dob: '01/01/1992', gender: 'Nữ' },
    ];
    const r = ruleOf(await validate(def, people, { now: NOW, references: { population: register() } }), 'verifyPerson.birth');
    expect(r.samples.map((s) => [s.row, s.code, s.suggestion])).toEqual([[1, 'birth_date_mismatch', '15/03/1989'], [3, 'birth_year_mismatch', '1991']]);
    expect(r.checked).toBe(4);
  });

  it('is skipped, never passed, when the run gives no register', async () => {
    const { report, rule } = await outcome();
    for (const id of IDS) expect(rule(id)).toMatchObject({ status: 'skipped', checked: 0, failed: 0, passRate: null, error: null });
    expect(report.status).not.toBe('error');
  });

  it.each([
    ['holds an ID twice', () => register([...population, { ...population[0], full_name: 'Khác' }]), /holds 1 record\(s\) whose id repeats an earlier record's \(the first at row 8 of the register\)/],
    ['lacks a column', () => reference('population', population, { key: 'id' }), /keeps no column 'full_name', 'birth_date', 'gender'/],
    ['is keyed otherwise', () => reference('population', population, { key: 'full_name', columns: ['full_name', 'birth_date', 'gender'] }), /keyed on full_name, not on id/],
    ['is empty', () => register([]), /empty/],
  ])('errors on every rule when the register %s', async (_what, make, message) => {
    const { report, rule } = await outcome({ references: { population: make() } });
    for (const id of IDS) {
      expect(rule(id).status).toBe('error');
      expect(rule(id).error).toMatch(message);
    }
    expect(report.status).toBe('error');
  });

  it('reads another export through registerColumns and registerGenders, and a register the definition carries', async () => {
    const other = population.map((p) => ({
      so_dinh_danh: p.id, ho_ten: p.full_name, ngay_sinh: p.birth_date, gioi_tinh: p.gender === 'Nam' ? '1' : p.gender === 'Nữ' ? '2' : '', ngay_mat: p.death_date,
    }));
    const options: VerifyPersonOptions = {
      register: 'dan_cu', source: other,
      registerColumns: { id: 'so_dinh_danh', full_name: 'ho_ten', birth_date: 'ngay_sinh', gender: 'gioi_tinh', death_date: 'ngay_mat' },
      registerGenders: { male: ['1'], female: ['2'] },
    };
    const def = defineDataset({ ...owners, name: 'o2', rules: [verifyPerson({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' }, options)] });
    const report = await validate(def, rows, { now: NOW });
    const failedRows = (id: string) => ruleOf(report, id).samples.map((s) => s.row);
    expect(failedRows('verifyPerson')).toEqual([1]);
    expect(failedRows('verifyPerson.gender')).toEqual([5]); // row 14's "nam" is not a value of this register: not compared
    expect(ruleOf(report, 'verifyPerson.gender').checked).toBe(9);
    expect(failedRows('verifyPerson.deceased')).toEqual([7, 8, 10]); // 10: its death date is "không rõ"
  });

  it('a register gender its registerGenders do not list is a finding naming it, not a check skipped without a word', async () => {
    // A register written M/F read with the default Nam/Nữ: verifyPerson.gender was "skipped" for every person.
    const mf = population.map((p) => ({ ...p, gender: p.gender === 'Nam' ? 'M' : p.gender === 'Nữ' ? 'F' : p.gender }));
    const report = await validate(owners, rows, { now: NOW, references: { population: register(mf) } });
    const rule = ruleOf(report, 'verifyPerson.gender');
    expect(rule.status).toBe('failed');
    expect(rule.samples[0]).toMatchObject({ code: 'register_gender_unread' });
    expect(rule.samples[0]?.message).toContain('writes this person\'s gender as "M"');
  });

  it('a register date it cannot read is a finding, not a check skipped: a death written 20200101 was no death at all', async () => {
    // The register's own format differs from dd/MM/yyyy (yyyymmdd, as insurance XML writes dates): verifyPerson.birth
    // was skipped for every person, and verifyPerson.deceased passed with the dead person left out of `checked`.
    const ymd = (t: string) => t.replace(/^(?!00\/00)(\d{2})\/(\d{2})\/(\d{4})$/, '$3$2$1');
    const other = population.map((p) => ({ ...p, birth_date: ymd(p.birth_date), death_date: ymd(p.death_date) }));
    const report = await validate(owners, rows, { now: NOW, references: { population: register(other) } });
    const birth = ruleOf(report, 'verifyPerson.birth');
    const deceased = ruleOf(report, 'verifyPerson.deceased');
    // Rows 0, 5, 6, 7, 8, 9, 12, 13 hold 8-digit dates; 4 (a year), 14 (00/00/1985) and 10 (31/02) are as before.
    expect(birth.samples.filter((s) => s.code === 'register_date_unread').map((s) => s.row)).toEqual([0, 5, 6, 7, 8, 9, 10, 12, 13]);
    expect(birth.checked).toBe(11);
    expect(deceased.samples.map((s) => [s.row, s.code])).toEqual([[7, 'register_date_unread'], [8, 'register_date_unread'],
      [9, 'register_date_unread'], [10, 'register_date_unread']]);
    expect(deceased.status).toBe('failed');
    expect(birth.samples[0]?.message).toContain("the register population writes this person's birth_date in a form that cannot be read");
    expect(JSON.stringify(report)).not.toContain('19890315');
  });

  it('reads the register\'s placeholders (NULL, N/A, -, 00/00/0000) as empty cells: nothing to compare, no finding', async () => {
    // A register export writing NULL where it holds no name said the record's name "is not the name the register
    // holds", a NULL birth date or N/A gender could not be read, and a "-" death date read as a death.
    const held = [
      { id: A, full_name: 'Nguyễn Văn An', birth_date: 'NULL', gender: 'N/A', death_date: 'NULL' },
      { id: B, full_name: 'NULL', birth_date: '00/00/0000', gender: '-', death_date: '-' },
      { id: C, full_name: 'N/A', birth_date: '1990', gender: 'Nam', death_date: '00/00/0000' },
    ];
    const people = [row(A, 'Nguyễn Văn An', '1989', 'Nam'), row(B, 'Lê Văn Cường', '1989', 'Nam'), row(C, 'Đỗ Văn Hùng', '1991', 'Nam')];
    const report = await validate(owners, people, { now: NOW, references: { population: register(held) } });
    expect(report.rules.filter((r) => r.id.startsWith('verifyPerson')).map((r) => [r.id, r.checked, r.samples.map((x) => [x.row, x.code])])).toEqual([
      ['verifyPerson', 3, []], ['verifyPerson.name', 1, []], ['verifyPerson.nameForm', 1, []],
      ['verifyPerson.birth', 1, [[2, 'birth_year_mismatch']]], ['verifyPerson.gender', 1, []], ['verifyPerson.deceased', 3, []],
    ]);
  });

  it('an ID that is no 12-digit personal ID (nor a 9-digit CMND) is not in the register: checked and failed, never skipped', async () => {
    // IDs whose leading zeros a spreadsheet dropped left every rule "skipped" and the run passed, though every row had one.
    const people = [row('1089012345', 'Nguyễn Văn An', '1989', 'Nam'), row('1.08901E+11', 'Nguyễn Văn An', '1989', 'Nam'),
      row(`'${A}`, 'Nguyễn Văn An', '1989', 'Nam'), row('012345678', 'Nguyễn Văn An', '1989', 'Nam'), row('', 'Nguyễn Văn An', '1989', 'Nam')];
    const report = await validate(owners, people, { now: NOW, references: { population: register() } });
    expect(ruleOf(report, 'verifyPerson')).toMatchObject({ status: 'failed', checked: 3, failed: 3 });
    expect(ruleOf(report, 'verifyPerson').samples.map((x) => [x.row, x.code])).toEqual([[0, 'not_in_register'], [1, 'not_in_register'], [2, 'not_in_register']]);
    expect(report.status).toBe('failed');
  });

  it('takes a rule id as the prefix of the six ids, and a when for every one', async () => {
    const def = defineDataset({
      ...owners, name: 'o3',
      rules: [verifyPerson({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' },
        { register: 'population', id: 'owner', when: (r) => r.owner_gender === 'Nam' })],
    });
    const report = await validate(def, rows, { now: NOW, references: { population: register() } });
    expect(report.rules.filter((r) => r.id.startsWith('owner') && !r.id.endsWith('.type')).map((r) => r.id)).toEqual(
      ['owner', 'owner.name', 'owner.nameForm', 'owner.birth', 'owner.gender', 'owner.deceased']);
    expect(ruleOf(report, 'owner').checked).toBe(9); // of the 13, rows 4, 5, 8 and 13 are not Nam
  });

  it('refuses a call without a register or without exactly one birth column', () => {
    expect(() => verifyPerson({ id: 'i', name: 'n', gender: 'g' }, { register: 'population' })).toThrow(/exactly one/);
    expect(() => verifyPerson({ id: 'i', name: 'n', gender: 'g', birthYear: 'y', birthDate: 'd' }, { register: 'population' })).toThrow(/exactly one/);
    expect(() => verifyPerson({ id: 'i', name: 'n', gender: 'g', birthYear: 'y' }, { register: '' })).toThrow(/register/);
  });

  it('refuses genders or registerGenders with a value in both lists, or an empty list: the list order decided the verdict', () => {
    const person = { id: 'i', name: 'n', gender: 'g', birthYear: 'y' };
    expect(() => verifyPerson(person, { register: 'population', genders: { male: ['1'], female: [1] } }))
      .toThrow('ddss: verifyPerson: genders: "1" is in both the male and the female list');
    expect(() => verifyPerson(person, { register: 'population', registerGenders: { male: ['Nam'], female: [] } }))
      .toThrow('ddss: verifyPerson: registerGenders: the female list is empty');
  });

  it('has an English and a Vietnamese message for every code', () => {
    expect(Object.keys(PERSON_MESSAGES).sort()).toEqual(['birth_date_mismatch', 'birth_year_mismatch', 'deceased_in_register', 'gender_mismatch',
      'name_diacritics_differ', 'name_form_differs', 'name_mismatch', 'not_in_register', 'register_date_unread', 'register_gender_unread']);
    for (const m of Object.values(PERSON_MESSAGES)) expect(m.en).not.toBe(m.vi);
  });

  it('keeps options a definition changed on a built rule (an override) once the register is bound', async () => {
    const [first, ...rest] = verifyPerson({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' }, { register: 'population' });
    const def = defineDataset({ ...owners, name: 'o4', rules: [{ ...first!, severity: 'warning', threshold: 0.5 }, ...rest] });
    const r = ruleOf(await validate(def, rows, { now: NOW, references: { population: register() } }), 'verifyPerson');
    expect([r.severity, r.threshold, r.failed, r.status]).toEqual(['warning', 0.5, 1, 'passed']);
  });
});
