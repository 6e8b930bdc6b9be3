import { describe, expect, it } from 'vitest';
import { vnName, type VnNameOptions } from './vn-name.js';
import { codes, runValue } from '../cross/_testkit.js';

describe('vnName', () => {
  it.each([
    ['Nguyễn Văn An'], ['NGUYỄN THỊ HOA'], ['nguyễn thị hoa'], ['Lê Thị Thủy'], ['Lê Thị Thuỷ'], ['Hoàng'],
    ['Ông Ích Khiêm'], ['Ông Văn Tùng'], ['Ông Thị Lan'], ['Tôn Nữ Thị Hà'], ['Nguyễn Thị Minh Khai'], ['Đặng Thị Ngọc Thịnh'],
    ['Nguye\u0302\u0303n Văn An'], ['Y Ngông Niê Kdăm'],
    // Regression: Ê Đê and Gia Rai names of the Central Highlands were name_has_symbol errors (DOMAIN-VN §6).
    ["H'Hen Niê"], ['Ksor H’Bơ'], ["Ksor H'Bơ"], ['H’Hen Niê'], ["Y'Ngông Niê"], ['Nguyễn-Văn An'], ['Y-Moan Ênuôl'],
    ["H'HEN NIÊ"], ["Rơ Châm H'Lim"],
  ])('accepts %s', (name) => {
    expect(runValue(vnName(), name)).toEqual([]);
  });

  it.each([
    ['Nguyễn Văn An 2', ['name_has_digit']],
    ['Nguyễn Văn A.', ['name_has_symbol']],
    ['Trần (Thị) Lan', ['name_has_symbol']],
    ['Lê Văn B, Lê Thị C', ['name_has_symbol']],
    // Misplaced: an apostrophe or hyphen stands between two letters, once.
    ["'Hen Niê", ['name_has_symbol']], ["Hen Niê'", ['name_has_symbol']], ["H''Hen Niê", ['name_has_symbol']],
    ["H' Hen Niê", ['name_has_symbol']], ["H 'Hen", ['name_has_symbol']], ['Nguyễn- Văn', ['name_has_symbol']],
    ['-Nguyễn Văn', ['name_has_symbol']], ['Nguyễn Văn-', ['name_has_symbol']], ['Nguyễn--Văn', ['name_has_symbol']],
    ["H'-Hen", ['name_has_symbol']], ['H’’Bơ', ['name_has_symbol']], ["Nguyễn 2'Văn", ['name_has_digit', 'name_has_symbol']],
    // Doubled spaces are whitespace's doubled_space: one finding for one defect, never two rules for it.
    ['Nguyễn  Văn An', []],
    // So are zero-width characters (a copy and paste leaves them): they were also a "symbol" shown as nothing.
    ['Nguyễn Văn An\u200b', []], ['Nguyễn\u200bVăn An', []], ['Lê Thị\u00adHoa', []], ['\u2060Lê Thị Hoa\u200d', []],
    ['Nguyễn Văn A.\u200b', ['name_has_symbol']],
    ['Ông Nguyễn Văn An', ['name_has_honorific']],
    ['Bà Lê Thị Hoa', ['name_has_honorific']],
    ['Bà Triệu', ['name_has_honorific']],
    ['BÀ LÊ THỊ HOA', ['name_has_honorific']],
    ['ông Trần Văn Ba', ['name_has_honorific']],
    ['Ông: Phạm Văn Đồng', ['name_has_symbol', 'name_has_honorific']],
    ['Bà. Lê  Thị 3', ['name_has_digit', 'name_has_symbol', 'name_has_honorific']],
    // Every first character an honorific can start with: Ô precomposed, O with a combining circumflex (NFD), and
    // white space that the trimmed name starts after (no-break, ideographic); Đ names are never one.
    ['ÔNG NGUYỄN VĂN AN', ['name_has_honorific']],
    ['O\u0302ng Nguyễn Văn An', ['name_has_honorific']],
    ['\u00a0Ông Nguyễn Văn An', ['name_has_honorific']],
    ['\u3000Bà Lê Thị Hoa', ['name_has_honorific']],
    ['Đặng Văn Ông', []],
  ])('reports %s as %j', (name, expected) => {
    expect(codes(runValue(vnName(), name))).toEqual(expected);
  });

  it.each<[string, VnNameOptions, readonly string[]]>([
    ["H'Hen Niê", { allowApostrophe: false }, ['name_has_symbol']], ['H’Hen Niê', { allowApostrophe: false }, ['name_has_symbol']],
    ['Nguyễn-Văn An', { allowHyphen: false }, ['name_has_symbol']], ["H'Hen Niê", { allowHyphen: false }, []],
    ['Nguyễn-Văn An', { allowApostrophe: false }, []], ["H'Hen-Niê", { allowApostrophe: false, allowHyphen: false }, ['name_has_symbol']],
  ])('%s with %j → %j', (name, options, expected) => {
    expect(codes(runValue(vnName(options), name))).toEqual(expected);
  });

  it('names the misplaced or refused character', () => {
    expect(runValue(vnName(), "H''Hen")[0]?.params).toEqual({ symbol: "'" });
    expect(runValue(vnName(), '\u200bLê Văn A.')[0]?.params).toEqual({ symbol: '.' });
    expect(runValue(vnName({ allowHyphen: false }), 'Nguyễn-Văn')[0]?.params).toEqual({ symbol: '-' });
    expect(vnName().params).toEqual({ allowApostrophe: true, allowHyphen: true });
  });

  it('suggests the name without the honorific', () => {
    expect(runValue(vnName(), 'Ông Nguyễn Văn An')[0]?.suggestion).toBe('Nguyễn Văn An');
  });

  it('is a clean rule', () => {
    expect(vnName().criterion).toBe('clean');
  });
});
