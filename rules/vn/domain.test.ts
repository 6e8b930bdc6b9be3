import { describe, expect, it } from 'vitest';
import { domain } from './domain.js';
import { builtinCodes } from '../../src/core/message.js';
import type { Rule } from '../../src/core/types.js';
import { LAND_USE_CODES_2013 } from './tables/land-use-codes.js';

const table = { version: 't', validFrom: '2025-07-01', source: 's', entries: [{ code: '00004', name: 'Phường Ba Đình', province: '01' }] };

/** One rule from every rule factory of the domain (a factory missing here fails the coverage test below). */
const rules: Record<string, Rule> = {
  province: domain.province(), provinceCurrent: domain.provinceCurrent(), commune: domain.commune({ table, provinceField: 'p' }),
  communeCurrent: domain.communeCurrent({ tables: [{ ...table, validFrom: '2008-01-01' }, table] }), noDistrictLevel: domain.noDistrictLevel(),
  landUseCode: domain.landUseCode(), landUseCodeProvisional: domain.landUseCodeProvisional(), landUseCodeCurrent: domain.landUseCodeCurrent(), gcnSerial: domain.gcnSerial(),
  vn2000: domain.vn2000({ northField: 'x', eastField: 'y' }), landUseTerm: domain.landUseTerm(),
  residentialTermPermanent: domain.residentialTermPermanent({ code: 'c', term: 't' }),
  agriculturalTerm: domain.agriculturalTerm({ code: 'c', term: 't', issueDate: 'd' }),
  vnName: domain.vnName(), nfc: domain.nfc(), legacyEncoding: domain.legacyEncoding(), whitespace: domain.whitespace(),
  excelSerial: domain.excelSerial(), excelSerialIn: domain.excelSerialIn('d'),
  idBirthYear: domain.idBirthYear({ id: 'i', birthYear: 'y' }), idGender: domain.idGender({ id: 'i', gender: 'g' }),
  bhytMatchesBhxh: domain.bhytMatchesBhxh({ card: 'c', bhxh: 'b' }),
  childUnderSix: domain.childUnderSix({ card: 'c', dob: 'd', validFrom: 'f', validTo: 't' }),
  salaryInRange: domain.salaryInRange({ salary: 's', month: 'm' }),
  salaryInRangeProvisional: domain.salaryInRangeProvisional({ salary: 's', month: 'm' }),
  cardNotExpired: domain.cardNotExpired({ status: 's', validTo: 't' }),
  cardPeriodOrdered: domain.cardPeriodOrdered({ validFrom: 'f', validTo: 't' }),
  datesOrdered: domain.datesOrdered(['a', 'b']), oneBhxhPerId: domain.oneBhxhPerId({ id: 'i', bhxh: 'b' }),
  // six rules sharing one message table: the first stands for them (each rule's code is tested in verify-person.test.ts)
  verifyPerson: domain.verifyPerson({ id: 'i', name: 'n', birthYear: 'y', gender: 'g' }, { register: 'population' })[0] as Rule,
  unitCodeMatchesType: domain.unitCodeMatchesType({ code: 'c', type: 't' }),
  capitalPositive: domain.capitalPositive({ capital: 'c', type: 't' }),
  statusDateRequired: domain.statusDateRequired({ status: 's', statusDate: 'd' }),
  enterpriseNameUnique: domain.enterpriseNameUnique({ name: 'n', province: 'p', status: 's', type: 't' }),
  suspensionWithinYear: domain.suspensionWithinYear({ status: 's', statusDate: 'd' }),
  closedNotEdited: domain.closedNotEdited({ status: 's', statusDate: 'd', updatedAt: 'u' }),
};

const notRules = new Set(['parseAdminUnits', 'loadAdminUnits', 'importAdminUnits', 'diagnoseEncoding', 'vnDate',
  'VN_MISSING_VALUES', 'landUseCodeTables', 'LAND_USE_CODES_2013', 'LAND_USE_CODES_2024', 'baseSalaryTables',
  'regionalMinimumWageTables']);

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('the Vietnamese domain catalogue', () => {
  it('covers every rule factory', () => {
    expect(Object.keys(domain).filter((k) => !notRules.has(k)).sort()).toEqual(Object.keys(rules).sort());
  });

  it.each(Object.entries(rules))('%s ships en and vi messages for every code it declares', (_name, rule) => {
    const messages = rule.messages ?? {};
    const own = Object.keys(messages);
    expect(own.length).toBeGreaterThan(0);
    if (rule.code !== undefined) expect([...own, ...builtinCodes()]).toContain(rule.code);
    for (const [code, m] of Object.entries(messages)) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(m.en.trim()).not.toBe('');
      expect(m.vi).toMatch(VIETNAMESE);
      expect(m.vi).not.toBe(m.en);
      expect(placeholders(m.vi), `${code}: same placeholders in en and vi`).toEqual(placeholders(m.en));
    }
  });

  it.each(Object.entries(rules))('%s has one criterion and one severity', (_name, rule) => {
    expect(['correct', 'sufficient', 'clean', 'live']).toContain(rule.criterion);
    expect(['error', 'warning']).toContain(rule.severity);
  });

  it('marks warn-only and uncertain rules as warnings', () => {
    expect(rules.salaryInRangeProvisional?.severity).toBe('warning');
    expect(rules.agriculturalTerm?.severity).toBe('warning');
    expect(rules.gcnSerial?.severity).toBe('warning');
    expect(rules.noDistrictLevel?.severity).toBe('warning');
    expect(rules.landUseCode?.severity).toBe('warning');
    expect(rules.landUseCodeProvisional?.severity).toBe('warning');
    expect(domain.baseSalaryTables.find((t) => t.validFrom === '2026-07-01')?.entries.warnOnly).toBe(true);
    expect(LAND_USE_CODES_2013.source).toMatch(/unverified/);
  });
});
