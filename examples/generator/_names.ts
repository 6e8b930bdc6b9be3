import type { Random } from './_random.js';

/**
 * Vietnamese personal names for synthetic records, in NFC. Surnames follow their real frequencies (Nguyễn about
 * 38%), so duplicate-name heuristics and masking meet realistic data; no list is taken from real people.
 */

/** Surnames with approximate shares of the population (percent). */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2],
  ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.6], ['Đào', 0.5], ['Cao', 0.4], ['Lương', 0.4], ['Mai', 0.3], ['Trịnh', 0.4], ['Tạ', 0.2],
];

const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Gia'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bích', 'Hồng', 'Minh', 'Phương', 'Diệu'];
const GIVEN_MALE = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Lộc',
  'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quang', 'Quý', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung',
  'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Đông', 'Đức', 'Hưng', 'Kiên', 'Lâm', 'Mạnh', 'Quân',
];
const GIVEN_FEMALE = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan',
  'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Thư', 'Trang', 'Trâm',
  'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Diệp', 'Hiền', 'Lệ', 'Nhàn', 'Tâm', 'Thoa',
];

const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Hùng Vương',
  'Nguyễn Huệ', 'Điện Biên Phủ', 'Phan Chu Trinh', 'Lê Duẩn', 'Bà Triệu', 'Nguyễn Du', 'Trường Chinh',
];
const HAMLETS = [
  'Thôn Đông', 'Thôn Tây', 'Thôn Trung', 'Thôn Thượng', 'Thôn Hạ', 'Xóm Mới', 'Ấp Bắc', 'Ấp Chợ', 'Bản Nà',
];

const surnameTotal = SURNAMES.reduce((s, [, w]) => s + w, 0);

function surname(r: Random): string {
  let u = r.next() * surnameTotal;
  for (const [name, w] of SURNAMES) {
    u -= w;
    if (u < 0) return name;
  }
  return 'Nguyễn';
}

/**
 * A full name in display form: surname, middle name and given name, each syllable capitalised, in NFC.
 * @example vietnameseName(r, 'Nữ') // 'Trần Thị Thu Hằng' (sometimes two middle names)
 */
export function vietnameseName(r: Random, gender: 'Nam' | 'Nữ'): string {
  const male = gender === 'Nam';
  const middle = r.pick(male ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = r.pick(male ? GIVEN_MALE : GIVEN_FEMALE);
  const extra = r.chance(0.15) ? r.pick(male ? MIDDLE_MALE : MIDDLE_FEMALE) : middle;
  // Two identical middle syllables ("Văn Văn") do not occur in real names.
  const second = extra === middle ? '' : ` ${extra}`;
  return `${surname(r)} ${middle}${second} ${given}`;
}

/**
 * A street or hamlet address in a province, as owners' addresses are written in cadastral books.
 * @example vietnameseAddress(r, 'Nghệ An') // 'Số 27 Lê Lợi, Nghệ An'
 */
export function vietnameseAddress(r: Random, province: string): string {
  return r.chance(0.5)
    ? `Số ${r.int(1, 299)} ${r.pick(STREETS)}, ${province}`
    : `${r.pick(HAMLETS)}, ${province}`;
}
