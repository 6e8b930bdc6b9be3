import { describe, expect, it } from 'vitest';
import { statusDateRequired } from './status-date-required.js';
import { contextOf, day, expectMessages } from '../cross/_testkit.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';
import { validate } from '../../../src/core/validate.js';

describe('statusDateRequired', () => {
  const rule = statusDateRequired({ status: 'status', statusDate: 'status_date' });
  /** The rule on one row: `typed` is the parsed date (undefined when missing or unreadable), `raw` the cell. */
  const run = (status: string, typed: Date | undefined, raw: unknown) => {
    const row = { status, status_date: typed };
    const out = rule.check(row, contextOf(row, undefined, { status, status_date: raw }));
    const list = (out === undefined ? [] : [out].flat()) as { code: string; field?: string }[];
    expectMessages(rule, list);
    return list;
  };

  it.each([
    ['active', undefined, ''], ['active', undefined, undefined], [' active ', undefined, '00/00/0000'],
    ['dissolved', day('2026-03-01'), '01/03/2026'], ['suspended', day('2026-03-01'), '01/03/2026'],
    // present but unreadable: the field's type error, not a missing value
    ['revoked', undefined, '31/02/2026'], ['dissolving', undefined, 'soon'],
    // a status the column's code list reports needs no date either
    ['Tạm ngừng', undefined, ''],
  ])('passes %s with %s (%j)', (status, typed, raw) => {
    expect(run(status, typed, raw)).toEqual([]);
  });

  it.each([
    ['dissolved', ''], ['suspended', undefined], ['revoked', '  '], ['dissolving', '00/00/0000'], ['suspended', '01/01/1900'],
    [' suspended ', 'N/A'], ['dissolved', null],
  ])('reports %s with %j as missing_value on the status date', (status, raw) => {
    expect(run(status, undefined, raw)).toEqual([{ code: 'missing_value', field: 'status_date', params: { status: status.trim() } }]);
  });

  it('is a sufficient rule with its own statuses and missing values', () => {
    expect(rule.criterion).toBe('sufficient');
    const r = statusDateRequired({ status: 's', statusDate: 'd' }, { statuses: ['dissolved'], missingValues: ['??'] });
    const row = { s: 'dissolving', d: undefined };
    expect(r.check(row, contextOf(row, undefined, { s: 'dissolving', d: '' }))).toBeUndefined();
    const closed = { s: 'dissolved', d: undefined };
    expect(r.check(closed, contextOf(closed, undefined, { s: 'dissolved', d: '??' }))).toEqual({ code: 'missing_value', field: 'd', params: { status: 'dissolved' } });
    expect(r.check(closed, contextOf(closed, undefined, { s: 'dissolved', d: 'N/A' }))).toBeUndefined();
  });

  // The rule reads the status date's raw cell, so the column need not be a field; reading the typed row for it made
  // the rule `error` (its check read a name that is not a field) once record checks were watched.
  it('reads a status-date column the definition does not declare from its raw cell', async () => {
    const def = defineDataset({ name: 'e', columns: 'ignore', fields: { status: field.text() },
      rules: [statusDateRequired({ status: 'status', statusDate: 'status_date' })] });
    const report = await validate(def, [{ status: 'dissolved', status_date: '' }, { status: 'dissolved', status_date: '01/03/2026' }]);
    expect(report.rules.find((r) => r.id === 'statusDateRequired')).toMatchObject({ status: 'failed', checked: 2, failed: 1 });
  });
});
