import { mstCheckDigit } from '../../rules/vn/identifiers/mst.js';
import { COMMON_FAMILY_NAMES } from '../../rules/vn/text/vn-name.js';

const BHYT = /^[A-Z]{2}\d{13}$/i;
// A house number (`Số 12`, `Số nhà 7`, `ngõ 34`, `hẻm 5/2`) and, after a comma, an administrative unit or a village
// (`phường Láng Hạ`, `thôn Đông`): one household's address. Every word in any case (`SỐ NHÀ`, `so nha`): registers are
// written in capitals, in lower case and without tones alike.
const HOUSE = /^(?:số nhà|so nha|nhà số|nha so|số|so|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|nhà|nha)\s*\d/iu;
const UNIT = /^(?:p\.|phường|phuong|xã|xa|thị trấn|thị xã|q\.|quận|quan|huyện|huyen|tp\.?|thành phố|tỉnh)(?:\s|$)/iu;
// A village or residential group by its name or number (`thôn Đông`, `tổ 5`, `THÔN ĐÔNG`): a capitalised name, or
// any name after a part that is a house number alone (`số nhà 5, thôn đông`). Not `tổ chức`, `bản sao`, which follow
// a document's number (`Số 12/QĐ-UBND, bản sao`), capitalised or not. Without tones only the words no other word
// shares (`to`, `ban`, `ap` are also `tờ` of a map sheet, `bàn`, `áp`).
const VILLAGE = /^(?:thôn|thon|ấp|bản|xóm|xom|tổ|khu phố|khu pho|khóm|khom|buôn|buon|làng)\s+(?!(?:chức|chuc|sao)(?:\s|$))/iu;
const CAPITAL_OR_DIGIT = /^[\p{Lu}\d]/u;
const LETTER_OR_DIGIT = /^[\p{L}\d]/u;
// The word before a house or alley number that comes before its street (`Số 42`, `số nhà 7`, `SN 5`, `Ngõ 7`, `so 42`),
// in any case; optional (`12/3 Lê Lợi`).
const NUMBER_WORD = /^(?:số nhà|so nha|nhà số|nha so|số|so|sn|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s*(?=\d)/iu;
// A house number up to three alleys deep (`12/3/5/7`), written out: a repeated group of varying width is refused by
// the backtracking guard. Then the spaces before its street.
const HOUSE_NUMBER = /^\d{1,4}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?(?:\/\d{1,4}[a-zA-Z]?)?(?:\/\d{1,4}[a-zA-Z]?)?\s+/u;
// A street's kind (`7 đường Láng`, `5 ngõ Huế`, `7 duong lang`), in any case.
const STREET_KIND = /^(?:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s/iu;
// A date after a number (`Số 12 ngày 03/04/2025`, `số 5 năm 2024`): a document's, not a street. Followed by digits, so
// that the street `Nam Kỳ Khởi Nghĩa` stays one.
const DATE_WORD = /^(?:ngày|ngay|tháng|thang|năm|nam)\s*\d/iu;
const CAPITAL = /^\p{Lu}/u;
const LETTER = /^\p{L}/u;

/**
 * Whether one value looks like personal data by its form alone, whatever column it is in: 9 to 12 digits, in groups
 * or not (a CCCD, CMND, BHXH or phone number, also one no rule accepts, or written `001 089 012345`), a BHYT card
 * code, an e-mail address, or a house address (`Số 42 Hai Bà Trưng, Lai Châu`; an enterprise's seat has that form
 * too, and is masked with the rest). A 10- or 13-digit tax code whose check digit holds is an enterprise's, so not
 * personal (the project's choice: `Mã số thuế` registers show their codes). Why by form and not by the pack's rules: the rules
 * vouch for a register's tidy values, and a profile must mask the untidy ones too.
 * @example personalValue('001 089 012345') // true
 * @example personalValue('0100109106') // false (a valid enterprise tax code)
 */
export function personalValue(text: string): boolean {
  const t = text.trim();
  if (isEmail(t) || BHYT.test(t)) return true;
  if (/\s/.test(t) && !digitGroups(t)) return quotesPersonal(t) || houseAddress(t);
  const digits = groupedDigits(t) ?? (/^\+?\d+$/.test(t) ? t.replace('+', '') : undefined);
  if (digits === undefined || digits.length < 9 || digits.length > 12) return false;
  return !(digits === t && digits.length === 10 && mstCheckDigit(digits.slice(0, 9)) === Number(digits[9]));
}

/**
 * The digits of a value written in groups joined by spaces, dots or dashes (`001 089 012345`, `0912.345.678`), or
 * `undefined` for any other value, a decimal number among them (`2345678.12`, `1.5`: one dot, at most four decimals).
 * @example groupedDigits('001 089 012345') // '001089012345'
 */
export function groupedDigits(text: string): string | undefined {
  if (text.length > 24 || !digitGroups(text) || /^\+?\d+$/.test(text)) return undefined;
  if (/^\+?\d+\.\d{1,4}$/.test(text)) return undefined;
  return text.replace(/\D/g, '');
}

/**
 * Whether free text quotes personal data (`CCCD 001089012345 đã cấp`, `liên hệ an@gmail.com`): a word that is an
 * e-mail address, or a run of nine or more digits once single spaces, dots or dashes between digits are gone, as
 * `redact` treats error messages. Word by word and without nested quantifiers, so a huge cell costs linear time.
 * @example quotesPersonal('Liên hệ 0912 345 678') // true
 */
export function quotesPersonal(text: string): boolean {
  // Most cells of an address or notes column hold neither: skip the splitting (it runs on every cell).
  if (text.includes('@') && text.split(/\s+/).some((w) => isEmail(/[,.;:)]$/.test(w) ? w.slice(0, -1) : w))) return true;
  return /\d/.test(text) && /\d{9}/.test(text.replace(/(\d)[ .-](?=\d)/g, '$1'));
}

/**
 * Whether a text is a house address: a part that starts with a house number and its street and, after a comma, a
 * place (`Số 42 Hai Bà Trưng, Lai Châu`, `12/3 Lê Lợi, Huế`, as cadastral books write owners' addresses), or a part
 * that starts with a house number and a later part naming a ward, commune, district, city or village (`Số 12 ngõ 34,
 * phường Láng Hạ`, `Số nhà 5, thôn Đông`). Not a village or street without a house number (`Thôn 3, xã Tân Lập`,
 * `đường Láng, phường Láng Thượng`), nor a document's number (`Số 12/QĐ-UBND, ngày 03/04/2025`). In any case, with
 * or without tones (`số 42 hai bà trưng, lai châu`, `SO 42 HAI BA TRUNG, LAI CHAU`): the patterns match case-insensitively
 * (Unicode simple case folding, the same in every locale; `Đ` folds to `đ`).
 */
function houseAddress(text: string): boolean {
  if (!text.includes(',')) return false;
  // NFC: a letter and its tone marks as one character (`ố`, not `o` + two marks), as the patterns spell the words.
  const parts = text.normalize('NFC').split(',').map((p) => p.trim());
  const place = (p: string): boolean => LETTER.test(p);
  const street = parts.findIndex(streetAddress);
  if (street >= 0 && parts.slice(street + 1).some(place)) return true;
  const house = parts.findIndex((p) => HOUSE.test(p) || /\s(?:ngõ|ngách|hẻm|kiệt)\s*\d/iu.test(p));
  if (house < 0) return false;
  const name = houseNumberAlone(parts[house] as string) ? LETTER_OR_DIGIT : CAPITAL_OR_DIGIT;
  return parts.slice(house + 1).some((p) => UNIT.test(p) || village(p, name));
}

/**
 * Whether a part of an address starts with a house number and its street. The street tells it from a document's
 * number (`Số 12/QĐ-UBND`, `Số 12 ngày 03/04/2025`) and from a count (`2 thửa`): a street's kind (`7 đường Láng`), or
 * after a house-number word any name in any case (`Số 42 Hai Bà Trưng`, `số 42 hai bà trưng`, `so 42 hai ba trung`),
 * or after a bare number a capitalised name (`42 Hai Bà Trưng`; in lower case, `2 thửa đất` is as likely).
 */
function streetAddress(part: string): boolean {
  const word = NUMBER_WORD.exec(part);
  const rest = word === null ? part : part.slice(word[0].length);
  const number = HOUSE_NUMBER.exec(rest);
  if (number === null) return false;
  const street = rest.slice(number[0].length);
  if (DATE_WORD.test(street)) return false;
  return STREET_KIND.test(street) || (word === null ? CAPITAL : LETTER).test(street);
}

/** Whether a part is a house number and nothing else (`Số nhà 5`, `số 5`, `12/3`), not a document's (`Số 12/QĐ-UBND`). */
function houseNumberAlone(part: string): boolean {
  const word = NUMBER_WORD.exec(part);
  const rest = word === null ? part : part.slice(word[0].length);
  // The pattern ends with the spaces before a street: one more space stands for them.
  const number = HOUSE_NUMBER.exec(`${rest} `);
  return number !== null && number[0].length === rest.length + 1;
}

/** Whether a part names a village or residential group: its word, then a name (`name`: how it may start) or number. */
function village(part: string, name: RegExp): boolean {
  const word = VILLAGE.exec(part);
  return word !== null && name.test(part.slice(word[0].length));
}

/**
 * Digit groups joined by single spaces, dots or dashes (`001 089 012345`, `0912.345.678`), an optional `+` first.
 * A loop, not a pattern: a repeated group of varying width is what the project's pattern guard refuses.
 */
function digitGroups(text: string): boolean {
  const start = text.startsWith('+') ? 1 : 0;
  if (start >= text.length) return false;
  let digit = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if ((c === 32 || c === 46 || c === 45) && digit) digit = false;
    else return false;
  }
  return digit;
}

/** An e-mail address: one `@`, a local part and two or more dot-separated domain labels, no white space. */
function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || text.indexOf('@', at + 1) >= 0 || /\s/.test(text)) return false;
  const labels = text.slice(at + 1).split('.');
  return labels.length >= 2 && labels.every((l) => l !== '');
}

/**
 * Whether one value is, by its form alone, a person's identifier that nothing else shares: a CCCD's 12 digits (in
 * groups or not), a BHYT card code, or an e-mail address. Narrower than {@link personalValue}: 9 to 11 digits are
 * also an enterprise's tax code with a wrong check digit or a phone number of an office, and a house address an
 * enterprise's seat, which a register shows.
 * @example personalIdentifier('001 089 012345') // true
 * @example personalIdentifier('0342953543') // false
 */
export function personalIdentifier(text: string): boolean {
  const t = text.trim();
  if (isEmail(t) || BHYT.test(t)) return true;
  return (groupedDigits(t) ?? (/^\d+$/.test(t) ? t : '')).length === 12;
}

const FAMILY = new Set(COMMON_FAMILY_NAMES);
/** A word of a name: a capital letter, then lower-case letters (Vietnamese ones among them). */
const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;

/**
 * Whether one value looks like a Vietnamese person's full name by its form: two to five capitalised words, the first
 * a common family name (Nguyễn, Trần, Ngô…). For values found under a field that is not personal (a column shifted
 * in an export): streets named after people (Lê Lợi) match too, which errs towards masking.
 * @example personName('Ngô Đình Huy') // true
 * @example personName('Hai Bà Trưng') // false ("Hai" is no family name)
 */
export function personName(text: string): boolean {
  const words = text.trim().normalize('NFC').split(/\s+/);
  return words.length >= 2 && words.length <= 5 && FAMILY.has((words[0] as string).toLowerCase()) && words.every((w) => NAME_WORD.test(w));
}
