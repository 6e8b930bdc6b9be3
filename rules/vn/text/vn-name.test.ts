import { describe, expect, it } from 'vitest';
import { vnName } from './vn-name.js';
import { codes, runValue } from '../cross/_testkit.js';

describe('vnName', () => {
  it.each([
    ['Nguyễn Văn An'], ['NGUYỄN THỊ HOA'], ['nguyễn thị hoa'], ['Lê Thị Thủy'], ['Lê Thị Thuỷ'], ['Hoàng'],
    ['Ông Ích Khiêm'], ['Ông Văn Tùng'], ['Ông Thị Lan'], ['Tôn Nữ Thị Hà'], ['Nguyễn Thị Minh Khai'], ['Đặng Thị Ngọc Thịnh'],
    ['Nguye\u0302\u0303n Văn An'], ['Y Ngông Niê Kdăm'],
  ])('accepts %s', (name) => {
    expect(runValue(vnName(), name)).toEqual([]);
  });

  it.each([
    ['Nguyễn Văn An 2', ['name_has_digit']],
    ['Nguyễn Văn A.', ['name_has_symbol']],
    ['Trần (Thị) Lan', ['name_has_symbol']],
    ['Lê Văn B, Lê Thị C', ['name_has_symbol']],
    ["H'Hen Niê", ['name_has_symbol']],
    ['Nguyễn-Văn An', ['name_has_symbol']],
    ['Nguyễn  Văn An', ['name_doubled_space']],
    ['Ông Nguyễn Văn An', ['name_has_honorific']],
    ['Bà Lê Thị Hoa', ['name_has_honorific']],
    ['Bà Triệu', ['name_has_honorific']],
    ['BÀ LÊ THỊ HOA', ['name_has_honorific']],
    ['ông Trần Văn Ba', ['name_has_honorific']],
    ['Ông: Phạm Văn Đồng', ['name_has_symbol', 'name_has_honorific']],
    ['Bà. Lê  Thị 3', ['name_has_digit', 'name_has_symbol', 'name_doubled_space', 'name_has_honorific']],
  ])('reports %s as %j', (name, expected) => {
    expect(codes(runValue(vnName(), name))).toEqual(expected);
  });

  it.each([["H'Hen Niê", { allowApostrophe: true }], ['H’Hen Niê', { allowApostrophe: true }], ['Nguyễn-Văn An', { allowHyphen: true }]])(
    'accepts %s with %j', (name, options) => {
      expect(runValue(vnName(options), name)).toEqual([]);
    });

  it('suggests the name without the honorific, and single spaces', () => {
    expect(runValue(vnName(), 'Ông Nguyễn Văn An')[0]?.suggestion).toBe('Nguyễn Văn An');
    expect(runValue(vnName(), 'Nguyễn   Văn An')[0]?.suggestion).toBe('Nguyễn Văn An');
  });

  it('is a clean rule', () => {
    expect(vnName().criterion).toBe('clean');
  });
});
