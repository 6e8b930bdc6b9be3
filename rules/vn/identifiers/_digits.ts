import type { Finding } from '../../../src/core/types.js';
import { identifierText, isDigits, scientificIdentifier, withoutSeparators, type ScientificIdentifier } from './_text.js';

/** How a plain digit-string identifier is checked: its exact length and what a valid value looks like. */
export interface DigitsSpec {
  readonly length: number;
  /** Further structure of a value of the right length (province, check digit…); true when it holds. */
  readonly valid?: (digits: string) => boolean;
}

/**
 * The structural findings shared by the digit-string identifiers (CMND, BHXH, postal code): not text or stray
 * characters → `non_digit_character` (with the separator-free value as suggestion when that is valid), a number a
 * spreadsheet wrote in scientific notation → `scientific_notation` (see `scientificFinding`), one digit
 * short → `leading_zero_lost` (suggestion: left-padded), other lengths → `bad_length`.
 * Returns the digits when the structure holds.
 */
export function readDigits(value: unknown, spec: DigitsSpec): { readonly digits: string } | Finding {
  const text = identifierText(value);
  const ok = (d: string) => d.length === spec.length && isDigits(d) && (spec.valid?.(d) ?? true);
  if (text === undefined) return { code: 'non_digit_character' };
  if (text.length > 0 && !isDigits(text)) {
    const sci = scientificIdentifier(text);
    if (sci !== undefined) {
      return scientificFinding(sci, (d) => (ok(d) ? d : d.length === spec.length - 1 && ok(`0${d}`) ? `0${d}` : undefined));
    }
    const bare = withoutSeparators(text);
    return ok(bare) ? { code: 'non_digit_character', suggestion: bare } : { code: 'non_digit_character' };
  }
  if (text.length === spec.length) return { digits: text };
  if (text.length === spec.length - 1 && ok(`0${text}`)) {
    return { code: 'leading_zero_lost', suggestion: `0${text}`, params: { length: text.length, expected: spec.length } };
  }
  return { code: 'bad_length', params: { length: text.length, expected: spec.length } };
}

/**
 * `scientific_notation` for an identifier a spreadsheet wrote in scientific notation (`1.08901E+11`): param `digits`
 * (the integer's); the digits as suggestion only when the mantissa kept them all and `restore` finds
 * them, or them with the leading zeros put back, well-formed. Usually it did not, and nothing can be suggested.
 */
export function scientificFinding(sci: ScientificIdentifier, restore: (digits: string) => string | undefined): Finding {
  const suggestion = sci.exact === undefined ? undefined : restore(sci.exact);
  const params = { digits: sci.digits };
  return suggestion === undefined ? { code: 'scientific_notation', params } : { code: 'scientific_notation', suggestion, params };
}
