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
