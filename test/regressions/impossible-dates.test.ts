/**
 * Issue "since: 2025-02-30 is accepted": date options no day could come of were taken as given. `Date` reads
 * 2025-02-30 as 2 March, so `noDistrictLevel` judged from a day nobody wrote; an Invalid Date `at` chose no table
 * (every value passed) and an Invalid Date `earliest`/`latest` made every serial a suggestion; a table of one's own
 * dated 2025-02-30 was compared as text; and a duration with a misspelt unit (`{ dayz: 30 }`), a negative, NaN or
 * fractional count, or no unit at all gave a cutoff nobody meant. Each now throws when the rule is built; a
 * definition file names the path.
 */
import { describe, expect, it } from 'vitest';
import { field, rule } from '../../src/index.js';
import { vn } from '../../rules/vn/index.js';
import { definitionProblem } from '../_definition-problem.js';

const table = (validFrom: string, validTo?: string) =>
  ({ version: 'mine', validFrom, ...(validTo === undefined ? {} : { validTo }), source: 'test', entries: [] as never[] });

describe('date options no day could come of throw when the rule is built', () => {
  it.each<[string, () => unknown]>([
    ['noDistrictLevel since 2025-02-30', () => vn.noDistrictLevel({ since: '2025-02-30' })],
    ['noDistrictLevel since 2025-13-01', () => vn.noDistrictLevel({ since: '2025-13-01' })],
    ['noDistrictLevel since 1/7/2025', () => vn.noDistrictLevel({ since: '1/7/2025' })],
    ['bhytObjectCode at an Invalid Date', () => vn.bhytObjectCode({ at: new Date('soon') })],
    ['bhytBenefitLevel at an Invalid Date', () => vn.bhytBenefitLevel({ at: new Date(Number.NaN) })],
    ['excelSerial earliest an Invalid Date', () => vn.excelSerial({ earliest: new Date('x') })],
    ['excelSerialIn latest an Invalid Date', () => vn.excelSerialIn('a', { latest: new Date('x') })],
    ['province tables validFrom 2025-02-30', () => vn.province({ tables: [table('2025-02-30')] as never })],
    ['provinceCurrent tables validTo 2025-02-30', () => vn.provinceCurrent({ tables: [table('2025-01-01', '2025-02-30')] as never })],
    ['landUseCode tables validTo before validFrom', () => vn.landUseCode({ tables: [table('2025-01-01', '2024-01-01')] as never })],
    ['landUseCodeCurrent tables validFrom 2025/01/01', () => vn.landUseCodeCurrent({ tables: [table('2025/01/01')] as never })],
    ['bhytObjectCode tables validFrom 2024-02-30', () => vn.bhytObjectCode({ tables: [table('2024-02-30')] as never })],
    ['salaryInRange baseSalary validFrom 2024-02-30', () => vn.salaryInRange({ salary: 's', month: 'm' }, { baseSalary: [table('2024-02-30')] as never })],
    ['within { dayz: 30 }', () => field.date().within({ dayz: 30 } as never)],
    ['within { days: -1 }', () => field.date().within({ days: -1 })],
    ['within { days: 1.5 }', () => field.datetime().within({ days: 1.5 })],
    ['within {}', () => field.date().within({})],
    ['freshness { days: NaN }', () => rule.freshness('a', { days: Number.NaN })],
    ['freshness { months: Infinity }', () => rule.freshness('a', { months: Number.POSITIVE_INFINITY })],
  ])('%s', (_, build) => {
    expect(build).toThrow(/^ddss: /);
  });

  it.each<[string, () => unknown]>([
    ['noDistrictLevel since 2024-02-29 (a leap day)', () => vn.noDistrictLevel({ since: '2024-02-29' })],
    ['bhytObjectCode at a Date', () => vn.bhytObjectCode({ at: new Date('2025-01-01') })],
    ['within { days: 0, hours: 12 }', () => field.datetime().within({ days: 0, hours: 12 })],
    ['province tables with sound periods', () => vn.province({ tables: [table('2025-07-01')] as never })],
  ])('still accepts %s', (_, build) => {
    expect(build).not.toThrow();
  });
});

describe('a definition file names the impossible day', () => {
  const problem = definitionProblem;
  it.each([
    ["name: x\nfields:\n  a: { type: text, vn: [{ noDistrictLevel: { since: '2025-02-30' } }] }\n", 'fields.a.vn[0].noDistrictLevel'],
    ['name: x\nfields:\n  a: { type: text, vn: [{ bhytObjectCode: { at: 2025-02-30 } }] }\n', 'fields.a.vn[0].bhytObjectCode.at'],
    ['name: x\nfields:\n  a: { type: date, within: { days: 1.5 } }\n', 'fields.a.within.days'],
  ])('%j → %s', (text, path) => {
    expect(problem(text).path).toBe(path);
  });
});
