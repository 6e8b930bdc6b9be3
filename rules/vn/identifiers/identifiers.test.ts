import { describe, expect, it } from 'vitest';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';
import { validate } from '../../../src/core/validate.js';
import { identifiers as vn } from '../identifiers.js';
import { NOW } from './_check.js';

const people = defineDataset({
  name: 'people',
  key: 'bhxh_no',
  fields: {
    bhxh_no: field.text().required().use(vn.bhxh(), vn.bhxhProvince()),
    id_no: field.text().pii().use(vn.cccd({ acceptCmnd: true }), vn.cccdPlausible(), vn.cmndRetired()),
    phone: field.text().pii().use(vn.phone(), vn.phonePrefix()),
    card: field.text().use(vn.bhyt(), vn.bhytObjectCode(), vn.bhytBenefitLevel({ dateField: 'card_from' })),
    card_from: field.date('dd/MM/yyyy'),
    tax_code: field.text().use(vn.mst(), vn.mstDashed()),
  },
});

describe('identifier rules in a dataset', () => {
  it('report ids, criteria, severities, masked values and suggestions through the engine', async () => {
    const rows = [
      { bhxh_no: '0123456789', id_no: '001089012345', phone: '0912345678', card: 'DN4010123456789', card_from: '01/01/2025', tax_code: '0100109106' },
      { bhxh_no: '0312345678', id_no: 1089012345, phone: '01621234567', card: 'CN3010312345678', card_from: '01/02/2026', tax_code: '0100109106001' },
      { bhxh_no: '7912345678', id_no: '012345678', phone: '', card: 'HT3797912345678', card_from: '01/01/2025', tax_code: '' },
    ];
    const report = await validate(people, rows, { now: NOW });
    const rule = (id: string) => report.rules.find((r) => r.id === id);
    const failedIds = report.rules.filter((r) => r.failed > 0).map((r) => [r.id, r.criterion, r.severity, r.failed]);
    expect(failedIds).toEqual([
      ['bhxh_no.bhxhProvince', 'correct', 'warning', 1],
      ['id_no.cccd', 'correct', 'error', 1],
      ['id_no.cmndRetired', 'live', 'error', 1],
      ['phone.phonePrefix', 'live', 'error', 1],
      ['card.bhytBenefitLevel', 'correct', 'warning', 1],
      ['tax_code.mstDashed', 'clean', 'warning', 1],
    ]);
    const zero = rule('id_no.cccd')?.samples[0];
    expect(zero).toMatchObject({ code: 'leading_zero_lost', value: '1089****45', suggestion: '0010******45' });
    expect(zero?.message).not.toContain('1089012345');
    expect(rule('phone.phonePrefix')?.samples[0]).toMatchObject({ suggestion: '0321****67' });
    expect(rule('phone.phone')?.checked).toBe(2);
  });

  it('renders Vietnamese messages', async () => {
    const report = await validate(people, [{ bhxh_no: '0123456789', tax_code: '0100109107' }], { now: NOW, locale: 'vi' });
    expect(report.violations[0]?.message).toContain('sai chữ số kiểm tra');
  });
});
