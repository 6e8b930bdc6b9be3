/** Shared readings of typed values for the cross-field rules. */

import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** An identifier as text: strings trimmed, non-negative safe integers as decimal text; else undefined. */
export function idText(v: unknown): string | undefined {
  if (typeof v === 'string') return stripSpaces(v);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return undefined;
}

/** A year from an integer, a 4-digit text or a date (its UTC year); else undefined. */
export function yearOf(v: unknown): number | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getUTCFullYear();
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string') {
    const t = stripSpaces(v);
    return /^\d{4}$/.test(t) ? Number(t) : undefined;
  }
  return undefined;
}

const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** An amount in VND with thousands separators, in both locales (`3,450,000` / `3.450.000`). */
export function vnd(amount: number): { en: string; vi: string } {
  return { en: EN.format(amount), vi: VI.format(amount) };
}

/** `MM/yyyy` of a date, in UTC. */
export function monthText(d: Date): string {
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
