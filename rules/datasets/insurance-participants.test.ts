import { describe, expect, it } from 'vitest';
import { insuranceParticipants, insuranceParticipantsWith } from './insurance-participants.js';
import { findings } from './_findings.js';
import { validate } from '../../src/core/validate.js';

const NOW = new Date('2026-11-22T00:00:00Z');

/** Participants that satisfy DOMAIN-VN: an employee, a retiree, a child under six. */
const employee = {
  bhxh_no: '0123456789', full_name: 'Nguyễn Văn An', dob: '15/06/1989', gender: 'Nam', id_no: '001089012345',
  phone: '0912345678', province_code: '01', commune_code: '00004', bhyt_card_no: 'DN4010123456789',
  card_valid_from: '01/01/2026', card_valid_to: '31/12/2026', kcb_registered: '01001', employer_tax_code: '0100109106',
  contribution_salary: '12500000', contribution_month: '10/2026', status: 'active', updated_at: '2026-11-20T09:00:00+07:00',
};
const retiree = {
  bhxh_no: '7901234567', full_name: 'Trần Thị Bình', dob: '02/01/1955', gender: 'Nữ', id_no: '079155123456',
  phone: '', province_code: '79', commune_code: '26734', bhyt_card_no: 'HT3797901234567',
  card_valid_from: '01/01/2026', card_valid_to: '31/12/2026', kcb_registered: '', employer_tax_code: '',
  contribution_salary: '', contribution_month: '', status: 'active', updated_at: '2026-03-01T00:00:00Z',
};
const child = {
  bhxh_no: '4812345678', full_name: 'Lê Minh Khôi', dob: '10/03/2022', gender: 'Nam', id_no: '048222001122',
  phone: '+84 912 000 111', province_code: '48', commune_code: '20194', bhyt_card_no: 'TE1484812345678',
  card_valid_from: '10/03/2022', card_valid_to: '30/09/2028', kcb_registered: '48001', employer_tax_code: '',
  contribution_salary: '', contribution_month: '', status: 'active', updated_at: '2026-11-21T16:30:00+07:00',
};
const valid = [employee, retiree, child];

// Regression: a value ending in a zero-width space (or led by a joiner, ended by a word joiner, U+0085 or a control)
// was `trimmed`'s finding and also a wrong identifier or code: the identifier rules trimmed with JavaScript's trim,
// which keeps them. One clean finding, the value judged without them.
const INVISIBLE = (value: string): string[] => [`${value}\u200b`, `\u200d${value}`, `${value}\u2060`, `${value}\u0085`, `\u0001${value}`];

async function brokenRow(patch: Readonly<Record<string, string>>, base: Readonly<Record<string, string>> = employee) {
  const rows = valid.map((r) => (r === base ? { ...r, ...patch } : r));
  return (await findings(insuranceParticipants, rows, NOW)).all;
}

describe('insurance-participants', () => {
  // A copy of the definition (its module added by spreading) was compiled again by every validator and worker thread.
  it('is the definition as defined (frozen, compiled once), named with its module; a variant with options has none', () => {
    expect(Object.isFrozen(insuranceParticipants)).toBe(true);
    expect(insuranceParticipants.module).toMatch(/insurance-participants\.(ts|js)$/);
    expect(insuranceParticipantsWith().module).toBe(insuranceParticipants.module);
    expect(insuranceParticipantsWith({ communes: { version: '2025', validFrom: '2025-07-01', source: 'test', entries: [{ code: '00004', name: 'Xã Phúc Xá', province: '01' }] } }).module).toBeUndefined();
  });

  it('gives valid participants no finding at all, and full scores', async () => {
    const { all, report } = await findings(insuranceParticipants, valid, NOW);
    expect(all).toEqual([]);
    expect(report.status).toBe('passed');
    expect(report.score).toBe(1);
  });

  // Regression: an identifier or code with a space, tab, NBSP or BOM around it passed with no finding (bhxh_no,
  // bhyt_card_no, employer_tax_code, id_no…) or failed as a wrong value (kcb_registered "38239 " was pattern_mismatch,
  // a spaced status not_in_set): it is a right value in a non-standard form, one clean finding (DOMAIN-VN §6).
  it.each([
    ['bhxh_no', '0123456789'], ['gender', 'Nam'], ['id_no', '001089012345'], ['phone', '0912345678'],
    ['province_code', '01'], ['commune_code', '00004'], ['bhyt_card_no', 'DN4010123456789'], ['kcb_registered', '01001'],
    ['employer_tax_code', '0100109106'], ['status', 'active'],
  ])('reports whitespace around %s %j as one clean finding', async (column, value) => {
    for (const spaced of [`${value} `, `${value}\u00a0`, `\ufeff${value}`, `${value}\t`, ` ${value}\r\n`, ...INVISIBLE(value)]) {
      expect(await brokenRow({ [column]: spaced }), JSON.stringify(spaced)).toEqual([`0:${column}.trimmed:surrounding_whitespace`]);
    }
  });

  // Regression: a decomposed (NFD) "Nữ" was gender.oneOf's not_in_set, a correctness error; it is the right value in
  // another Unicode form, one clean finding (DOMAIN-VN §6), and the ID's gender is still compared with it.
  it('reports a decomposed gender as not NFC only', async () => {
    expect(await brokenRow({ gender: 'Nữ'.normalize('NFD') }, retiree)).toEqual(['1:gender.nfc:not_nfc']);
    expect(await brokenRow({ gender: 'Nữ'.normalize('NFD') })).toEqual(['0:gender.nfc:not_nfc', '0:idGender:id_gender_mismatch']);
  });

  // Regression: an Excel serial in a card date was only "not a valid date" (invalid_type) while dob's was named, with
  // the date suggested (DOMAIN-VN §6: Excel serial numbers in a date column → flag); every date column has it now.
  it.each([
    ['card_valid_from', '46023', '01/01/2026'], ['card_valid_to', '46387', '31/12/2026'],
    ['contribution_month', '46296', '10/2026'], ['updated_at', '46346.375', '2026-11-20 09:00'],
  ])('names an Excel serial in %s (%s) and suggests %s', async (column, serial, suggestion) => {
    const { all, violations } = await findings(insuranceParticipants, [{ ...employee, [column]: serial }], NOW);
    expect(all).toEqual([`0:${column}.excelSerial:excel_serial_date`, `0:${column}.type:invalid_type`]);
    expect(violations.find((v) => v.code === 'excel_serial_date')?.suggestion).toBe(suggestion);
  });

  it('declares every column of DOMAIN-VN §7 with titles in both languages', () => {
    expect(Object.keys(insuranceParticipants.fields)).toEqual([
      'bhxh_no', 'full_name', 'dob', 'gender', 'id_no', 'phone', 'province_code', 'commune_code', 'bhyt_card_no',
      'card_valid_from', 'card_valid_to', 'kcb_registered', 'employer_tax_code', 'contribution_salary',
      'contribution_month', 'status', 'updated_at',
    ]);
    const optional = ['phone', 'kcb_registered', 'employer_tax_code', 'contribution_salary', 'contribution_month'];
    for (const [name, spec] of Object.entries(insuranceParticipants.fields)) {
      expect(spec.requiredRule === undefined, name).toBe(optional.includes(name));
      expect(spec.title, name).toEqual({ en: expect.any(String), vi: expect.any(String) });
    }
    const personal = Object.entries(insuranceParticipants.fields).filter(([, s]) => s.privacy !== false).map(([n]) => n);
    expect(personal).toEqual(['bhxh_no', 'full_name', 'dob', 'id_no', 'phone', 'bhyt_card_no']);
  });

  it.each<[string, Record<string, string>, readonly string[], Record<string, string>?]>([
    // sufficient
    ['a blank name', { full_name: '' }, ['full_name.required:missing_value']],
    ['a placeholder date of birth', { dob: '01/01/1900' }, ['dob.required:missing_value']],
    ['a placeholder card end', { card_valid_to: '00/00/0000' }, ['card_valid_to.required:missing_value']],
    ['a missing status', { status: 'NULL' }, ['status.required:missing_value']],
    // correct
    ['a 9-digit BHXH number', { bhxh_no: '123456789', bhyt_card_no: 'DN4010123456789' },
      // The stored number really differs from the card's: both the lost zero and the mismatch are reported.
      ['bhxh_no.bhxh:leading_zero_lost', 'bhytMatchesBhxh:bhyt_bhxh_mismatch']],
    ['a BHXH number from no issuing agency', { bhxh_no: '0323456789', bhyt_card_no: 'DN4010323456789' },
      ['bhxh_no.bhxhProvince:unknown_province_code']],
    ['a personal ID one digit short', { id_no: '01089012345' }, ['id_no.cccd:leading_zero_lost']],
    ['a 9-digit CMND as personal ID', { id_no: '012345678' }, ['id_no.cccd:bad_length']],
    ['a date of birth the ID contradicts', { dob: '15/06/1990' }, ['idBirthYear:id_birth_year_mismatch']],
    ['a gender the ID contradicts', { gender: 'Nữ' }, ['idGender:id_gender_mismatch']],
    ['an Excel serial date of birth', { dob: '32674' }, ['dob.excelSerial:excel_serial_date', 'dob.type:invalid_type']],
    ['a card of another BHXH number', { bhyt_card_no: 'DN4010123456780' }, ['bhytMatchesBhxh:bhyt_bhxh_mismatch']],
    ['a malformed card code', { bhyt_card_no: 'DN40101234567' }, ['bhyt_card_no.bhyt:bad_format']],
    ['an unknown object code', { bhyt_card_no: 'ZZ4010123456789' }, ['bhyt_card_no.bhytObjectCode:unknown_object_code']],
    ['an unverified object code', { bhyt_card_no: 'TG4010123456789' }, ['bhyt_card_no.bhytObjectCode:unverified_object_code']],
    ['a benefit level that does not fit', { bhyt_card_no: 'DN2010123456789' }, ['bhyt_card_no.bhytBenefitLevel:benefit_level_mismatch']],
    ['a TE card for a seven-year-old', { dob: '10/03/2019', id_no: '048219001122', card_valid_from: '01/01/2026',
      card_valid_to: '31/12/2026' }, ['childUnderSix:te_card_child_too_old', 'childUnderSix:te_card_valid_too_long'], child],
    ['a reversed card period', { card_valid_from: '01/01/2027', card_valid_to: '31/12/2026' }, ['cardPeriodOrdered:card_period_reversed']],
    ['a salary below the minimum wage', { contribution_salary: '3000000' }, ['salaryInRange:salary_below_minimum']],
    ['a salary above the verified cap', { contribution_salary: '50000000', contribution_month: '05/2026' }, ['salaryInRange:salary_above_cap']],
    ['a salary above the provisional cap', { contribution_salary: '52000000' }, ['salaryInRangeProvisional:salary_above_cap']],
    ['a tax code with a wrong check digit', { employer_tax_code: '0100109107' }, ['employer_tax_code.mst:bad_check_digit']],
    // A 12-digit tax code is the employer's personal ID: checked as one (error for a future birth year, warnings
    // for an unknown birth province or century digit), no longer any 12 digits.
    ['a personal tax code with a future birth year', { employer_tax_code: '001299012345' }, ['employer_tax_code.mst:future_birth_year']],
    ['a personal tax code of no province', { employer_tax_code: '999999999999' },
      ['employer_tax_code.cccdPlausible:unknown_province_code', 'employer_tax_code.cccdPlausible:unlikely_century']],
    ['a personal tax code of zeros', { employer_tax_code: '000000000000' }, ['employer_tax_code.cccdPlausible:unknown_province_code']],
    ['an invalid phone number', { phone: '0123456' }, ['phone.phone:invalid_phone']],
    // A participant's phone reaches the person: a hotline is an organisation's line (and no lost zero).
    ['a hotline as the personal phone', { phone: '1900 1234' }, ['phone.phone:service_number_not_allowed']],
    ['a 10-digit hotline as the personal phone', { phone: '1800599920' }, ['phone.phone:service_number_not_allowed']],
    ['a malformed facility code', { kcb_registered: '1001' }, ['kcb_registered.pattern:pattern_mismatch']],
    ['a status outside the list', { status: 'Active' }, ['status.oneOf:not_in_set']],
    ['an unknown province', { province_code: '99' }, ['province_code.province:unknown_province_code']],
    // clean
    ['a decomposed name', { full_name: 'Nguyễn Văn An'.normalize('NFD') }, ['full_name.nfc:not_nfc']],
    ['mojibake', { full_name: 'Nguyá»…n VÄƒn An' }, ['full_name.legacyEncoding:mojibake']],
    ['a leading space', { full_name: ' Nguyễn Văn An' }, ['full_name.trimmed:surrounding_whitespace']],
    ['a digit in the name', { full_name: 'Nguyễn Văn An 2' }, ['full_name.vnName:name_has_digit']],
    ['an undashed branch tax code', { employer_tax_code: '0100109106001' }, ['employer_tax_code.mstDashed:undashed_branch_code']],
    // live
    ['a stale record', { updated_at: '2025-06-01T00:00:00Z' }, ['updated_at.within:stale_record']],
    ['an expired card still active', { card_valid_from: '01/01/2025', card_valid_to: '31/12/2025' }, ['cardNotExpired:expired_card_active']],
    ['a pre-2018 mobile prefix', { phone: '01689123456' }, ['phone.phonePrefix:legacy_mobile_prefix']],
    ['a retired province code', { province_code: '34' }, ['province_code.provinceCurrent:retired_province_code']],
  ])('reports %s', async (_what, patch, expected, base) => {
    const row = (valid as readonly object[]).indexOf(base ?? employee);
    expect(await brokenRow(patch, base)).toEqual(expected.map((e) => `${row}:${e}`));
  });

  it('accepts an expired card on a closed record and the school-year extension of TE cards', async () => {
    expect(await brokenRow({ status: 'closed', card_valid_from: '01/01/2025', card_valid_to: '31/12/2025' })).toEqual([]);
    // Sixth birthday 10/03/2028, before the school year: the card may run to 30/09/2028 (NĐ 146/2018).
    expect(await brokenRow({ card_valid_to: '30/09/2028' }, child)).toEqual([]);
  });

  it('flags duplicate BHXH numbers and a person holding two', async () => {
    const again = { ...retiree, full_name: employee.full_name, dob: employee.dob, gender: 'Nam', id_no: employee.id_no };
    expect((await findings(insuranceParticipants, [employee, again], NOW)).all)
      .toEqual(['0:oneBhxhPerId:id_with_several_bhxh', '1:oneBhxhPerId:id_with_several_bhxh']);
    expect((await findings(insuranceParticipants, [employee, { ...employee }], NOW)).all)
      .toEqual(['0:bhxh_no.unique:duplicate_value', '1:bhxh_no.unique:duplicate_value']);
  });

  // Regression: the BHXH and ID rules accept these forms, so duplicate detection must see one person in them.
  it.each<[string, Record<string, string>, readonly string[]]>([
    ['a BHXH number with a trailing space', { bhxh_no: '0123456789 ' },
      ['0:bhxh_no.unique:duplicate_value', '1:bhxh_no.trimmed:surrounding_whitespace', '1:bhxh_no.unique:duplicate_value']],
    ['a BHXH number in groups', { bhxh_no: '01 2345 6789' },
      ['0:bhxh_no.unique:duplicate_value', '1:bhxh_no.bhxh:non_digit_character', '1:bhxh_no.unique:duplicate_value']],
    ['a personal ID with separators and another BHXH number', { id_no: '001 089 012345', bhxh_no: '7901234567', bhyt_card_no: 'DN4797901234567' },
      ['0:oneBhxhPerId:id_with_several_bhxh', '1:id_no.cccd:non_digit_character', '1:oneBhxhPerId:id_with_several_bhxh']],
  ])('sees one participant in %s', async (_what, patch, expected) => {
    const { all, violations } = await findings(insuranceParticipants, [employee, { ...employee, ...patch }], NOW);
    expect(all).toEqual(expected);
    const own = violations.filter((v) => v.row === 1 && v.code !== 'surrounding_whitespace' && v.code !== 'non_digit_character');
    expect(own.map((v) => v.value)).toEqual(own.map((v) => (v.field === 'bhxh_no' ? patch.bhxh_no : undefined)));
  });

  it('judges the table: stale after 30 days without updates', async () => {
    const old = valid.map((r) => ({ ...r, updated_at: '2026-10-01T00:00:00Z' }));
    expect((await findings(insuranceParticipants, old, NOW)).all).toEqual(['table:updated_at.freshness:stale_table']);
  });

  it('masks personal data in every violation', async () => {
    const rows = [{ ...employee, id_no: '01089012345', full_name: 'Nguyễn Văn An ', phone: '0123456' }];
    const text = JSON.stringify(await validate(insuranceParticipants, rows, { now: NOW }));
    for (const secret of ['01089012345', 'Nguyễn Văn An', '0123456789', '0123456']) expect(text).not.toContain(secret);
  });

  it('judges dates by the calendar of Vietnam: a card valid through yesterday has expired at 01:00', async () => {
    const night = '2026-11-22T01:00:00+07:00'; // still 21/11 in UTC
    const rows = [{ ...employee, card_valid_to: '21/11/2026' }, retiree, child];
    const codes = async (timeZone?: string) => (await validate(insuranceParticipants, rows,
      { now: night, ...(timeZone === undefined ? {} : { timeZone }) })).violations.map((v) => `${v.row}:${v.rule}:${v.code}`);
    expect(await codes()).toEqual(['0:cardNotExpired:expired_card_active']);
    expect(insuranceParticipants.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(await codes('UTC')).toEqual([]);
  });
});
