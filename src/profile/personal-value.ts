import { mstCheckDigit } from '../../rules/vn/identifiers/mst.js';

const BHYT = /^[A-Z]{2}\d{13}$/i;
// A house number (`Số 12`, `ngõ 34`, `hẻm 5/2`) and, after a comma, an administrative unit: one household's address.
const HOUSE = /^(?:số|so|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|nhà|nha)\s*\d/iu;
const UNIT = /^(?:p\.|phường|phuong|xã|xa|thị trấn|thị xã|q\.|quận|quan|huyện|huyen|tp\.?|thành phố|tỉnh)(?:\s|$)/iu;

/**
 * Whether one value looks like personal data by its form alone, whatever column it is in: 9 to 12 digits, in groups
 * or not (a CCCD, CMND, BHXH or phone number, also one no rule accepts, or written `001 089 012345`), a BHYT card
 * code, or an e-mail address. A 10- or 13-digit tax code whose check digit holds is an enterprise's, so not personal
 * (the project's choice: `Mã số thuế` registers show their codes). Why by form and not by the pack's rules: the rules
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
 */
function quotesPersonal(text: string): boolean {
  // Most cells of an address or notes column hold neither: skip the splitting (it runs on every cell).
  if (text.includes('@') && text.split(/\s+/).some((w) => isEmail(/[,.;:)]$/.test(w) ? w.slice(0, -1) : w))) return true;
  return /\d/.test(text) && /\d{9}/.test(text.replace(/(\d)[ .-](?=\d)/g, '$1'));
}

/** Whether a text is a house address: a part that starts with a house number and a later part naming a ward, commune, district or city. */
function houseAddress(text: string): boolean {
  if (!text.includes(',')) return false;
  const parts = text.normalize('NFC').split(',').map((p) => p.trim());
  const house = parts.findIndex((p) => HOUSE.test(p) || /\s(?:ngõ|ngách|hẻm|kiệt)\s*\d/iu.test(p));
  return house >= 0 && parts.slice(house + 1).some((p) => UNIT.test(p));
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
