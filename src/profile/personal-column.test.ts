import { describe, expect, it } from 'vitest';
import { nameSaysIdentifiers, personalColumnName } from './personal-column.js';

describe('personalColumnName', () => {
  it.each([
    'owner_name', 'owner_id', 'owner_birth_year', 'owner_address', 'full_name', 'dob', 'birth_date', 'death_date', 'phone',
    'email', 'rep_name', 'rep_id', 'bhxh_no', 'bhyt_card_no', 'address', 'ownerName', 'firstName',
    'Họ và tên', 'Ngày sinh', 'Năm sinh', 'Số CCCD', 'Địa chỉ', 'Số điện thoại', 'Số BHXH', 'Tên chủ sử dụng',
    'Nơi cư trú', 'Chỗ ở', 'Chỗ ở hiện nay', 'Nơi ở hiện tại', 'Địa chỉ thường trú', 'Hộ khẩu', 'Hộ khẩu thường trú', 'HKTT',
    'Trú quán', 'Nguyên quán', 'noi_cu_tru', 'cho_o', 'noi_o_hien_tai', 'NoiCuTru', 'domicile',
  ])('%s names personal data', (name) => {
    expect(personalColumnName(name)).toBe(true);
  });

  it.each([
    'parcel_id', 'province_code', 'commune_code', 'land_use_code', 'gcn_serial', 'gcn_issue_date', 'updated_at', 'gender',
    'employer_tax_code', 'enterprise_code', 'name', 'id', 'status_date', 'Mã số thuế', 'Tên doanh nghiệp', 'Số thửa', 'Tên xã',
    'STT', 'company_name', 'file_name', 'Số chỗ ô tô', 'Giao hàng nội ô', 'Nơi cấp', 'Nơi làm việc',
  ])('%s does not', (name) => {
    expect(personalColumnName(name)).toBe(false);
  });
});

describe('nameSaysIdentifiers', () => {
  it.each(['so_bhxh', 'Số CMND', 'owner_id', 'insurance_no', 'Mã số bảo hiểm', 'identity_no', 'Số giấy tờ', 'so_chung_minh', 'CMTND'])(
    '%s names identity or insurance numbers', (name) => {
      expect(nameSaysIdentifiers(name)).toBe(true);
    });

  it.each(['von_dieu_le', 'charter_capital', 'so_lao_dong', 'amount', 'id', 'c1', 'Tổng tiền', 'quy_xa_hoi'])('%s does not', (name) => {
    expect(nameSaysIdentifiers(name)).toBe(false);
  });
});
