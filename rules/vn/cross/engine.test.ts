import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, toJson, validate } from '../../../src/index.js';
import { VN_MISSING_VALUES } from '../dates/missing-values.js';
import { oneBhxhPerId } from './one-bhxh-per-id.js';
import { idBirthYear } from './id-birth-year.js';
import { idGender } from './id-gender.js';
import { cardNotExpired } from './card-not-expired.js';
import { salaryInRange } from './salary-in-range.js';
import { salaryInRangeProvisional } from './salary-in-range-provisional.js';
import { bhytMatchesBhxh } from './bhyt-matches-bhxh.js';

const now = new Date('2026-11-22T00:00:00Z');

const participants = defineDataset({
  name: 'insurance-participants',
  key: 'bhxh_no',
  missingValues: VN_MISSING_VALUES,
  fields: {
    bhxh_no: field.text().required(),
    dob: field.date('dd/MM/yyyy').required().pii(),
    gender: field.text().required(),
    id_no: field.text().required().pii(),
    bhyt_card_no: field.text().required(),
    card_valid_to: field.date('dd/MM/yyyy').required(),
    contribution_salary: field.integer(),
    contribution_month: field.date('MM/yyyy'),
    status: field.enum(['active', 'suspended', 'closed']).required(),
  },
  rules: [
    oneBhxhPerId({ id: 'id_no', bhxh: 'bhxh_no' }),
    idBirthYear({ id: 'id_no', birthYear: 'dob' }),
    idGender({ id: 'id_no', gender: 'gender' }),
    bhytMatchesBhxh({ card: 'bhyt_card_no', bhxh: 'bhxh_no' }),
    cardNotExpired({ status: 'status', validTo: 'card_valid_to' }),
    salaryInRange({ salary: 'contribution_salary', month: 'contribution_month' }),
    salaryInRangeProvisional({ salary: 'contribution_salary', month: 'contribution_month' }),
  ],
});

const row = (bhxh: string, dob: string, gender: string, id: string, to: string, salary: string, month: string, status = 'active') => ({
  bhxh_no: bhxh, dob, gender, id_no: id, bhyt_card_no: `DN401${bhxh}`, card_valid_to: to, contribution_salary: salary,
  contribution_month: month, status,
});

const rows = [
  row('0100000001', '15/03/1989', 'Nam', '001089012345', '31/12/2026', '8000000', '10/2026'),
  row('7900000002', '02/09/2001', 'Nữ', '079301123456', '31/12/2026', '12000000', '11/2026'),
  row('0100000003', '15/03/1990', 'Nam', '001089012345', '31/12/2026', '3000000', '03/2026'),
  row('0100000004', '20/11/1975', 'Nữ', '001175000004', '30/06/2026', '52000000', '08/2026'),
  row('0100000005', '20/11/1975', 'Nam', '012345678', '31/12/2025', '', 'N/A', 'closed'),
  row('0100000006', '01/01/1900', 'Nữ', '001175000006', '31/12/2026', '47000000', '06/2026'),
];

const rule = (report: Awaited<ReturnType<typeof validate>>, id: string) => {
  const r = report.rules.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no rule ${id}`);
  return r;
};

describe('Vietnamese cross-field rules through the engine', () => {
  it('reports exactly the defective rows, and nothing on the valid ones', async () => {
    const report = await validate(participants, rows, { now });
    expect(rule(report, 'oneBhxhPerId')).toMatchObject({ checked: 6, failed: 2, criterion: 'clean' });
    expect(rule(report, 'oneBhxhPerId').samples.map((s) => [s.row, s.code, s.key])).toEqual([
      [0, 'id_with_several_bhxh', '0100000001'], [2, 'id_with_several_bhxh', '0100000003'],
    ]);
    // Row 5's dob is a placeholder (missing): not checked; the CMND row is checked and skipped.
    expect(rule(report, 'idBirthYear')).toMatchObject({ checked: 5, failed: 1 });
    expect(rule(report, 'idBirthYear').samples[0]).toMatchObject({ row: 2, code: 'id_birth_year_mismatch', field: 'dob' });
    expect(rule(report, 'idBirthYear').samples[0]?.suggestion).not.toBe('1989');
    expect(rule(report, 'idGender')).toMatchObject({ checked: 6, failed: 0 });
    expect(rule(report, 'bhytMatchesBhxh')).toMatchObject({ checked: 6, failed: 0 });
    expect(rule(report, 'cardNotExpired')).toMatchObject({ checked: 6, failed: 1, criterion: 'live' });
    expect(rule(report, 'cardNotExpired').samples.map((s) => s.row)).toEqual([3]);
    expect(rule(report, 'salaryInRange')).toMatchObject({ checked: 5, failed: 2, severity: 'error' });
    expect(rule(report, 'salaryInRange').samples.map((s) => [s.row, s.code])).toEqual([
      [2, 'salary_below_minimum'], [5, 'salary_above_cap'],
    ]);
    expect(rule(report, 'salaryInRangeProvisional')).toMatchObject({ checked: 3, failed: 1, severity: 'warning' });
    expect(rule(report, 'salaryInRangeProvisional').samples.map((s) => [s.row, s.code])).toEqual([[3, 'salary_above_cap']]);
  });

  it('renders Vietnamese messages', async () => {
    const report = await validate(participants, rows, { now, locale: 'vi' });
    expect(rule(report, 'salaryInRange').samples[0]?.message).toContain('3.700.000');
    expect(rule(report, 'oneBhxhPerId').samples[0]?.message).toContain('mã số BHXH');
  });

  it('gives the same report when shards are validated apart and merged', async () => {
    const whole = toJson(await validate(participants, rows, { now }));
    for (let cut = 0; cut <= rows.length; cut++) {
      const a = createValidator(participants, { now });
      const b = createValidator(participants, { now });
      a.addMany(rows.slice(0, cut));
      b.addMany(rows.slice(cut));
      a.merge(structuredClone(b.state()));
      expect(toJson(a.finish({ kind: 'array' }))).toBe(whole);
    }
  });
});
