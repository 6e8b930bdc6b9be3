import type { Random } from './_random.js';

/**
 * Vietnamese identifiers, dates and legacy encodings for synthetic records, built from DOMAIN-VN §2 and §6 so that a
 * generated value is valid by construction (and a defect is one deliberate change away from valid).
 */

export interface GeneratorProvince {
  readonly code: string;
  readonly name: string;
  readonly old: readonly string[];
  readonly lat: number;
}

/** The 34 provinces from 1/7/2025 with the old codes they absorbed and an approximate latitude (VN-2000 northings). */
export const PROVINCES: readonly GeneratorProvince[] = [
  ['01', 'Hà Nội', ['01'], 21.03], ['04', 'Cao Bằng', ['04'], 22.67], ['08', 'Tuyên Quang', ['02', '08'], 21.82],
  ['11', 'Điện Biên', ['11'], 21.39], ['12', 'Lai Châu', ['12'], 22.4], ['14', 'Sơn La', ['14'], 21.33],
  ['15', 'Lào Cai', ['10', '15'], 21.9], ['19', 'Thái Nguyên', ['06', '19'], 21.59], ['20', 'Lạng Sơn', ['20'], 21.85],
  ['22', 'Quảng Ninh', ['22'], 21.0], ['24', 'Bắc Ninh', ['24', '27'], 21.27], ['25', 'Phú Thọ', ['17', '25', '26'], 21.32],
  ['31', 'Hải Phòng', ['30', '31'], 20.86], ['33', 'Hưng Yên', ['33', '34'], 20.65], ['37', 'Ninh Bình', ['35', '36', '37'], 20.25],
  ['38', 'Thanh Hóa', ['38'], 19.81], ['40', 'Nghệ An', ['40'], 18.68], ['42', 'Hà Tĩnh', ['42'], 18.34],
  ['44', 'Quảng Trị', ['44', '45'], 17.2], ['46', 'Huế', ['46'], 16.46], ['48', 'Đà Nẵng', ['48', '49'], 15.9],
  ['51', 'Quảng Ngãi', ['51', '62'], 14.8], ['52', 'Gia Lai', ['52', '64'], 13.9], ['56', 'Khánh Hòa', ['56', '58'], 12.0],
  ['66', 'Đắk Lắk', ['54', '66'], 12.9], ['68', 'Lâm Đồng', ['60', '67', '68'], 11.7], ['75', 'Đồng Nai', ['70', '75'], 11.2],
  ['79', 'TP Hồ Chí Minh', ['74', '77', '79'], 10.78], ['80', 'Tây Ninh', ['72', '80'], 10.9], ['82', 'Đồng Tháp', ['82', '87'], 10.4],
  ['86', 'Vĩnh Long', ['83', '84', '86'], 10.0], ['91', 'An Giang', ['89', '91'], 10.2], ['92', 'Cần Thơ', ['92', '93', '94'], 9.8],
  ['96', 'Cà Mau', ['95', '96'], 9.18],
].map(([code, name, old, lat]) => ({ code: code as string, name: name as string, old: old as string[], lat: lat as number }));

/** The 63 pre-2025 province codes: a CCCD's `PPP` names where the birth was registered, so it uses these. */
export const OLD_PROVINCE_CODES: readonly string[] = PROVINCES.flatMap((p) => p.old).sort();

/** Old province codes that no longer exist from 1/7/2025 (DOMAIN-VN §3.2). */
export const RETIRED_PROVINCE_CODES: readonly string[] = OLD_PROVINCE_CODES.filter((c) => !PROVINCES.some((p) => p.code === c));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A 12-digit personal ID (TT 07/2016 Điều 7): `0PP` birth province, century-and-gender digit, two year digits,
 * six serial digits.
 * @example cccd('01', 1989, 'Nam', 12345) // '001089012345'
 */
export function cccd(oldProvince: string, year: number, gender: 'Nam' | 'Nữ', serial: number): string {
  const g = 2 * Math.floor((year - 1900) / 100) + (gender === 'Nam' ? 0 : 1);
  return `0${oldProvince}${g}${pad(year % 100, 2)}${pad(serial % 1_000_000, 6)}`;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit N10 of a tax code's first nine digits, or -1 when the remainder gives 10 (never issued). */
export function mstCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (first9.charCodeAt(i) - 48) * (MST_WEIGHTS[i] as number);
  const c = 10 - (sum % 11);
  return c <= 9 ? c : -1;
}

/**
 * A valid 10-digit enterprise tax code (TT 105/2020 Điều 5), sometimes in the branch form `-001`.
 * @example mst(r) // '0312345675'
 */
export function mst(r: Random): string {
  for (;;) {
    const first9 = `0${r.pick(['1', '2', '3', '4', '5', '6', '7', '8'])}${pad(r.int(0, 9_999_999), 7)}`;
    const c = mstCheckDigit(first9);
    if (c < 0) continue;
    return r.chance(0.1) ? `${first9}${c}-${pad(r.int(1, 30), 3)}` : `${first9}${c}`;
  }
}

/** A tax code with a wrong check digit: the defect a typing error leaves. */
export function mstWithBadCheckDigit(r: Random): string {
  const good = mst(r).slice(0, 10);
  const c = Number(good[9]);
  return `${good.slice(0, 9)}${(c + r.int(1, 9)) % 10}`;
}

/** Mobile prefixes in use since the 2018 renumbering (DOMAIN-VN §2.6). */
const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079',
  '081', '082', '083', '084', '085', '086', '088', '089', '090', '091', '093', '094', '096', '097', '098'];

/** A 10-digit mobile number. */
export function mobile(r: Random): string {
  return `${r.pick(MOBILE_PREFIXES)}${pad(r.int(0, 9_999_999), 7)}`;
}

/** An 11-digit mobile number with a pre-2018 prefix (0162–0169), which should have been converted. */
export function legacyMobile(r: Random): string {
  return `016${r.int(2, 9)}${pad(r.int(0, 9_999_999), 7)}`;
}

const DAY_MS = 86_400_000;

/** Epoch ms of a UTC calendar day. */
export function day(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

const dayTexts = new Map<number, string>();

/** `dd/MM/yyyy` of a UTC calendar day (cached per day: a register has far fewer distinct days than rows). */
export function ddmmyyyy(ms: number): string {
  const key = Math.floor(ms / DAY_MS);
  let text = dayTexts.get(key);
  if (text === undefined) {
    const d = new Date(key * DAY_MS);
    text = `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(key, text);
  }
  return text;
}

/** `MM/yyyy` of a UTC calendar day. */
export function mmyyyy(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;
}

/** ISO 8601 in Vietnam time (`+07:00`), as agency systems write `updated_at`. */
export function isoVietnam(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}+07:00`;
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last));
}

/** A whole number of days before `ms`. */
export function daysBefore(ms: number, days: number): number {
  return ms - days * DAY_MS;
}

/** TCVN3 (ABC) bytes of the Vietnamese letters; toned capitals have no code and use the lower-case byte. */
const TCVN3: ReadonlyMap<string, number> = new Map([
  ...[...'ĂÂÊÔƠƯĐăâêôơưđ'].map((ch, i) => [ch, 0xa1 + i] as const),
  ...[...'àảãáạ'].map((ch, i) => [ch, 0xb5 + i] as const),
  ...[...'ằẳẵắ'].map((ch, i) => [ch, 0xbb + i] as const),
  ['ặ', 0xc6], ...[...'ầẩẫấậèẻẽéẹềểễếệìỉ'].map((ch, i) => [ch, 0xc7 + i + (i >= 6 ? 1 : 0)] as const),
  ...[...'ĩíịò'].map((ch, i) => [ch, 0xdc + i] as const),
  ...[...'ỏõóọồổỗốộờởỡớợù'].map((ch, i) => [ch, 0xe1 + i] as const),
  ...[...'ủũúụừửữứựỳỷỹýỵ'].map((ch, i) => [ch, 0xf1 + i] as const),
]);

/**
 * The bytes a TCVN3 (ABC) font system stored for a Vietnamese text: what old cadastral and HR databases hold.
 * @example tcvn3Bytes('Nguyễn') // <4e 67 75 79 d4 6e>
 */
export function tcvn3Bytes(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = TCVN3.get(ch) ?? TCVN3.get(ch.toLowerCase());
    if (code !== undefined) out.push(code);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(TCVN3.get(ch.toLowerCase().normalize('NFD').slice(0, 1)) ?? 0x3f);
  }
  return Buffer.from(out);
}

/**
 * TCVN3 text that was read as Latin-1 and saved as Unicode: the mojibake of a migration without conversion.
 * @example tcvn3Mojibake('Nguyễn Thị') // 'NguyÔn ThÞ'
 */
export function tcvn3Mojibake(text: string): string {
  return tcvn3Bytes(text).toString('latin1');
}
