import { describe, expect, it } from 'vitest';
import { personalColumnName } from './personal-column.js';

describe('personalColumnName', () => {
  it.each([
    'owner_name', 'owner_id', 'owner_birth_year', 'owner_address', 'full_name', 'dob', 'birth_date', 'death_date', 'phone',
    'email', 'rep_name', 'rep_id', 'bhxh_no', 'bhyt_card_no', 'address', 'ownerName', 'firstName',
    'Họ và tên', 'Ngày sinh', 'Năm sinh', 'Số CCCD', 'Địa chỉ', 'Số điện thoại', 'Số BHXH', 'Tên chủ sử dụng',
  ])('%s names personal data', (name) => {
    expect(personalColumnName(name)).toBe(true);
  });

  it.each([
    'parcel_id', 'province_code', 'commune_code', 'land_use_code', 'gcn_serial', 'gcn_issue_date', 'updated_at', 'gender',
    'employer_tax_code', 'enterprise_code', 'name', 'id', 'status_date', 'Mã số thuế', 'Tên doanh nghiệp', 'Số thửa', 'Tên xã',
    'STT', 'company_name', 'file_name',
  ])('%s does not', (name) => {
    expect(personalColumnName(name)).toBe(false);
  });
});
