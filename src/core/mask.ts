import { createHmac } from 'node:crypto';
import type { PiiMode } from './types.js';

/**
 * Masks a personal value for display: identifiers keep a short prefix and suffix (`0010******45`), words keep their
 * first letter (`N***** V** A*`). Short values are masked entirely, so nothing identifying is left.
 */
export function maskValue(text: string): string {
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
 * Replaces every occurrence of the given secrets in a text (error messages may quote cell values), and any run of
 * nine or more digits, which is shaped like a personal identifier whichever row it came from.
 */
export function redact(text: string, secrets: readonly string[], protect: (s: string) => string): string {
  let out = text;
  for (const s of secrets) if (s.length >= 3 && out.includes(s)) out = out.split(s).join(protect(s));
  return out.replace(/\d{9,}/g, (digits) => protect(digits));
}
