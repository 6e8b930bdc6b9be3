import type { Criterion, Severity } from 'ddss';
import type { Expectation } from './manifest.js';

/** An expectation that `rule` reports the row (under its criterion and severity). */
export function fires(rule: string, criterion: Criterion, severity: Severity = 'error'): Expectation {
  return { rule, criterion, severity };
}

/** The text in Excel's scientific display (`1.08901E+09`): what a 12-digit ID becomes in a numeric column. */
export function excelScientific(digits: string): string {
  const [mantissa, exponent] = Number(digits).toExponential(5).toUpperCase().split('E') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** Canonically decomposed text (NFD): what some macOS tools and web forms submit. */
export function nfd(text: string): string {
  return text.normalize('NFD');
}
