import { describe, expect, it } from 'vitest';
import { enterpriseNameUnique } from './enterprise-name-unique.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';
import { findings } from '../../datasets/_findings.js';

const def = defineDataset({
  name: 't',
  fields: { name: field.text(), province_code: field.text(), status: field.text(), type: field.text() },
  rules: [enterpriseNameUnique({ name: 'name', province: 'province_code', status: 'status', type: 'type' })],
});
const now = new Date('2026-11-22');
const row = (name: string, province_code = '01', status = 'active', type = 'CP') => ({ name, province_code, status, type });

describe('enterpriseNameUnique', () => {
  it('names every active enterprise of a province sharing a name, whatever its case, spacing or tone placement', async () => {
    const rows = [row('Công ty Cổ phần Hòa Bình'), row('CÔNG TY CỔ PHẦN HOÀ  BÌNH'), row('Công ty Cổ phần Hòa Bình', '79'),
      row('Công ty Cổ phần Hóa Bình')];
    const { all, report } = await findings(def, rows, now);
    expect(all).toEqual(['0:name+province_code.unique:duplicate_value', '1:name+province_code.unique:duplicate_value']);
    const r = report.rules.find((x) => x.id === 'name+province_code.unique');
    expect([r?.criterion, r?.severity, r?.checked]).toEqual(['clean', 'warning', 4]);
  });

  it('compares only active enterprises, not units nor closed ones', async () => {
    const rows = [row('Công ty A'), row('Công ty A', '01', 'dissolved'), row('Công ty A', '01', 'active', 'CN'),
      row('Công ty A', '01', 'suspended', 'TNHH1TV')];
    const { all, report } = await findings(def, rows, now);
    expect(all).toEqual([]);
    expect(report.rules.find((x) => x.id === 'name+province_code.unique')?.checked).toBe(1);
  });

  it('takes its own active statuses and enterprise types, and the common options', async () => {
    const custom = defineDataset({
      name: 't', fields: def.fields,
      rules: [enterpriseNameUnique({ name: 'name', province: 'province_code', status: 'status', type: 'type' },
        { active: ['Đang hoạt động'], enterprises: ['HTX'], severity: 'error', id: 'sameName' })],
    });
    const rows = [row('HTX Nông nghiệp', '01', 'Đang hoạt động', 'HTX'), row('htx nông nghiệp', '01', 'Đang hoạt động', 'HTX')];
    const { all, report } = await findings(custom, rows, now);
    expect(all).toEqual(['0:sameName:duplicate_value', '1:sameName:duplicate_value']);
    expect(report.rules.find((x) => x.id === 'sameName')?.severity).toBe('error');
  });
});
