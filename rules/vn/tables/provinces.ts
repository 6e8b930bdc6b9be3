import type { DatedTable } from './dated.js';

/**
 * Province codes of QĐ 124/2004/QĐ-TTg, as dated tables (DOMAIN-VN §3). Codes are reused across schemes (`24` was
 * Bắc Giang, is Bắc Ninh from 1/7/2025), so a code means nothing without its date: select with `tableAt`.
 */

/** A province: 2-digit code and official name. */
export interface Province {
  readonly code: string;
  readonly name: string;
}

/** A province of the 2025 scheme: the old codes it absorbed and its number of communes. */
export interface Province2025 extends Province {
  readonly mergedFrom: readonly string[];
  readonly communes: number;
}

const p = (code: string, name: string): Province => ({ code, name });

/**
 * The 63 provinces from 1/8/2008 (Hà Tây merged into Hà Nội) until 30/6/2025.
 * @example PROVINCES_2008.entries.find((x) => x.code === '24')?.name // 'Bắc Giang'
 */
export const PROVINCES_2008: DatedTable<readonly Province[]> = {
  version: '2008-08-01',
  validFrom: '2008-08-01',
  validTo: '2025-06-30',
  source: 'QĐ 124/2004/QĐ-TTg (mã đơn vị hành chính), sửa đổi theo NQ 15/2008/QH12',
  entries: [
    p('01', 'Hà Nội'), p('02', 'Hà Giang'), p('04', 'Cao Bằng'), p('06', 'Bắc Kạn'), p('08', 'Tuyên Quang'),
    p('10', 'Lào Cai'), p('11', 'Điện Biên'), p('12', 'Lai Châu'), p('14', 'Sơn La'), p('15', 'Yên Bái'),
    p('17', 'Hòa Bình'), p('19', 'Thái Nguyên'), p('20', 'Lạng Sơn'), p('22', 'Quảng Ninh'), p('24', 'Bắc Giang'),
    p('25', 'Phú Thọ'), p('26', 'Vĩnh Phúc'), p('27', 'Bắc Ninh'), p('30', 'Hải Dương'), p('31', 'Hải Phòng'),
    p('33', 'Hưng Yên'), p('34', 'Thái Bình'), p('35', 'Hà Nam'), p('36', 'Nam Định'), p('37', 'Ninh Bình'),
    p('38', 'Thanh Hóa'), p('40', 'Nghệ An'), p('42', 'Hà Tĩnh'), p('44', 'Quảng Bình'), p('45', 'Quảng Trị'),
    p('46', 'Thừa Thiên Huế'), p('48', 'Đà Nẵng'), p('49', 'Quảng Nam'), p('51', 'Quảng Ngãi'), p('52', 'Bình Định'),
    p('54', 'Phú Yên'), p('56', 'Khánh Hòa'), p('58', 'Ninh Thuận'), p('60', 'Bình Thuận'), p('62', 'Kon Tum'),
    p('64', 'Gia Lai'), p('66', 'Đắk Lắk'), p('67', 'Đắk Nông'), p('68', 'Lâm Đồng'), p('70', 'Bình Phước'),
    p('72', 'Tây Ninh'), p('74', 'Bình Dương'), p('75', 'Đồng Nai'), p('77', 'Bà Rịa - Vũng Tàu'),
    p('79', 'TP Hồ Chí Minh'), p('80', 'Long An'), p('82', 'Tiền Giang'), p('83', 'Bến Tre'), p('84', 'Trà Vinh'),
    p('86', 'Vĩnh Long'), p('87', 'Đồng Tháp'), p('89', 'An Giang'), p('91', 'Kiên Giang'), p('92', 'Cần Thơ'),
    p('93', 'Hậu Giang'), p('94', 'Sóc Trăng'), p('95', 'Bạc Liêu'), p('96', 'Cà Mau'),
  ],
};

const q = (code: string, name: string, mergedFrom: readonly string[], communes: number): Province2025 =>
  ({ code, name, mergedFrom, communes });

/**
 * The 34 provinces from 1/7/2025 (no district level, 3,321 communes). New codes reuse an absorbed province's code.
 * @example PROVINCES_2025.entries.find((x) => x.code === '24')?.mergedFrom // ['24', '27']
 */
export const PROVINCES_2025: DatedTable<readonly Province2025[]> = {
  version: '2025-07-01',
  validFrom: '2025-07-01',
  source: 'NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg; CV 915/CTK-CSCL và 1027/CTK-CSCL',
  entries: [
    q('01', 'TP Hà Nội', ['01'], 126), q('04', 'Cao Bằng', ['04'], 56), q('08', 'Tuyên Quang', ['02', '08'], 124),
    q('11', 'Điện Biên', ['11'], 45), q('12', 'Lai Châu', ['12'], 38), q('14', 'Sơn La', ['14'], 75),
    q('15', 'Lào Cai', ['10', '15'], 99), q('19', 'Thái Nguyên', ['06', '19'], 92), q('20', 'Lạng Sơn', ['20'], 65),
    q('22', 'Quảng Ninh', ['22'], 54), q('24', 'Bắc Ninh', ['24', '27'], 99),
    q('25', 'Phú Thọ', ['17', '25', '26'], 148), q('31', 'TP Hải Phòng', ['30', '31'], 114),
    q('33', 'Hưng Yên', ['33', '34'], 104), q('37', 'Ninh Bình', ['35', '36', '37'], 129),
    q('38', 'Thanh Hóa', ['38'], 166), q('40', 'Nghệ An', ['40'], 130), q('42', 'Hà Tĩnh', ['42'], 69),
    q('44', 'Quảng Trị', ['44', '45'], 78), q('46', 'TP Huế', ['46'], 40), q('48', 'TP Đà Nẵng', ['48', '49'], 94),
    q('51', 'Quảng Ngãi', ['51', '62'], 96), q('52', 'Gia Lai', ['52', '64'], 135),
    q('56', 'Khánh Hòa', ['56', '58'], 65), q('66', 'Đắk Lắk', ['54', '66'], 102),
    q('68', 'Lâm Đồng', ['60', '67', '68'], 124), q('75', 'Đồng Nai', ['70', '75'], 95),
    q('79', 'TP Hồ Chí Minh', ['74', '77', '79'], 168), q('80', 'Tây Ninh', ['72', '80'], 96),
    q('82', 'Đồng Tháp', ['82', '87'], 102), q('86', 'Vĩnh Long', ['83', '84', '86'], 124),
    q('91', 'An Giang', ['89', '91'], 102), q('92', 'TP Cần Thơ', ['92', '93', '94'], 103),
    q('96', 'Cà Mau', ['95', '96'], 64),
  ],
};

/**
 * Codes of the 2008 scheme that no province uses from 1/7/2025: in data describing the present they are retired.
 * @example RETIRED_PROVINCE_CODES_2025.includes('27') // true (Bắc Ninh moved to code 24)
 */
export const RETIRED_PROVINCE_CODES_2025: readonly string[] = [
  '02', '06', '10', '17', '26', '27', '30', '34', '35', '36', '45', '49', '54', '58', '60', '62', '64', '67', '70',
  '72', '74', '77', '83', '84', '87', '89', '93', '94', '95',
];

/**
 * Both schemes, for `tableAt(provinceTables, date)`.
 * @example tableAt(provinceTables, new Date('2026-01-01'))?.entries.length // 34
 */
export const provinceTables: readonly DatedTable<readonly Province[]>[] = [PROVINCES_2008, PROVINCES_2025];
