import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/types.js';
import { defineDataset } from '../../src/define.js';
import { field } from '../../src/field.js';
import { vn } from './index.js';
import { POSTAL_PREFIXES_2018 } from './identifiers/postal-prefixes.js';
import { BHYT_OBJECT_CODES_2015, BHYT_OBJECT_CODES_2026 } from './tables/bhyt-object-codes.js';
import { LAND_USE_CODES_2013 } from './tables/land-use-codes.js';
import { codes, day, runRecord } from './cross/_testkit.js';

/**
 * The pack's promise (README, DOMAIN-VN): a finding that rests only on a fact marked [warn-only] — an unverified
 * table, an announced figure — is a warning, never an error. Rules built on such facts default to `warning` and
 * refuse `severity: 'error'`; rules mixing verified and unverified facts leave the unverified part to a warning rule.
 */
const salary = { salary: 's', month: 'm' } as const;
const resting: readonly [string, (severity?: 'error' | 'warning') => Rule][] = [
  ['bhxhProvince (issuing-province convention)', (severity) => vn.bhxhProvince(severity ? { severity } : {})],
  ['postalProvince (unverified prefix table)', (severity) => vn.postalProvince(severity ? { severity } : {})],
  ['bhytObjectCode (unverified object codes)', (severity) => vn.bhytObjectCode(severity ? { severity } : {})],
  ['bhytBenefitLevel (CN at level 2 from 1/1/2026)', (severity) => vn.bhytBenefitLevel(severity ? { severity } : {})],
  ['salaryInRangeProvisional (2,530,000 from 1/7/2026)', (severity) => vn.salaryInRangeProvisional(salary, severity ? { severity } : {})],
  ['landUseCodeProvisional (the 2013 code table)', (severity) => vn.landUseCodeProvisional(severity ? { severity } : {})],
];

describe('findings resting on [warn-only] facts are warnings', () => {
  it.each(resting)('%s is a warning by default and refuses severity error', (_name, make) => {
    expect(make().severity).toBe('warning');
    expect(() => make('error')).toThrow(/\[warn-only\].*severity 'error' is refused/);
  });

  // `??` read null as not given: the rule was a warning without a word.
  it('refuses severity null rather than read it as the default warning', () => {
    expect(() => defineDataset({ name: 'x', fields: { b: field.text().use(vn.bhxhProvince({ severity: null } as never)) } }))
      .toThrow(/rule "b\.bhxhProvince": severity must be one of error, warning, info, got null/);
  });

  it('marks the shipped unverified tables and figures', () => {
    expect(LAND_USE_CODES_2013.warnOnly).toBe(true);
    expect(POSTAL_PREFIXES_2018.warnOnly).toBe(true);
    const base2026 = vn.baseSalaryTables.find((t) => t.validFrom === '2026-07-01');
    expect([base2026?.warnOnly, base2026?.entries.warnOnly]).toEqual([true, true]);
    expect(BHYT_OBJECT_CODES_2026.entries.CN).toMatchObject({ defaultLevel: 2, warnOnlyLevel: true });
    expect(BHYT_OBJECT_CODES_2015.entries.CN?.warnOnlyLevel).toBeUndefined();
    expect(Object.values(BHYT_OBJECT_CODES_2026.entries).filter((e) => e.warnOnlyLevel === true)).toHaveLength(1);
  });

  it('accepts severity error where the caller supplies verified tables', () => {
    expect(vn.postalProvince({ table: { ...POSTAL_PREFIXES_2018, warnOnly: false }, severity: 'error' }).severity).toBe('error');
    const verifiedOnly = {
      ...BHYT_OBJECT_CODES_2015,
      entries: Object.fromEntries(Object.entries(BHYT_OBJECT_CODES_2015.entries).filter(([, e]) => e.verified)),
    };
    expect(vn.bhytObjectCode({ tables: [verifiedOnly], severity: 'error' }).severity).toBe('error');
    expect(vn.bhytBenefitLevel({ tables: [BHYT_OBJECT_CODES_2015], severity: 'error' }).severity).toBe('error');
  });

  it('a base-salary table marked warnOnly as a whole is judged only by the provisional rule', () => {
    const tables = [{ version: 'x', validFrom: '2030-01-01', source: 'announced', warnOnly: true, entries: { monthly: 3_000_000 } }];
    const row = { s: 70_000_000, m: day('2030-02-01') };
    expect(codes(runRecord(vn.salaryInRange(salary, { baseSalary: tables }), row))).toEqual([]);
    expect(codes(runRecord(vn.salaryInRangeProvisional(salary, { baseSalary: tables }), row))).toEqual(['salary_above_cap']);
  });
});
