/**
 * Column names that say a column holds personal data, in the English and Vietnamese forms exports use: what a profile
 * masks even where the values are too untidy for a recogniser to vouch for them (a birth date, an address, an ID
 * column whose leading zeros Excel dropped).
 */

/** Words that alone name personal data (folded: lower case, no diacritics, `đ` → `d`). */
const ALONE = new Set([
  'dob', 'birth', 'birthday', 'birthdate', 'birthyear', 'sinh', 'ngaysinh', 'namsinh',
  'cccd', 'cmnd', 'cmt', 'cancuoc', 'dinhdanh', 'passport', 'hochieu', 'ssn',
  'phone', 'telephone', 'tel', 'mobile', 'cellphone', 'sdt', 'dienthoai', 'didong',
  'email', 'mail', 'address', 'addr', 'diachi', 'residence', 'domicile', 'thuongtru', 'tamtru', 'noio', 'quequan',
  'hktt',
  'fullname', 'firstname', 'lastname', 'surname', 'givenname', 'hoten', 'hovaten',
  'bhxh', 'bhyt', 'death',
]);

/** Pairs of words that name personal data together (`dia chi`, `ho ten`, `ngay sinh`, `so dien thoai`). */
const PAIRS: readonly (readonly [string, string])[] = [
  ['dia', 'chi'], ['ho', 'ten'], ['ngay', 'sinh'], ['nam', 'sinh'], ['dien', 'thoai'], ['di', 'dong'], ['can', 'cuoc'],
  ['dinh', 'danh'], ['ho', 'chieu'], ['thuong', 'tru'], ['tam', 'tru'], ['que', 'quan'], ['e', 'mail'],
];

/**
 * Where a person lives or comes from (`Nơi cư trú`, `Chỗ ở hiện tại`, `Hộ khẩu`, `Trú quán`, `Nguyên quán`), as
 * written. Folded, some are other words too (`cho o`: `Số chỗ ô tô`; `noi o`: `Giao hàng nội ô`): a name with
 * diacritics must spell them; one without any (`noi_cu_tru`, `cho_o`) is read by its folded words.
 */
const RESIDENCE: readonly (readonly [string, string])[] = [
  ['nơi', 'ở'], ['chỗ', 'ở'], ['cư', 'trú'], ['hộ', 'khẩu'], ['trú', 'quán'], ['nguyên', 'quán'],
];
const RESIDENCE_FOLDED = RESIDENCE.map(([a, b]) => [fold(a), fold(b)] as const);
const RESIDENCE_ALONE = new Set(RESIDENCE_FOLDED.map(([a, b]) => a + b));

/** Whose a name or an identifier is: with these, `name`, `ten`, `id` or `so` name a person's. */
const PERSON = new Set([
  'owner', 'full', 'first', 'last', 'given', 'family', 'middle', 'person', 'personal', 'citizen', 'national', 'rep',
  'representative', 'holder', 'member', 'patient', 'employee', 'participant', 'applicant', 'insured', 'contact',
  'nguoi', 'chu', 'cong', 'dan', 'congdan', 'nguoidaidien', 'daidien',
]);
const NAMED = new Set(['name', 'ten', 'id', 'so', 'no', 'number', 'birthyear', 'year']);

/**
 * Whether a column's name says it holds personal data: a word that alone does (`dob`, `phone`, `cccd`, `HKTT`,
 * `Địa chỉ`, `Họ và tên`, `Ngày sinh`), a residence (`Nơi cư trú`, `Chỗ ở`, `Nơi ở hiện tại`), or a name or identifier
 * word with a person word (`owner_name`, `rep_id`).
 * @example personalColumnName('owner_birth_year') // true
 * @example personalColumnName('Nơi cư trú') // true
 * @example personalColumnName('parcel_id') // false
 */
export function personalColumnName(name: string): boolean {
  const words = wordsOf(name);
  return says(words, ALONE, PAIRS) || (words.some((w) => PERSON.has(w)) && words.some((w) => NAMED.has(w))) || residence(name, words);
}

/** Whether a column's name names a residence (`RESIDENCE`): as written when it has diacritics, else by its folded words. */
function residence(name: string, folded: readonly string[]): boolean {
  if (/^\p{ASCII}*$/u.test(name)) return says(folded, RESIDENCE_ALONE, RESIDENCE_FOLDED);
  const words = name.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return says(words, new Set(), RESIDENCE);
}

/** Words that, in a column's name, say its values are insurance or identity numbers (with `personalColumnName`'s). */
const IDENTIFIER_WORDS = new Set(['insurance', 'baohiem', 'identity', 'identification', 'chungminh', 'cmtnd', 'giayto']);
const IDENTIFIER_PAIRS: readonly (readonly [string, string])[] = [['bao', 'hiem'], ['chung', 'minh'], ['giay', 'to']];

/**
 * Whether a column's name says it holds people's identity or insurance numbers: a personal name
 * (`personalColumnName`: `so_bhxh`, `Số CMND`, `owner_id`) or one naming insurance or identity papers
 * (`insurance_no`, `Mã số bảo hiểm`, `identity_no`, `Giấy tờ`). What a value of nine or ten digits needs before the
 * profile calls it a CMND or BHXH number: its form alone is also an amount's.
 * @example nameSaysIdentifiers('Mã số bảo hiểm') // true
 * @example nameSaysIdentifiers('von_dieu_le') // false
 */
export function nameSaysIdentifiers(name: string): boolean {
  return personalColumnName(name) || says(wordsOf(name), IDENTIFIER_WORDS, IDENTIFIER_PAIRS);
}

/** Whether folded words hold one of `alone` (also written as one word: `hoten`), or one of `pairs` in a row. */
function says(words: readonly string[], alone: ReadonlySet<string>, pairs: readonly (readonly [string, string])[]): boolean {
  if (words.some((w) => alone.has(w)) || alone.has(words.join(''))) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    if (pairs.some(([a, b]) => words[i] === a && words[i + 1] === b)) return true;
  }
  return false;
}

/** A column name's words, folded (see `fold`). */
function wordsOf(name: string): string[] {
  return fold(name).split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Lower case without diacritics (`đ` → `d`), camelCase split into words. */
function fold(s: string): string {
  return s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
