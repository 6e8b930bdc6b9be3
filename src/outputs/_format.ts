import type { Locale } from '../core/types.js';

/*
 * Number formatting written by hand rather than with Intl: the outputs must be byte-identical for the same report on
 * every machine, and Intl's output depends on the ICU data Node was built with.
 */

/**
 * A count with thousands separators (`,` in English, `.` in Vietnamese).
 * @example formatCount(1234567, 'vi') // '1.234.567'
 */
export function formatCount(n: number, locale: Locale): string {
  const sep = locale === 'vi' ? '.' : ',';
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * A share in [0, 1] as a percentage with at most one decimal, never rounded up to 100% or down to 0% when it is not
 * exactly that (a 99.97% score must not read as perfect). `null` gives `—`.
 * @example formatPercent(0.98765, 'en') // '98.8%'
 */
export function formatPercent(share: number | null, locale: Locale): string {
  if (share === null || !Number.isFinite(share)) return '—';
  let tenths = Math.round(share * 1000);
  if (tenths >= 1000 && share < 1) tenths = 999;
  if (tenths <= 0 && share > 0) tenths = 1;
  const whole = Math.trunc(tenths / 10);
  const frac = tenths % 10;
  const text = frac === 0 ? String(whole) : `${whole}${locale === 'vi' ? ',' : '.'}${frac}`;
  return `${text}%`;
}

/** How a score reads at a glance; the thresholds are display conventions only, never used for pass/fail. */
export type Band = 'good' | 'fair' | 'poor' | 'none';

/**
 * The display band of a score: good ≥ 95%, fair ≥ 80%, poor below, none for null.
 * @example scoreBand(0.9) // 'fair'
 */
export function scoreBand(score: number | null): Band {
  if (score === null || !Number.isFinite(score)) return 'none';
  return score >= 0.95 ? 'good' : score >= 0.8 ? 'fair' : 'poor';
}

/**
 * The run's `now` (an ISO string) as `yyyy-MM-dd HH:mm UTC`, independent of the machine's time zone.
 * @example formatInstant('2026-11-22T00:00:00.000Z') // '2026-11-22 00:00 UTC'
 */
export function formatInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m === null ? iso : `${m[1]} ${m[2]} UTC`;
}

/**
 * A rule parameter for display: strings and numbers as they are, `{ en, vi }` texts in the locale, regexes by source,
 * anything else as JSON.
 * @example formatParam({ en: 'text', vi: 'văn bản' }, 'vi') // 'văn bản'
 */
export function formatParam(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof RegExp) return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && 'en' in value && 'vi' in value) {
    return formatParam((value as Record<string, unknown>)[locale], locale);
  }
  if (Array.isArray(value)) return value.map((v) => formatParam(v, locale)).join(', ');
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
