import { describe, expect, it } from 'vitest';
import { enterpriseRegister, enterpriseRegisterWith } from './enterprise-register.js';
import { builtinDatasets } from './index.js';
import { findings } from './_findings.js';
import { validate } from '../../src/core/validate.js';
import type { Violation } from '../../src/core/types.js';

const NOW = new Date('2026-11-22T00:00:00Z');

/** Records that satisfy DOMAIN-VN §8: a joint-stock company, its branch, a suspended and a dissolved enterprise. */
const company = {
  enterprise_code: '0100109106', name: 'Công ty Cổ phần Hòa Bình', type: 'CP', rep_name: 'Nguyễn Văn An',
  rep_id: '001089012345', province_code: '01', commune_code: '00004', address: '12 Lê Lợi, phường Ba Đình',
  main_vsic: '4101', charter_capital: '50000000000', registered_at: '15/03/2010', status: 'active', status_date: '',
  phone: '1900 545454', email: 'info@hoabinh.com.vn', updated_at: '2026-11-20T09:00:00+07:00',
};
const branch = {
  ...company, enterprise_code: '0100109106-001', name: 'Chi nhánh Công ty Cổ phần Hòa Bình tại TP Hồ Chí Minh',
  type: 'CN', province_code: '79', commune_code: '26734', address: '5 Nguyễn Huệ, phường Sài Gòn', charter_capital: '0',
  registered_at: '02/10/2025', phone: '028 3812 3456', email: '', updated_at: '2026-10-01T00:00:00Z',
};
const suspended = {
  ...company, enterprise_code: '0301442379', name: 'Công ty TNHH Thủy Tiên', type: 'TNHH1TV', rep_name: 'Trần Thị Bình',
  rep_id: '079301123456', province_code: '79', commune_code: '26734', address: '8 Hai Bà Trưng', main_vsic: '0322',
  charter_capital: '2000000000', registered_at: '01/08/2021', status: 'suspended', status_date: '01/03/2026',
  phone: '0912345678', email: 'thuytien@gmail.com', updated_at: '2026-03-02T10:00:00+07:00',
};
const dissolved = {
  ...suspended, enterprise_code: '0300588569', name: 'Doanh nghiệp tư nhân Minh Khôi', type: 'DNTN', status: 'dissolved',
  status_date: '10/10/2026', charter_capital: '500000000', updated_at: '2026-11-05T08:00:00+07:00', phone: '', email: '',
};
const valid: readonly Readonly<Record<string, string>>[] = [company, branch, suspended, dissolved];

// Regression: a value ending in a zero-width space (or led by a joiner, ended by a word joiner, U+0085 or a control)
// was `trimmed`'s finding and also a wrong identifier or code: the identifier rules trimmed with JavaScript's trim,
// which keeps them. One clean finding, the value judged without them.
const INVISIBLE = (value: string): string[] => [`${value}\u200b`, `\u200d${value}`, `${value}\u2060`, `${value}\u0085`, `\u0001${value}`];

async function brokenRow(patch: Readonly<Record<string, string>>, base: Readonly<Record<string, string>> = company) {
  const rows = valid.map((r) => (r === base ? { ...r, ...patch } : r));
  return (await findings(enterpriseRegister, rows, NOW)).all;
}

describe('enterprise-register', () => {
  // A copy of the definition (its module added by spreading) was compiled again by every validator and worker thread.
  it('is the definition as defined (frozen, compiled once), named with its module; a variant with options has none', () => {
    expect(Object.isFrozen(enterpriseRegister)).toBe(true);
    expect(enterpriseRegister.module).toMatch(/enterprise-register\.(ts|js)$/);
    expect(enterpriseRegisterWith().module).toBe(enterpriseRegister.module);
    expect(enterpriseRegisterWith({ communes: { version: '2025', validFrom: '2025-07-01', source: 'test', entries: [{ code: '00004', name: 'Xã Phúc Xá', province: '01' }] } }).module).toBeUndefined();
  });

  it('is a built-in dataset by its name', () => {
    expect(builtinDatasets['enterprise-register']).toBe(enterpriseRegister);
    expect(enterpriseRegister.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(enterpriseRegister.key).toBe('enterprise_code');
  });

  it('gives valid records no finding at all, and full scores', async () => {
    const { all, report } = await findings(enterpriseRegister, valid, NOW);
    expect(all).toEqual([]);
    expect(report.status).toBe('passed');
    expect(report.score).toBe(1);
  });

  // Regression: an identifier or code with a space, tab, NBSP or BOM around it passed with no finding (rep_id,
  // province_code, phone) or failed as a wrong value (main_vsic "4101 " was pattern_mismatch, a spaced type or status
  // not_in_set): it is a right value in a non-standard form, one clean finding (DOMAIN-VN §6).
  it.each([
    ['type', 'CP'], ['rep_id', '001089012345'], ['province_code', '01'], ['commune_code', '00004'], ['main_vsic', '4101'],
    ['status', 'active'], ['phone', '1900 545454'],
  ])('reports whitespace around %s %j as one clean finding', async (column, value) => {
    for (const spaced of [`${value} `, `${value}\u00a0`, `\ufeff${value}`, `${value}\t`, ` ${value}\r\n`, ...INVISIBLE(value)]) {
      expect(await brokenRow({ [column]: spaced }), JSON.stringify(spaced)).toEqual([`0:${column}.trimmed:surrounding_whitespace`]);
    }
  });

  // Regression: an Excel serial in updated_at was only invalid_type (DOMAIN-VN §6: name it, suggest the date).
  it('names an Excel serial in updated_at and suggests the date-time', async () => {
    const { all, violations } = await findings(enterpriseRegister, [{ ...company, updated_at: '46346.375' }], NOW);
    expect(all).toEqual(['0:updated_at.excelSerial:excel_serial_date', '0:updated_at.type:invalid_type']);
    expect(violations.find((v) => v.code === 'excel_serial_date')?.suggestion).toBe('2026-11-20 09:00');
  });

  it('declares every column of DOMAIN-VN §8 with titles in both languages, personal ones masked', () => {
    expect(Object.keys(enterpriseRegister.fields)).toEqual([
      'enterprise_code', 'name', 'type', 'rep_name', 'rep_id', 'province_code', 'commune_code', 'address', 'main_vsic',
      'charter_capital', 'registered_at', 'status', 'status_date', 'phone', 'email', 'updated_at',
    ]);
    // status_date is required unless active: statusDateRequired, a rule a YAML definition can name too.
    const optional = ['main_vsic', 'status_date', 'phone', 'email'];
    for (const [name, spec] of Object.entries(enterpriseRegister.fields)) {
      expect(spec.requiredRule === undefined, name).toBe(optional.includes(name));
      expect(spec.requiredRule?.options.when, name).toBeUndefined();
      expect(spec.rules.filter((r) => r.when !== undefined && !['whitespace', 'vnName'].includes(r.name)), name).toEqual([]);
      expect(spec.title, name).toEqual({ en: expect.any(String), vi: expect.any(String) });
    }
    const personal = Object.entries(enterpriseRegister.fields).filter(([, s]) => s.privacy !== false).map(([n]) => n);
    expect(personal).toEqual(['rep_name', 'rep_id', 'phone', 'email']);
  });

  it.each<[string, Record<string, string>, readonly string[], Record<string, string>?]>([
    // sufficient
    ['a blank name', { name: '' }, ['name.required:missing_value']],
    ['a placeholder registration date', { registered_at: '01/01/1900' }, ['registered_at.required:missing_value']],
    ['no charter capital for an enterprise', { charter_capital: 'N/A' }, ['charter_capital.required:missing_value']],
    ['no status date for a suspended enterprise', { status_date: '' }, ['statusDateRequired:missing_value'], suspended],
    ['a placeholder status date for a dissolved enterprise', { status_date: '00/00/0000' }, ['statusDateRequired:missing_value'],
      dissolved],
    ['no charter capital for a branch', { charter_capital: '' }, ['charter_capital.required:missing_value'], branch],
    // correct
    ['a wrong check digit', { enterprise_code: '0100109107' }, ['enterprise_code.mst:bad_check_digit']],
    ['an individual\'s 12-digit tax code', { enterprise_code: '001089012345' }, ['enterprise_code.mst:bad_format']],
    ['a unit number 000', { enterprise_code: '0100109106-000' }, ['enterprise_code.mst:bad_branch_code'], branch],
    ['a branch with a 10-digit code', { enterprise_code: '0101243150' }, ['unitCodeMatchesType:unit_without_branch_code'], branch],
    ['an enterprise with a unit code', { enterprise_code: '0101243150-002' },
      ['unitCodeMatchesType:enterprise_with_branch_code']],
    ['an unknown type', { type: 'TNHH' }, ['type.oneOf:not_in_set']],
    ['an unknown status', { status: 'Hoạt động' }, ['status.oneOf:not_in_set']],
    ['a malformed representative ID', { rep_id: '00108901234X' }, ['rep_id.cccd:non_digit_character']],
    ['a retired province code on a registration after 1/7/2025', { province_code: '74' },
      ['province_code.province:unknown_province_code', 'province_code.provinceCurrent:retired_province_code'], branch],
    ['an unknown province code', { province_code: '03' }, ['province_code.province:unknown_province_code']],
    ['a 4-digit commune code', { commune_code: '0004' }, ['commune_code.commune:commune_code_format']],
    ['a 5-digit business line', { main_vsic: '41010' }, ['main_vsic.pattern:pattern_mismatch']],
    ['no charter capital', { charter_capital: '0' }, ['capitalPositive:zero_charter_capital']],
    ['a negative capital of a branch', { charter_capital: '-5' }, ['charter_capital.min:below_minimum'], branch],
    ['a registration before 1991', { registered_at: '31/12/1990' }, ['registered_at.min:below_minimum']],
    ['a registration in the future', { registered_at: '01/12/2026' },
      ['registered_at.notInFuture:future_date', 'registered_at+status_date.datesOrdered:dates_out_of_order'], suspended],
    ['a status date before the registration', { registered_at: '02/03/2026' },
      ['registered_at+status_date.datesOrdered:dates_out_of_order'], suspended],
    ['an Excel serial registration date', { registered_at: '40252' },
      ['registered_at.excelSerial:excel_serial_date', 'registered_at.type:invalid_type']],
    ['a short phone number', { phone: '091234' }, ['phone.phone:invalid_phone']],
    ['an e-mail without a domain', { email: 'info@hoabinh' }, ['email.email:invalid_email']],
    // clean
    ['a duplicate code written without the dash', { enterprise_code: '0100109106001', type: 'CN' },
      ['enterprise_code.mstDashed:undashed_branch_code', 'enterprise_code.unique:duplicate_value'], suspended],
    ['an active namesake in the same province (another tone placement)', { name: 'CÔNG TY CỔ PHẦN HOÀ BÌNH',
      province_code: '01', enterprise_code: '0101243150', type: 'CP', charter_capital: '1000000000' },
    ['name+province_code.unique:duplicate_value'], branch],
    ['a name in TCVN3 mojibake', { name: 'C«ng ty Cæ phÇn Hßa B×nh' }, ['name.legacyEncoding:legacy_encoding']],
    ['a doubled space in the name', { name: 'Công ty  Cổ phần Hòa Bình' }, ['name.whitespace:doubled_space']],
    ['a capitalised e-mail domain', { email: 'info@HoaBinh.com.vn' }, ['email.emailDomainLowercase:uppercase_email_domain']],
    // live
    ['a stale record', { updated_at: '2025-06-01T00:00:00Z' }, ['updated_at.within:stale_record']],
    ['a representative identified by a CMND', { rep_id: '012345678' }, ['rep_id.cmndRetired:retired_cmnd']],
    ['a retired province code on an older registration', { province_code: '27' },
      ['province_code.provinceCurrent:retired_province_code']],
    ['a pre-2018 mobile prefix', { phone: '01621234567' }, ['phone.phonePrefix:legacy_mobile_prefix']],
    ['a suspension older than a year', { status_date: '01/10/2025' }, ['suspensionWithinYear:suspension_overdue'], suspended],
    ['a dissolved enterprise still being edited', { status_date: '01/06/2026' },
      ['closedNotEdited:edited_after_closure'], dissolved],
  ])('reports %s', async (_what, patch, expected, base) => {
    const all = await brokenRow(patch, base);
    const row = valid.indexOf(base ?? company);
    const mine = all.filter((f) => f.startsWith(`${row}:`)).map((f) => f.slice(f.indexOf(':') + 1));
    expect(all.filter((f) => !f.startsWith(`${row}:`) && !f.includes('.unique:'))).toEqual([]);
    expect(mine).toEqual([...expected].sort());
  });

  it('needs no `when` function of its own: every conditional check is a named rule (as a YAML definition can write it)', () => {
    const conditional = enterpriseRegister.rules.filter((r) => r.when !== undefined).map((r) => r.id ?? r.name);
    expect(conditional).toEqual(['name+province_code.unique']);
  });

  it('does not hold a namesake against an enterprise that is not active, nor one of another province', async () => {
    const twin = { ...company, enterprise_code: '0101243150', name: 'Công ty cổ phần Hoà Bình' };
    expect((await findings(enterpriseRegister, [...valid, { ...twin, status: 'dissolved', status_date: '10/11/2026' }], NOW)).all).toEqual([]);
    expect((await findings(enterpriseRegister, [...valid, { ...twin, province_code: '79' }], NOW)).all).toEqual([]);
    expect((await findings(enterpriseRegister, [...valid, twin], NOW)).all)
      .toEqual(['0:name+province_code.unique:duplicate_value', '4:name+province_code.unique:duplicate_value']);
  });

  it('masks the representative, phone and e-mail in the report and every violation', async () => {
    const personal = { rep_name: 'NguyÔn V¨n An', rep_id: '01089012345', phone: '01621234567', email: 'ke.toan@HoaBinh.vn' };
    const rows = [{ ...company, ...personal }, { ...suspended, rep_id: '012345678' }];
    const seen: Violation[] = [];
    const report = await validate(enterpriseRegister, rows, { now: NOW, onViolation: (v) => seen.push(v) });
    const text = JSON.stringify([report, seen]);
    expect(seen.map((v) => v.rule).sort()).toEqual([
      'email.emailDomainLowercase', 'phone.phonePrefix', 'rep_id.cccd', 'rep_id.cmndRetired', 'rep_name.legacyEncoding',
    ]);
    for (const value of [...Object.values(personal), '012345678', '0321234567', 'ke.toan@hoabinh.vn', 'NguyÔn']) {
      expect(text, value).not.toContain(value);
    }
  });
});
