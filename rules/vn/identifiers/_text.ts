/**
 * Shared reading of identifier values. Identifiers are strings (DOMAIN-VN §6), but a value that went through a
 * numeric column (JSON, ETL) arrives as a number: it is read as its decimal text, so a lost leading zero shows as a
 * value one digit short. Surrounding whitespace is the clean rules' business (`trimmed`), so it is ignored here: the
 * characters `trimmed` reports (`stripSpaces`; a zero-width space too), so that such a value is that one finding.
 */

import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** The value as identifier text: strings trimmed, non-negative safe integers and bigints as decimal text. */
export function identifierText(value: unknown): string | undefined {
  if (typeof value === 'string') return stripSpaces(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value === 'bigint') return value >= 0n ? value.toString() : undefined;
  return undefined;
}

/** What an identifier written in scientific notation says: see {@link scientificIdentifier}. */
export interface ScientificIdentifier {
  /** Digits of the integer the notation writes (`1.08901E+11`: 12). */
  readonly digits: number;
  /** The integer's digits when the mantissa kept them all (`1.08901234567E+11`), else undefined: the rest are lost. */
  readonly exact: string | undefined;
}

/**
 * An identifier that a spreadsheet kept as a number and wrote as it displays one: `1.08901E+11` (Excel's General
 * format for a number of more than 11 digits, which a CSV export writes as it is displayed), `1,08901E+11` under a decimal comma,
 * `1E+11`. Such a value lost its leading zeros and every digit the display did not show, so no rule can read it
 * back; it is worth its own finding rather than "digits only". Undefined for any other text.
 * @example scientificIdentifier('1.08901E+11') // { digits: 12, exact: undefined }
 */
export function scientificIdentifier(text: string): ScientificIdentifier | undefined {
  const m = SCIENTIFIC.exec(text);
  if (m === null) return undefined;
  const fraction = m[2] ?? '';
  const digits = Number(m[3]) + 1;
  return { digits, exact: fraction.length + 1 === digits ? `${m[1] as string}${fraction}` : undefined };
}

/** A mantissa of one non-zero digit (as Excel writes it), a point or comma and digits, a positive exponent. */
const SCIENTIFIC = /^([1-9])(?:[.,](\d{1,20}))?[eE]\+?(\d{1,2})$/;

/** Every character is an ASCII digit (and there is at least one). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The text without the separators people type inside numbers: spaces, dots, dashes, slashes. */
export function withoutSeparators(text: string): string {
  let out = '';
  for (const ch of text) if (!SEPARATORS.has(ch)) out += ch;
  return out;
}

const SEPARATORS = new Set([' ', '\u00a0', '\t', '.', '-', '/', '_']);

/** A stable display of a value that is not text, for params. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}
