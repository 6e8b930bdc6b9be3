import { mstCheckDigit } from '../../rules/vn/identifiers/mst.js';

// Digit groups joined by single spaces, dots or dashes (`001 089 012345`, `0912.345.678`), an optional `+` first.
const DIGIT_GROUPS = /^\+?\d+(?:[ .-]\d+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BHYT = /^[A-Z]{2}\d{13}$/;

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
  if (EMAIL.test(t) || BHYT.test(t)) return true;
  if (t.length > 24 || !DIGIT_GROUPS.test(t)) return false;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 12) return false;
  return !(digits === t && digits.length === 10 && mstCheckDigit(digits.slice(0, 9)) === Number(digits[9]));
}
