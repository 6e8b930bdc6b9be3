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
  ];

  it.each(fieldCases)('%s reports as its TypeScript twin', async (spec, ts, values) => {
    const fromFile = yaml(`name: x\nfields:\n  p: { type: text }\n  a: ${spec}\n`);
    const twin = defineDataset({ name: 'x', fields: { p: field.text(), a: ts() } });
    const rows = values.map((a) => ({ p: '01', a }));
    expect(await report(fromFile, rows)).toBe(await report(twin, rows));
    const ids = (d: DatasetDefinition) => (d.fields.a?.rules ?? []).map((r: FieldRule) => r.id ?? `a.${r.name}`);
    expect(ids(fromFile)).toEqual(ids(twin));
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

  // [the rule in YAML, the same rule in TypeScript]: over one set of rows, the reports must be identical.
  const ruleCases: [string, () => DatasetRule][] = [
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
`;
  const tsFields = () => ({
    id: field.text(), dob: field.date('dd/MM/yyyy'), g: field.text(), card: field.text(), bhxh: field.text(),
    from: field.date('dd/MM/yyyy'), to: field.date('dd/MM/yyyy'), salary: field.integer(), month: field.date('MM/yyyy'),
    status: field.text(), x: field.number(), y: field.number(), code: field.text(), term: field.text(),
  });
  const ROWS = [
    { id: '001099012345', dob: '01/01/1999', g: '1', card: 'TE1010123456789', bhxh: '0123456789', from: '01/01/2025', to: '31/12/2024',
      salary: '3000000', month: '03/2026', status: 'active', x: '2300000', y: '500000', code: 'ONT', term: '31/12/2070' },
    { id: '001199012345', dob: '45123', g: 'Nam', card: 'DN4010123456788', bhxh: '0123456789', from: '01/01/2020', to: '31/12/2030',
      salary: '99000000', month: '03/2026', status: 'A', x: '1', y: '1', code: 'LUC', term: 'LAU_DAI' },
    { id: '001199012345', dob: '01/01/2024', g: '2', card: 'TE1010123456780', bhxh: '0123456780', from: '01/01/2024', to: '31/12/2031',
      salary: '5000000', month: '07/2026', status: 'closed', x: '1200000', y: '600000', code: 'LUC', term: '01/01/2090' },
  ];

  it.each(ruleCases)('%s reports as its TypeScript twin', async (spec, ts) => {
    const fromFile = yaml(`name: x\nfields:${FIELDS}rules:\n  - ${spec}\n`);
    const twin = defineDataset({ name: 'x', fields: tsFields(), rules: [ts()] });
    expect(await report(fromFile, ROWS)).toBe(await report(twin, ROWS));
  });
});
