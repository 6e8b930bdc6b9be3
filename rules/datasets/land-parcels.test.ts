import { describe, expect, it } from 'vitest';
import { landParcels, landParcelsWith } from './land-parcels.js';
import type { CommuneTable } from '../vn/admin/parse-admin-units.js';
import { findings } from './_findings.js';
import { validate } from '../../src/core/validate.js';

const NOW = new Date('2026-11-22T00:00:00Z');

/** Three parcels that satisfy DOMAIN-VN: urban residential, rice land with a dated term, annual crops (2024 code). */
const urban = {
  parcel_id: 'P000000001', province_code: '01', commune_code: '00004', map_sheet_no: '12', parcel_no: '145',
  area_m2: '120.5', land_use_code: 'ODT', land_use_term: 'LAU_DAI', owner_name: 'Nguyễn Văn An',
  owner_id: '001089012345', owner_birth_year: '1989', owner_gender: 'Nam', owner_address: 'Số 12 Lê Lợi, Hà Nội',
  gcn_serial: 'CS 123456', gcn_issue_date: '15/03/2019', registered_at: '02/02/2019', x_north: '2323456.78',
  y_east: '505123.45', owner_verified: 'true', updated_at: '2026-11-01T08:00:00+07:00',
};
const rice = {
  parcel_id: 'P000000002', province_code: '79', commune_code: '26734', map_sheet_no: '3', parcel_no: '7',
  area_m2: '2500', land_use_code: 'LUC', land_use_term: '15/03/2069', owner_name: 'Trần Thị Bình',
  owner_id: '079301123456', owner_birth_year: '2001', owner_gender: 'Nữ', owner_address: '',
  gcn_serial: 'ĐT 12345678', gcn_issue_date: '15/03/2019', registered_at: '', x_north: '', y_east: '',
  owner_verified: '', updated_at: '2026-06-01T00:00:00Z',
};
const crops = {
  ...rice, parcel_id: 'P000000003', parcel_no: '8', land_use_code: 'HNK', land_use_term: '10/10/2075',
  gcn_issue_date: '10/10/2025', gcn_serial: 'A 1234567', owner_name: 'LÊ THỊ HOÀ', owner_id: '040172000123',
  owner_birth_year: '1972', owner_gender: 'Nữ', x_north: '2100000', y_east: '600000.5',
  updated_at: '2026-11-20T10:00:00+07:00',
};
const valid = [urban, rice, crops];

// Regression: a value ending in a zero-width space (or led by a joiner, ended by a word joiner, U+0085 or a control)
// was `trimmed`'s finding and also a wrong identifier or code: the identifier rules trimmed with JavaScript's trim,
// which keeps them. One clean finding, the value judged without them.
const INVISIBLE = (value: string): string[] => [`${value}\u200b`, `\u200d${value}`, `${value}\u2060`, `${value}\u0085`, `\u0001${value}`];

async function brokenRow(patch: Readonly<Record<string, string>>, base: Readonly<Record<string, string>> = urban) {
  const rows = valid.map((r) => (r === base ? { ...r, ...patch } : r));
  return (await findings(landParcels, rows, NOW)).all;
}

describe('land-parcels', () => {
  // A copy of the definition (its module added by spreading) was compiled again by every validator and worker thread.
  it('is the definition as defined (frozen, compiled once), named with its module; a variant with options has none', () => {
    expect(Object.isFrozen(landParcels)).toBe(true);
    expect(landParcels.module).toMatch(/land-parcels\.(ts|js)$/);
    expect(landParcelsWith().module).toBe(landParcels.module);
    expect(landParcelsWith({ communes: { version: '2025', validFrom: '2025-07-01', source: 'test', entries: [{ code: '00004', name: 'Xã Phúc Xá', province: '01' }] } }).module).toBeUndefined();
  });

  it('gives valid parcels no finding at all, and full scores', async () => {
    const { all, report } = await findings(landParcels, valid, NOW);
    expect(all).toEqual([]);
    expect(report.status).toBe('passed');
    expect(report.score).toBe(1);
  });

  // Regression: values the serial and ID rules accept as one were distinct to the uniqueness rules.
  it.each<[string, Record<string, string>, readonly string[]]>([
    ['a certificate serial without its space', { gcn_serial: 'CS123456', parcel_id: 'P000000009', parcel_no: '146' },
      ['0:gcn_serial.unique:duplicate_value', '1:gcn_serial.unique:duplicate_value']],
    ['a parcel id with a trailing space', { parcel_id: 'P000000001 ', gcn_serial: '' },
      ['0:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '0:parcel_id.unique:duplicate_value',
        '1:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '1:parcel_id.trimmed:surrounding_whitespace',
        '1:parcel_id.unique:duplicate_value']],
    ['a parcel id ending in a zero-width space', { parcel_id: 'P000000001\u200b', gcn_serial: '' },
      ['0:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '0:parcel_id.unique:duplicate_value',
        '1:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '1:parcel_id.trimmed:surrounding_whitespace',
        '1:parcel_id.unique:duplicate_value']],
    ['a parcel number key with a spaced commune code', { parcel_id: 'P000000009', commune_code: ' 00004', gcn_serial: '' },
      ['0:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '1:commune_code+map_sheet_no+parcel_no.unique:duplicate_value',
        '1:commune_code.trimmed:surrounding_whitespace']],
  ])('sees one parcel in %s', async (_what, patch, expected) => {
    const { all, violations } = await findings(landParcels, [urban, { ...urban, ...patch }], NOW);
    expect(all).toEqual(expected);
    const gcn = violations.find((v) => v.rule === 'gcn_serial.unique' && v.row === 1);
    if (gcn !== undefined) expect(gcn.value).toBe('CS123456');
  });

  // Regression: an ID, code or term with a space, tab, NBSP or BOM around it passed with no finding (owner_id,
  // province_code, commune_code) or failed as a wrong value (land_use_code "LUC ", land_use_term, gcn_serial): it is a
  // right value in a non-standard form, one clean finding (DOMAIN-VN §6).
  it.each<[string, string, Record<string, string>?]>([
    ['province_code', '01'], ['commune_code', '00004'], ['land_use_code', 'ODT'], ['land_use_term', 'LAU_DAI'],
    ['owner_id', '001089012345'], ['owner_gender', 'Nam'], ['gcn_serial', 'CS 123456'],
    ['land_use_code', 'LUC', rice], ['land_use_term', '15/03/2069', rice], ['owner_gender', 'Nữ', rice], ['owner_id', '012345678'],
  ])('reports whitespace around %s %j as one clean finding', async (column, value, base = urban) => {
    const row = (valid as readonly object[]).indexOf(base);
    const live = value === '012345678' ? [`${row}:owner_id.cmndRetired:retired_cmnd`] : [];
    for (const spaced of [`${value} `, `${value}\u00a0`, `\ufeff${value}`, `${value}\t`, ` ${value}\r\n`, ...INVISIBLE(value)]) {
      expect(await brokenRow({ [column]: spaced }, base), JSON.stringify(spaced))
        .toEqual([...live, `${row}:${column}.trimmed:surrounding_whitespace`].sort());
    }
  });

  // Regression: trimmed's suggestion kept a surrounding control character or NEXT LINE (U+0085) that it had flagged.
  it.each(['P000000001\u0085', '\u0001P000000001', 'P000000001\u001b', '\u200b P000000001\u0085\t'])(
    'suggests parcel_id %j without the characters around it', async (spaced) => {
      const { all, violations } = await findings(landParcels, [{ ...urban, parcel_id: spaced }], NOW);
      expect(all).toEqual(['0:parcel_id.trimmed:surrounding_whitespace']);
      expect(violations[0]?.suggestion).toBe('P000000001');
    });

  // Regression: a decomposed (NFD) "Nữ" was owner_gender.oneOf's not_in_set, a correctness error (DOMAIN-VN §6: clean).
  // Regression: an Excel serial in the term or the update time was only invalid (DOMAIN-VN §6: name it, suggest the date).
  it.each([
    ['land_use_term', '61802', '15/03/2069', 'land_use_term.landUseTerm:invalid_land_use_term'],
    ['updated_at', '46346.375', '2026-11-20 09:00', 'updated_at.type:invalid_type'],
  ])('names an Excel serial in %s (%s) and suggests %s', async (column, serial, suggestion, invalid) => {
    const { all, violations } = await findings(landParcels, [{ ...rice, updated_at: urban.updated_at, [column]: serial }], NOW);
    expect(all).toEqual([`0:${column}.excelSerial:excel_serial_date`, `0:${invalid}`]);
    expect(violations.find((v) => v.code === 'excel_serial_date')?.suggestion).toBe(suggestion);
  });

  it('reports a decomposed gender as not NFC only', async () => {
    expect(await brokenRow({ owner_gender: 'Nữ'.normalize('NFD') }, rice)).toEqual(['1:owner_gender.nfc:not_nfc']);
  });

  it('judges a spaced code in its cross-field rules as the code', async () => {
    expect(await brokenRow({ land_use_code: 'ODT ', land_use_term: '01/01/2070' })).toEqual(
      ['0:land_use_code.trimmed:surrounding_whitespace', '0:residentialTermPermanent:residential_term_not_permanent']);
    expect(await brokenRow({ land_use_code: '\u00a0LUC', land_use_term: '15/03/2079' }, rice)).toEqual(
      ['1:agriculturalTerm:agricultural_term_too_long', '1:land_use_code.trimmed:surrounding_whitespace']);
    expect(await brokenRow({ owner_gender: 'Nữ\t' })).toEqual(['0:idGender:id_gender_mismatch', '0:owner_gender.trimmed:surrounding_whitespace']);
  });

  it('declares every column of DOMAIN-VN §7 with titles in both languages', () => {
    expect(Object.keys(landParcels.fields)).toEqual([
      'parcel_id', 'province_code', 'commune_code', 'map_sheet_no', 'parcel_no', 'area_m2', 'land_use_code',
      'land_use_term', 'owner_name', 'owner_id', 'owner_birth_year', 'owner_gender', 'owner_address', 'gcn_serial',
      'gcn_issue_date', 'registered_at', 'x_north', 'y_east', 'owner_verified', 'updated_at',
    ]);
    const optional = ['owner_address', 'gcn_serial', 'gcn_issue_date', 'registered_at', 'x_north', 'y_east', 'owner_verified'];
    for (const [name, spec] of Object.entries(landParcels.fields)) {
      expect(spec.requiredRule === undefined, name).toBe(optional.includes(name));
      expect(spec.title, name).toEqual({ en: expect.any(String), vi: expect.any(String) });
    }
    const personal = Object.entries(landParcels.fields).filter(([, s]) => s.privacy !== false).map(([n]) => n);
    expect(personal).toEqual(['owner_name', 'owner_id', 'owner_birth_year', 'owner_address']);
  });

  it.each<[string, Record<string, string>, readonly string[], Record<string, string>?]>([
    // sufficient
    ['a blank owner name', { owner_name: ' ' }, ['owner_name.required:missing_value']],
    ['a placeholder land-use code', { land_use_code: 'N/A' }, ['land_use_code.required:missing_value']],
    ['a placeholder owner ID', { owner_id: '-' }, ['owner_id.required:missing_value']],
    // correct: types, codes, ranges
    ['an impossible date', { gcn_issue_date: '31/02/2019' }, ['gcn_issue_date.type:invalid_type']],
    ['an Excel serial date', { registered_at: '43466' }, ['registered_at.excelSerial:excel_serial_date', 'registered_at.type:invalid_type']],
    ['an unknown province code', { province_code: '03' }, ['province_code.province:unknown_province_code']],
    ['a malformed commune code', { commune_code: '4' }, ['commune_code.commune:commune_code_format']],
    ['a map sheet number 0', { map_sheet_no: '0' }, ['map_sheet_no.min:below_minimum']],
    ['a negative area', { area_m2: '-120.5' }, ['area_m2.min:not_above_minimum']],
    ['an unknown land-use code', { land_use_code: 'XYZ' }, ['land_use_code.landUseCode:unknown_land_use_code']],
    ['a group land-use code', { land_use_code: 'PNN' }, ['land_use_code.landUseCode:group_land_use_code']],
    // Regression: HNK, a parcel code on certificates of 2014–2024, was reported as a group code of the 2013 scheme.
    // Regression: names of the Central Highlands' peoples hold an apostrophe (DOMAIN-VN §6).
    ['an Ê Đê owner name', { owner_name: "H'Hen Niê" }, []],
    ['a Gia Rai owner name', { owner_name: 'Ksor H’Bơ' }, []],
    // Regression: UTF-8 read as Windows-1252 with the bytes it lacks dropped (Đ = C4 90) went undetected.
    ['a lossy mojibake address', { owner_address: 'Buôn Ma Thuột, Äáº¯k Láº¯k' }, ['owner_address.legacyEncoding:mojibake']],
    ['a doubled apostrophe in a name', { owner_name: "H''Hen Niê" }, ['owner_name.vnName:name_has_symbol']],
    ['HNK on a 2019 certificate (a parcel code of the 2013 scheme)', { land_use_code: 'HNK', land_use_term: '15/03/2069' },
      [], rice],
    ['an unreadable term', { land_use_term: 'lâu dài' }, ['land_use_term.landUseTerm:invalid_land_use_term'], rice],
    ['residential land with an end date', { land_use_term: '01/01/2070' }, ['residentialTermPermanent:residential_term_not_permanent']],
    ['rice land for 60 years', { land_use_term: '15/03/2079' }, ['agriculturalTerm:agricultural_term_too_long'], rice],
    // Regression: rice or perennial-crop land held permanently passed, while a term of 50 years and a day was flagged.
    ['rice land held permanently', { land_use_term: 'LAU_DAI' }, ['agriculturalTerm:agricultural_term_permanent'], rice],
    ['perennial-crop land held permanently', { land_use_code: 'CLN', land_use_term: 'LAU_DAI' }, ['agriculturalTerm:agricultural_term_permanent'], rice],
    ['rice land without a certificate held permanently', { land_use_term: 'LAU_DAI', gcn_issue_date: '', gcn_serial: '' },
      ['agriculturalTerm:agricultural_term_permanent'], rice],
    ['an 11-digit personal ID', { owner_id: '01089012345' }, ['owner_id.cccd:leading_zero_lost']],
    ['a personal ID in Excel notation', { owner_id: '1.08901E+09' }, ['owner_id.cccd:scientific_notation']],
    ['a personal ID from no province', { owner_id: '003089012345' }, ['owner_id.cccdPlausible:unknown_province_code']],
    ['a birth year the ID contradicts', { owner_birth_year: '1990' }, ['idBirthYear:id_birth_year_mismatch']],
    ['a gender the ID contradicts', { owner_gender: 'Nữ' }, ['idGender:id_gender_mismatch']],
    ['a gender outside the list', { owner_gender: 'M' }, ['owner_gender.oneOf:not_in_set']],
    ['an unusual certificate serial', { gcn_serial: 'CS-123456' }, ['gcn_serial.gcnSerial:unusual_gcn_serial']],
    ['registration after the certificate', { registered_at: '01/04/2019' }, ['registered_at+gcn_issue_date.datesOrdered:dates_out_of_order']],
    ['a certificate issued in the future', { gcn_issue_date: '01/01/2027' }, ['gcn_issue_date.notInFuture:future_date']],
    ['swapped VN-2000 axes', { x_north: '505123.45', y_east: '2323456.78' }, ['vn2000:vn2000_axes_swapped']],
    ['coordinates in millimetres', { x_north: '2323456780', y_east: '505123450' }, ['vn2000:vn2000_in_millimetres']],
    // clean
    ['a decomposed (NFD) name', { owner_name: 'Nguyễn Văn An'.normalize('NFD') }, ['owner_name.nfc:not_nfc']],
    ['a TCVN3 name', { owner_name: 'NguyÔn V¨n An' }, ['owner_name.legacyEncoding:legacy_encoding']],
    ['a trailing space', { owner_name: 'Nguyễn Văn An ' }, ['owner_name.trimmed:surrounding_whitespace']],
    ['a no-break space', { owner_name: 'Nguyễn\u00a0Văn An' }, ['owner_name.whitespace:non_breaking_space']],
    ['a doubled space', { owner_name: 'Nguyễn  Văn An' }, ['owner_name.whitespace:doubled_space']],
    ['an honorific', { owner_name: 'Ông Nguyễn Văn An' }, ['owner_name.vnName:name_has_honorific']],
    ['an area to the centimetre', { area_m2: '120.55' }, ['area_m2.decimals:too_many_decimals']],
    ['a decomposed address', { owner_address: 'Số 12 Lê Lợi, Hà Nội'.normalize('NFD') }, ['owner_address.nfc:not_nfc']],
    // live
    ['a record not updated for two years', { updated_at: '2024-11-01T08:00:00+07:00' }, ['updated_at.within:stale_record']],
    ['an owner known only by a CMND', { owner_id: '012345678' }, ['owner_id.cmndRetired:retired_cmnd']],
    ['a land-use code the 2024 scheme replaced', { land_use_code: 'BHK' }, ['land_use_code.landUseCodeCurrent:replaced_land_use_code']],
    ['a province code retired on 1/7/2025', { province_code: '27' }, ['province_code.provinceCurrent:retired_province_code']],
    // info
    ['an unverified owner', { owner_verified: 'false' }, ['owner_verified.verified:not_verified']],
  ])('reports %s', async (_what, patch, expected, base) => {
    const row = (valid as readonly object[]).indexOf(base ?? urban);
    expect(await brokenRow(patch, base)).toEqual(expected.map((e) => `${row}:${e}`));
  });

  it('counts placeholders in optional columns as missing, with no false date-order finding', async () => {
    expect(await brokenRow({ gcn_issue_date: '01/01/1900' })).toEqual([]);
    expect(await brokenRow({ gcn_issue_date: '00/00/2019', registered_at: 'NULL' })).toEqual([]);
  });

  it('flags every row of a duplicate group, for each key', async () => {
    const twin = { ...rice, parcel_id: urban.parcel_id, gcn_serial: urban.gcn_serial, commune_code: urban.commune_code,
      map_sheet_no: urban.map_sheet_no, parcel_no: urban.parcel_no };
    const { all } = await findings(landParcels, [urban, twin], NOW);
    expect(all).toEqual([
      '0:commune_code+map_sheet_no+parcel_no.unique:duplicate_value', '0:gcn_serial.unique:duplicate_value',
      '0:parcel_id.unique:duplicate_value', '1:commune_code+map_sheet_no+parcel_no.unique:duplicate_value',
      '1:gcn_serial.unique:duplicate_value', '1:parcel_id.unique:duplicate_value',
    ]);
  });

  it('judges the table: stale after 30 days without updates, insufficient when empty', async () => {
    const old = valid.map((r) => ({ ...r, updated_at: '2026-09-01T00:00:00Z' }));
    const stale = await findings(landParcels, old, NOW);
    expect(stale.all).toEqual(['table:updated_at.freshness:stale_table']);
    expect(stale.report.criteria.live.score).toBe(0);
    expect((await findings(landParcels, [], NOW)).all).toEqual(['table:rowCount:too_few_rows']);
  });

  it('shows unverified owners without lowering any score', async () => {
    const report = await validate(landParcels, valid.map((r) => ({ ...r, owner_verified: 'false' })), { now: NOW });
    expect(report.score).toBe(1);
    expect(report.rules.find((r) => r.id === 'owner_verified.verified')).toMatchObject({ severity: 'info', failed: 3 });
  });

  it('masks personal data in every violation', async () => {
    const rows = [{ ...urban, owner_id: '01089012345', owner_name: 'Nguyễn Văn An ' }];
    const report = await validate(landParcels, rows, { now: NOW });
    const text = JSON.stringify(report);
    expect(text).not.toContain('01089012345');
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('checks commune codes against loaded lists when given them, and for format only otherwise', async () => {
    const unit = (code: string, province: string, successors?: string[]) =>
      ({ code, name: `Xã ${code}`, province, ...(successors ? { successors } : {}) });
    const old: CommuneTable = { version: '2008', validFrom: '2008-08-01', validTo: '2025-06-30', source: 'test',
      entries: [unit('00004', '01', ['00004']), unit('26734', '79', ['26734']), unit('09999', '01', ['00004'])] };
    const current: CommuneTable = { version: '2025', validFrom: '2025-07-01', source: 'test',
      entries: [unit('00004', '01'), unit('26734', '79')] };
    expect(landParcels.fields.commune_code?.rules.find((r) => r.name === 'commune')?.params).toEqual({ check: 'format only' });
    const one = landParcelsWith({ communes: current });
    expect((await findings(one, valid, NOW)).all).toEqual([]);
    expect((await findings(one, [{ ...urban, commune_code: '26734' }], NOW)).all).toEqual(['0:commune_code.commune:commune_province_mismatch']);
    expect((await findings(one, [{ ...urban, commune_code: '00005' }], NOW)).all).toEqual(['0:commune_code.commune:unknown_commune_code']);
    const dated = landParcelsWith({ communes: [old, current] });
    expect((await findings(dated, [{ ...urban, commune_code: '09999' }], NOW)).all)
      .toEqual(['0:commune_code.communeCurrent:retired_commune_code']);
    // With dated lists the commune's province is checked too (it was not: a commune of another province passed).
    expect((await findings(dated, [{ ...urban, commune_code: '26734' }], NOW)).all).toEqual(['0:commune_code.commune:commune_province_mismatch']);
  });

  it('judges dates by the calendar of Vietnam: a nightly run before 07:00 does not flag today\'s records', async () => {
    // 05:00 on 22/11 in Vietnam is still 21/11 in UTC.
    const night = '2026-11-22T05:00:00+07:00';
    const today = { ...urban, gcn_issue_date: '22/11/2026', registered_at: '22/11/2026', updated_at: '2026-11-22T04:30:00+07:00' };
    const report = await validate(landParcels, [today, rice, crops], { now: night, showValues: true });
    expect(report.violations.map((v) => `${v.row}:${v.rule}:${v.code}`)).toEqual([]);
    expect(report.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(landParcels.timeZone).toBe('Asia/Ho_Chi_Minh');
    // The run's time zone overrides the definition's: by the UTC calendar both dates are tomorrow.
    const utc = await validate(landParcels, [today, rice, crops], { now: night, timeZone: 'UTC' });
    expect(utc.violations.map((v) => `${v.row}:${v.rule}:${v.code}`))
      .toEqual(['0:gcn_issue_date.notInFuture:future_date', '0:registered_at.notInFuture:future_date']);
  });
});
