import { createHmac } from 'node:crypto';
import type { PiiMode } from './types.js';

/**
 * A date or date-time as ddss and the registers write them (`23/03/1961`, `1961-03-23`, `23.3.1961`,
 * `1961-03-23T00:00:00.000Z`, `2026-11-21 12:15:58+07:00`): a four-digit year first or last, digits and separators.
 */
const DATE_SHAPED = /^\s*(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{4}([/.-])\d{1,2}\2\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$/;

/**
 * Masks a personal value for display: identifiers keep a short prefix and suffix (`0010******45`), words keep their
 * first letter (`N***** V** A*`). Short values are masked entirely, so nothing identifying is left. A date keeps only
 * its separators, every digit starred: the prefix and suffix of `23/03/1961` are the day and the year of a birth date.
 */
export function maskValue(text: string): string {
  if (DATE_SHAPED.test(text)) return text.replace(/\d/g, '*');
  if (/\s/.test(text.trim())) {
    return text.replace(/\S+/g, (word) => {
      const chars = Array.from(word);
      return (chars[0] ?? '') + '*'.repeat(chars.length - 1);
    });
  }
  const chars = Array.from(text);
  const n = chars.length;
  const keep = n >= 10 ? [4, 2] : n >= 7 ? [2, 1] : n >= 4 ? [1, 0] : [0, 0];
  const [head, tail] = keep as [number, number];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/**
 * A fixed cell's former value, masked to go beside its fixed value's mask (`ddss fix --log`): as `maskValue` masks it,
 * but without the leading characters an identifier's mask keeps. Why: the two masks together showed more than either —
 * a leading zero restored (`58150…15` → `058150…15`) shifts the identifier, so `5815*****15` beside `0581******15`
 * showed five of its digits where one mask shows four. The end of an identifier is what a fix leaves in place (a
 * leading zero, separators, surrounding spaces are its start or inside): its tail is the fixed value's tail. Names
 * and dates are masked as `maskValue` masks them (the first letter of each word, no digit of a date).
 * @example maskFormer('58150123415') // '*********15'
 */
export function maskFormer(text: string): string {
  const masked = maskValue(text);
  if (DATE_SHAPED.test(text) || /\s/.test(text.trim())) return masked;
  const chars = Array.from(masked);
  const n = chars.length;
  const head = n >= 10 ? 4 : n >= 7 ? 2 : n >= 4 ? 1 : 0;
  return '*'.repeat(head) + chars.slice(head).join('');
}

/**
 * A PII protector for one run: masks, or hashes with the caller's secret key so equal values stay equal on every run
 * (the options check that a definition with hashed fields has a key; without one, hashing is refused).
 */
export function piiProtector(key: string | undefined): (text: string, mode: PiiMode) => string {
  return (text, mode) => {
    if (mode !== 'hash') return maskValue(text);
    if (key === undefined || key === '') throw new Error('ddss: hashing a personal value needs a piiKey');
    return `#${createHmac('sha256', key).update(text).digest('hex').slice(0, 16)}`;
  };
}

/**
 * Replaces the personal values `secrets` wherever a text quotes them (error messages may), in any case, Unicode
 * form (NFC/NFD) or spacing, and an identifier also by its digits alone (`12-34-56` as `123456`); values of one or
 * two characters only as whole words, so `An` is redacted but not the `An` of `Anna`. Any run of nine or more
 * digits is redacted too, being shaped like a personal identifier whichever row it came from. The text comes back
 * in NFC.
 * @example redact('bad NGUYỄN VĂN AN', ['Nguyễn Văn An'], maskValue) // 'bad N***** V** A*'
 */
export function redact(text: string, secrets: readonly string[], protect: (s: string) => string): string {
  return redactor(secrets, protect)(text);
}

/**
 * `redact` with its patterns built once, for redacting several texts of the same secrets (the params of a row's
 * findings).
 */
export function redactor(secrets: readonly string[], protect: (s: string) => string): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const s = secret.normalize('NFC').trim();
    if (s === '') continue;
    forms.add(s);
    const digits = s.replace(/\D+/g, '');
    if (digits !== '' && digits !== s && /\d\D+\d/.test(s)) forms.add(digits);
  }
  // Longest first: a short value inside a longer one must not break the longer one's match. Each pattern is built
  // when a text first is long enough to hold its value: a match has at least one code point per letter of the value
  // (case folding maps code point to code point) and one per gap between its words.
  const patterns = [...forms].sort((a, b) => b.length - a.length).map((form) => ({
    form, least: Array.from(form.replace(/\s+/g, ' ')).length, pattern: undefined as RegExp | undefined,
  }));
  return (text) => {
    let out = text.normalize('NFC');
    for (const p of patterns) {
      if (out.length < p.least) continue;
      p.pattern ??= secretPattern(p.form);
      out = out.replace(p.pattern, (found) => protect(found));
    }
    return out.replace(/\d{9,}/g, (digits) => protect(digits));
  };
}

/** A case-insensitive pattern for one value: its words separated by any whitespace; short values as whole words. */
function secretPattern(value: string): RegExp {
  const body = value.split(/\s+/).map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('\\s+');
  return Array.from(value).length < 3
    ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, 'giu')
    : new RegExp(body, 'giu');
}
