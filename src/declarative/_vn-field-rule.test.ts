import { describe, expect, it } from 'vitest';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { validate } from '../core/validate.js';
import { toJson } from '../outputs/json.js';
import type { DatasetDefinition, DatasetRule, FieldRule, FieldSpecData } from '../core/types.js';
import { vn } from '../../rules/vn/index.js';
import { loadAdminUnits } from '../../rules/vn/admin/load-admin-units.js';
import { readableText } from '../../rules/datasets/_rules.js';
import { VN_FIELD_RULES } from './_vn-field-rules.js';
import { VN_DATASET_RULES } from './_vn-dataset-rules.js';
import { parseDefinition } from './parse-definition.js';
import { DefinitionError } from './definition-error.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const COMMUNES = new URL('../../rules/vn/admin/fixtures/communes-2025.json', import.meta.url).pathname;
const yaml = (text: string, baseDir?: string) => parseDefinition(text, { format: 'yaml', ...(baseDir === undefined ? {} : { baseDir }) });
const report = async (def: DatasetDefinition, rows: readonly Record<string, unknown>[]) => toJson(await validate(def, rows, { now: NOW }));

// Functions of `vn` that are not rules a definition names: readers, helpers and field builders.
const NOT_RULES: Readonly<Record<string, string>> = {
  parseAdminUnits: 'reads a commune list (a file gives `communes:`)',
  loadAdminUnits: 'reads a commune list (a file gives `communes:`)',
  importAdminUnits: 'converts a commune list (ddss refdata import)',
  diagnoseEncoding: 'a helper legacyEncoding uses',
  vnDate: 'a field builder: `type: date`, `format`, `missingValues: vn`',
  tableAt: 'selects a dated table in code',
};

describe('the Vietnamese pack in files', () => {
  it('names every rule factory of ddss/vn, as a field rule or a dataset rule', () => {
    const functions = Object.entries(vn).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const unnamed = functions.filter((k) => !Object.hasOwn(VN_FIELD_RULES, k) && !Object.hasOwn(VN_DATASET_RULES, k) && !Object.hasOwn(NOT_RULES, k));
    expect(unnamed).toEqual([]);
    for (const k of [...Object.keys(VN_FIELD_RULES), ...Object.keys(VN_DATASET_RULES)]) expect(functions).toContain(k);
  });

  // [the field in YAML, the same field in TypeScript, values to check]: the two reports must be identical.
  const fieldCases: [string, () => FieldSpecData, readonly unknown[]][] = [
    ['{ type: text, required: true, pii: true, vn: [cccd, cccdPlausible, cmndRetired] }',
      () => field.text().required().pii().use(vn.cccd(), vn.cccdPlausible(), vn.cmndRetired()), ['001099012345', '123456789', '00109901234', '']],
    ['{ type: text, vn: [{ cccd: { acceptCmnd: true, severity: warning, threshold: 0.5 } }] }',
      () => field.text().use(vn.cccd({ acceptCmnd: true, severity: 'warning', threshold: 0.5 })), ['123456789', 'x']],
    ["{ type: text, vn: [{ province: { scheme: '2025-07-01' } }, provinceCurrent] }",
      () => field.text().use(vn.province({ scheme: '2025-07-01' }), vn.provinceCurrent()), ['01', '02', '79', '99']],
    ['{ type: text, vn: [{ mst: { acceptPersonalId: false } }] }',
      () => field.text().use(vn.mst({ acceptPersonalId: false })), ['0100109106', '001099012345', '0100109106-001']],
    ['{ type: text, vn: [mstDashed, { mst: { message: { en: "bad tax code", vi: "sai MST" } } }] }',
      () => field.text().use(vn.mstDashed(), vn.mst({ message: { en: 'bad tax code', vi: 'sai MST' } })), ['0100109106001', '12']],
    ['{ type: text, vn: [bhxh, bhxhProvince, cmnd] }', () => field.text().use(vn.bhxh(), vn.bhxhProvince(), vn.cmnd()), ['0123456789', '12']],
    ['{ type: text, vn: [bhyt, { bhytObjectCode: { at: "2024-01-01" } }, { bhytBenefitLevel: { criterion: clean } }] }',
      () => field.text().use(vn.bhyt(), vn.bhytObjectCode({ at: new Date('2024-01-01T00:00:00Z') }), vn.bhytBenefitLevel({ criterion: 'clean' })),
      ['DN4010123456789', 'ZZ9010123456789', 'x']],
    ['{ type: text, vn: [{ phone: { kind: mobile, hotlines: false } }, phonePrefix] }',
      () => field.text().use(vn.phone({ kind: 'mobile', hotlines: false }), vn.phonePrefix()), ['0912345678', '19001234', '01234567890']],
    ['{ type: text, vn: [postalCode, { postalProvince: { provinceField: p } }] }',
      () => field.text().use(vn.postalCode(), vn.postalProvince({ provinceField: 'p' })), ['10000', '70000', '1']],
    ['{ type: text, vn: [commune, { noDistrictLevel: { since: "2025-07-01" } }] }',
      () => field.text().use(vn.commune(), vn.noDistrictLevel({ since: '2025-07-01' })), ['00004', '4', 'Quận 1']],
    ['{ type: text, vn: [{ landUseCode: { scheme: "2013", strict: true } }, { landUseCodeProvisional: { scheme: "2013" } }, landUseCodeCurrent] }',
      () => field.text().use(vn.landUseCode({ scheme: '2013', strict: true }), vn.landUseCodeProvisional({ scheme: '2013' }), vn.landUseCodeCurrent()),
      ['ONT', 'LUC', 'XYZ']],
    ['{ type: text, vn: [gcnSerial, { landUseTerm: { format: dd/MM/yyyy } }] }',
      () => field.text().use(vn.gcnSerial(), vn.landUseTerm({ format: 'dd/MM/yyyy' })), ['CS 123456', 'LAU_DAI', '31/12/2070', '?']],
    ['{ type: text, vn: [nfc, legacyEncoding, { whitespace: { multiline: true } }, { vnName: { allowApostrophe: false, allowHyphen: false } }] }',
      () => field.text().use(vn.nfc(), vn.legacyEncoding(), vn.whitespace({ multiline: true }), vn.vnName({ allowApostrophe: false, allowHyphen: false })),
      ['Nguyễn Văn An', "H'Hen Niê", 'NguyÔn V¨n', 'An  Bình', 'Nguye\u0302\u0303n']],
    ['{ type: text, vn: [{ whitespace: { severity: warning, skipLegacyEncoded: true } }, { vnName: { skipLegacyEncoded: true } }] }',
      () => {
        const when = readableText('a');
        return field.text().use(vn.whitespace({ severity: 'warning', when }), vn.vnName({ when }));
      }, ['NguyÔn  V¨n', 'An  Bình', 'x1']],
    ['{ type: any, vn: [{ excelSerial: { format: yyyy-MM-dd, earliest: "2000-01-01", latest: "2030-12-31" } }] }',
      () => field.any().use(vn.excelSerial({ format: 'yyyy-MM-dd', earliest: new Date('2000-01-01T00:00:00Z'), latest: new Date('2030-12-31T00:00:00Z') })),
      ['45123', '3000', '01/01/2020']],
    // Without the dataset's communes, provinceField waits for them: the format is checked, as by vn.commune().
    ['{ type: text, vn: [{ commune: { provinceField: p } }] }', () => field.text().use(vn.commune()), ['00004', '4']],
    ['{ type: text, vn: [{ cccd: { id: a.personal } }] }', () => field.text().use(vn.cccd({ id: 'a.personal' })), ['1']],
    ['{ type: text, vn: [email, { emailDomainLowercase: { severity: info } }] }',
      () => field.text().use(vn.email(), vn.emailDomainLowercase({ severity: 'info' })), ['info@congty.vn', 'Info@CongTy.VN', 'x@', 'a b@c.vn']],
    // canonical.name: `Hòa` and `HOÀ  ` are one name.
    ['{ type: text, unique: { normalize: name } }', () => field.text().unique({ normalize: vn.canonical.name }), ['Công ty Hòa Bình', 'CÔNG TY HOÀ  BÌNH', 'Công ty Hóa Bình']],
  ];

  it.each(fieldCases)('%s reports as its TypeScript twin', async (spec, ts, values) => {
    const fromFile = yaml(`name: x\nfields:\n  p: { type: text }\n  a: ${spec}\n`);
    const twin = defineDataset({ name: 'x', fields: { p: field.text(), a: ts() } });
    const rows = values.map((a) => ({ p: '01', a }));
    expect(await report(fromFile, rows)).toBe(await report(twin, rows));
    const ids = (d: DatasetDefinition) => (d.fields.a?.rules ?? []).map((r: FieldRule) => r.id ?? `a.${r.name}`);
    expect(ids(fromFile)).toEqual(ids(twin));
  });

  it('selects the province list by a date field of the row, as province({ dateField })', async () => {
    const fromFile = yaml('name: x\nfields:\n  d: { type: date, format: dd/MM/yyyy }\n  a: { type: text, vn: [{ province: { dateField: d } }, provinceCurrent] }\n');
    const twin = defineDataset({ name: 'x', fields: { d: field.date('dd/MM/yyyy'), a: field.text().use(vn.province({ dateField: 'd' }), vn.provinceCurrent()) } });
    // 27 (Ninh Bình's pre-2025 code, retired): fine for 2010, unknown for a registration of 02/10/2025.
    const rows = [{ d: '01/01/2010', a: '27' }, { d: '02/10/2025', a: '27' }, { d: '02/10/2025', a: '01' }, { d: '', a: '99' }];
    const a = await report(fromFile, rows);
    expect(a).toBe(await report(twin, rows));
    expect((JSON.parse(a) as { rules: { id: string; failed: number }[] }).rules.find((r) => r.id === 'a.province')?.failed).toBe(2);
  });

  it.each([
    ["{ province: { scheme: '2025-07-01', dateField: d } }", 'fields.a.vn[0].province: province takes a scheme or a dateField, not both'],
    ["{ noDistrictLevel: { since: 'soon' } }", 'fields.a.vn[0].noDistrictLevel:'],
  ])('%s: what the factory refuses is a definition error naming the path', (entry, message) => {
    const e = (() => {
      try {
        return yaml(`name: x\nfields:\n  d: { type: date }\n  a: { type: text, vn: [${entry}] }\n`);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(DefinitionError);
    expect((e as DefinitionError).message.startsWith(message)).toBe(true);
  });

  // A misspelt column would leave the rule judging every row without it (province as 'auto', no province agreement).
  it.each([
    ['{ province: { dateField: registerd } }', 'fields.a.vn[0].province.dateField: unknown field "registerd"'],
    ['{ landUseCode: { dateField: d2 } }', 'fields.a.vn[0].landUseCode.dateField: unknown field "d2"'],
    ['{ landUseCodeProvisional: { dateField: d2 } }', 'fields.a.vn[0].landUseCodeProvisional.dateField: unknown field "d2"'],
    ['{ bhytObjectCode: { dateField: d2 } }', 'fields.a.vn[0].bhytObjectCode.dateField: unknown field "d2"'],
    ['{ bhytBenefitLevel: { dateField: d2 } }', 'fields.a.vn[0].bhytBenefitLevel.dateField: unknown field "d2"'],
    ['{ postalProvince: { provinceField: pv } }', 'fields.a.vn[0].postalProvince.provinceField: unknown field "pv"'],
    ['{ commune: { provinceField: pv } }', 'fields.a.vn[0].commune.provinceField: unknown field "pv"'],
  ])('%s: a column option must name a field of the dataset', (entry, message) => {
    expect(() => yaml(`name: x\nfields:\n  d: { type: date }\n  a: { type: text, vn: [${entry}] }\n`)).toThrow(message);
    // A declared field (here or, with extends, the base's) is accepted.
    const fixed = entry.replace(/registerd|d2/, 'd').replace('pv', 'd');
    expect(() => yaml(`name: x\nfields:\n  d: { type: date }\n  a: { type: text, vn: [${fixed}] }\n`)).not.toThrow();
  });

  it('checks commune codes against the dataset\'s communes (one list: with the province; several: communeCurrent)', async () => {
    const table = loadAdminUnits(COMMUNES);
    const dir = new URL('../../rules/vn/admin/fixtures/', import.meta.url).pathname;
    const one = yaml('name: x\ncommunes: communes-2025.json\nfields:\n  p: { type: text }\n  a: { type: text, vn: [{ commune: { provinceField: p } }] }\n', dir);
    const twin = defineDataset({ name: 'x', fields: { p: field.text(), a: field.text().use(vn.commune({ table, provinceField: 'p' })) } });
    const rows = [{ p: '01', a: '00004' }, { p: '79', a: '00004' }, { p: '01', a: '99999' }];
    expect(await report(one, rows)).toBe(await report(twin, rows));
    const two = yaml('name: x\ncommunes: [communes-2025.json, communes-2025.json]\nfields:\n  a: { type: text, vn: [commune, communeCurrent] }\n', dir);
    const twin2 = defineDataset({ name: 'x', fields: { a: field.text().use(vn.commune({ tables: [table, table] }), vn.communeCurrent({ tables: [table, table] })) } });
    expect(await report(two, rows.map(({ a }) => ({ a })))).toBe(await report(twin2, rows.map(({ a }) => ({ a }))));
  });

  it('refuses communeCurrent with one commune list: no code could ever be retired, so every row would pass', () => {
    const dir = new URL('../../rules/vn/admin/fixtures/', import.meta.url).pathname;
    expect(() => yaml('name: x\ncommunes: communes-2025.json\nfields:\n  a: { type: text, vn: [communeCurrent] }\n', dir))
      .toThrow(/communeCurrent compares dated commune lists: the dataset's communes need the list in force and at least one earlier list/);
  });

  // [the rule in YAML, the same rule in TypeScript, a rule id the rows make fail]: over one set of rows, the reports
  // must be identical.
  const ruleCases: [string, () => DatasetRule, string?][] = [
    ['{ type: vn.idBirthYear, id: id, birthYear: dob }', () => vn.idBirthYear({ id: 'id', birthYear: 'dob' })],
    ['{ type: vn.idGender, id: id, gender: g, genders: { male: ["1"], female: ["2"] }, ruleId: sex }',
      () => vn.idGender({ id: 'id', gender: 'g' }, { genders: { male: ['1'], female: ['2'] }, id: 'sex' })],
    ['{ type: vn.bhytMatchesBhxh, card: card, bhxh: bhxh, severity: warning }', () => vn.bhytMatchesBhxh({ card: 'card', bhxh: 'bhxh' }, { severity: 'warning' })],
    ['{ type: vn.childUnderSix, card: card, dob: dob, validFrom: from, validTo: to, objectCodes: [TX] }',
      () => vn.childUnderSix({ card: 'card', dob: 'dob', validFrom: 'from', validTo: 'to' }, { objectCodes: ['TX'] })],
    ['{ type: vn.salaryInRange, salary: salary, month: month, region: I }', () => vn.salaryInRange({ salary: 'salary', month: 'month' }, { region: 'I' })],
    ['{ type: vn.salaryInRangeProvisional, salary: salary, month: month }', () => vn.salaryInRangeProvisional({ salary: 'salary', month: 'month' })],
    ['{ type: vn.cardNotExpired, status: status, validTo: to, active: [active, A] }', () => vn.cardNotExpired({ status: 'status', validTo: 'to' }, { active: ['active', 'A'] })],
    ['{ type: vn.cardPeriodOrdered, validFrom: from, validTo: to, threshold: 0.5 }', () => vn.cardPeriodOrdered({ validFrom: 'from', validTo: 'to' }, { threshold: 0.5 })],
    ['{ type: vn.datesOrdered, fields: [from, to], upToNow: false }', () => vn.datesOrdered(['from', 'to'], { upToNow: false })],
    ['{ type: vn.oneBhxhPerId, id: id, bhxh: bhxh }', () => vn.oneBhxhPerId({ id: 'id', bhxh: 'bhxh' })],
    ['{ type: vn.vn2000, northField: x, eastField: y }', () => vn.vn2000({ northField: 'x', eastField: 'y' })],
    ['{ type: vn.residentialTermPermanent, code: code, term: term }', () => vn.residentialTermPermanent({ code: 'code', term: 'term' })],
    ['{ type: vn.agriculturalTerm, code: code, term: term, issueDate: from, codes: [LUC], format: dd/MM/yyyy }',
      () => vn.agriculturalTerm({ code: 'code', term: 'term', issueDate: 'from' }, { codes: ['LUC'], format: 'dd/MM/yyyy' })],
    ['{ type: vn.excelSerialIn, column: dob, latest: "2020-01-01", criterion: clean }',
      () => vn.excelSerialIn('dob', { latest: new Date('2020-01-01T00:00:00Z'), criterion: 'clean' })],
    // The enterprise rules: `type` names the rule in a file, so their type column is `typeField`.
    ['{ type: vn.unitCodeMatchesType, code: ec, typeField: t }', () => vn.unitCodeMatchesType({ code: 'ec', type: 't' }), 'unitCodeMatchesType'],
    ['{ type: vn.unitCodeMatchesType, code: ec, typeField: t, units: [CN], enterprises: [HTX], ruleId: unit }',
      () => vn.unitCodeMatchesType({ code: 'ec', type: 't' }, { units: ['CN'], enterprises: ['HTX'], id: 'unit' }), 'unit'],
    ['{ type: vn.capitalPositive, capital: salary, typeField: t }', () => vn.capitalPositive({ capital: 'salary', type: 't' }), 'capitalPositive'],
    ['{ type: vn.capitalPositive, capital: salary, typeField: t, enterprises: [HTX], severity: warning }',
      () => vn.capitalPositive({ capital: 'salary', type: 't' }, { enterprises: ['HTX'], severity: 'warning' }), 'capitalPositive'],
    ['{ type: vn.statusDateRequired, status: st, statusDate: from }', () => vn.statusDateRequired({ status: 'st', statusDate: 'from' }), 'statusDateRequired'],
    ['{ type: vn.statusDateRequired, status: st, statusDate: from, statuses: [active], missingValues: ["??"] }',
      () => vn.statusDateRequired({ status: 'st', statusDate: 'from' }, { statuses: ['active'], missingValues: ['??'] }), 'statusDateRequired'],
    ['{ type: vn.statusDateRequired, status: st, statusDate: from, missingValues: vn, criterion: clean }',
      () => vn.statusDateRequired({ status: 'st', statusDate: 'from' }, { missingValues: vn.VN_MISSING_VALUES, criterion: 'clean' }), 'statusDateRequired'],
    ['{ type: vn.enterpriseNameUnique, name: nm, province: p, status: st, typeField: t }',
      () => vn.enterpriseNameUnique({ name: 'nm', province: 'p', status: 'st', type: 't' })],
    ['{ type: vn.enterpriseNameUnique, name: nm, province: p, status: st, typeField: t, active: [active, suspended], enterprises: [CP, CN], ruleId: same-name }',
      () => vn.enterpriseNameUnique({ name: 'nm', province: 'p', status: 'st', type: 't' }, { active: ['active', 'suspended'], enterprises: ['CP', 'CN'], id: 'same-name' }),
      'same-name'],
    ['{ type: vn.suspensionWithinYear, status: st, statusDate: from }', () => vn.suspensionWithinYear({ status: 'st', statusDate: 'from' }), 'suspensionWithinYear'],
    ['{ type: vn.suspensionWithinYear, status: st, statusDate: from, suspended: [revoked] }',
      () => vn.suspensionWithinYear({ status: 'st', statusDate: 'from' }, { suspended: ['revoked'] }), 'suspensionWithinYear'],
    ['{ type: vn.closedNotEdited, status: st, statusDate: from, updatedAt: up }',
      () => vn.closedNotEdited({ status: 'st', statusDate: 'from', updatedAt: 'up' }), 'closedNotEdited'],
    ['{ type: vn.closedNotEdited, status: st, statusDate: from, updatedAt: up, closed: [suspended], graceDays: 0 }',
      () => vn.closedNotEdited({ status: 'st', statusDate: 'from', updatedAt: 'up' }, { closed: ['suspended'], graceDays: 0 }), 'closedNotEdited'],
  ];
  const FIELDS = `
  id: { type: text }
  dob: { type: date, format: dd/MM/yyyy }
  g: { type: text }
  card: { type: text }
  bhxh: { type: text }
  from: { type: date, format: dd/MM/yyyy }
  to: { type: date, format: dd/MM/yyyy }
  salary: { type: integer }
  month: { type: date, format: MM/yyyy }
  status: { type: text }
  x: { type: number }
  y: { type: number }
  code: { type: text }
  term: { type: text }
  ec: { type: text }
  t: { type: text }
  nm: { type: text }
  p: { type: text }
  st: { type: text }
  up: { type: datetime }
`;
  const tsFields = () => ({
    id: field.text(), dob: field.date('dd/MM/yyyy'), g: field.text(), card: field.text(), bhxh: field.text(),
    from: field.date('dd/MM/yyyy'), to: field.date('dd/MM/yyyy'), salary: field.integer(), month: field.date('MM/yyyy'),
    status: field.text(), x: field.number(), y: field.number(), code: field.text(), term: field.text(),
    ec: field.text(), t: field.text(), nm: field.text(), p: field.text(), st: field.text(), up: field.datetime(),
  });
  // Enterprise columns: code, type, name, province, status (its date is `from`) and updated-at.
  const ent = (ec: string, t: string, nm: string, st: string, up: string) => ({ ec, t, nm, p: '01', st, up });
  const ROWS = [
    { id: '001099012345', dob: '01/01/1999', g: '1', card: 'TE1010123456789', bhxh: '0123456789', from: '01/01/2025', to: '31/12/2024',
      salary: '3000000', month: '03/2026', status: 'active', x: '2300000', y: '500000', code: 'ONT', term: '31/12/2070',
      ...ent('0100109106', 'CN', 'Công ty Hòa Bình', 'suspended', '2026-11-01T00:00:00Z') },
    { id: '001199012345', dob: '45123', g: 'Nam', card: 'DN4010123456788', bhxh: '0123456789', from: '01/01/2020', to: '31/12/2030',
      salary: '0', month: '03/2026', status: 'A', x: '1', y: '1', code: 'LUC', term: 'LAU_DAI',
      ...ent('0100109106-001', 'CP', 'CÔNG TY HOÀ  BÌNH', 'active', '2026-11-01T00:00:00Z') },
    { id: '001199012345', dob: '01/01/2024', g: '2', card: 'TE1010123456780', bhxh: '0123456780', from: '01/01/2024', to: '31/12/2031',
      salary: '5000000', month: '07/2026', status: 'closed', x: '1200000', y: '600000', code: 'LUC', term: '01/01/2090',
      ...ent('0100109106', 'CP', 'Công ty An Phú', 'revoked', '2026-11-01T00:00:00Z') },
    { id: '', dob: '', g: '', card: '', bhxh: '', from: '00/00/0000', to: '', salary: '0', month: '', status: '', x: '', y: '', code: '', term: '',
      ...ent('', 'HTX', '', 'dissolving', '') },
    { id: '', dob: '', g: '', card: '', bhxh: '', from: '??', to: '', salary: '', month: '', status: '', x: '', y: '', code: '', term: '',
      ...ent('0100109106', 'HTX', '', 'active', '') },
  ];

  it.each(ruleCases)('%s reports as its TypeScript twin', async (spec, ts, fails) => {
    const fromFile = yaml(`name: x\nfields:${FIELDS}rules:\n  - ${spec}\n`);
    const twin = defineDataset({ name: 'x', fields: tsFields(), rules: [ts()] });
    const a = await report(fromFile, ROWS);
    expect(a).toBe(await report(twin, ROWS));
    // Not vacuous: the rows make the rule fail.
    if (fails !== undefined) expect((JSON.parse(a) as { rules: { id: string; failed: number }[] }).rules.find((r) => r.id === fails)?.failed).toBeGreaterThan(0);
  });

  it.each([
    ['{ type: vn.capitalPositive, capital: salary }', 'rules[0]: missing required key "typeField"'],
    ['{ type: vn.closedNotEdited, status: st, statusDate: from, updatedAt: up, graceDays: -1 }', 'rules[0].graceDays: must be >= 0'],
    ['{ type: vn.enterpriseNameUnique, name: nm, province: nowhere, status: st, typeField: t }', 'rules[0].province: unknown field "nowhere"'],
    ['{ type: vn.unitCodeMatchesType, code: ec, typeField: kind }', 'rules[0].typeField: unknown field "kind"'],
  ])('%s → %s', (spec, message) => {
    expect(() => yaml(`name: x\nfields:${FIELDS}rules:\n  - ${spec}\n`)).toThrow(message);
  });
});
