import type { Locale, LocalizedText, Report, RuleResult } from '../core/types.js';

/**
 * A localized text in one locale (a plain string is the same in both).
 * @example localized({ en: 'Gender', vi: 'Giới tính' }, 'vi') // 'Giới tính'
 */
export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined {
  return text === undefined ? undefined : typeof text === 'string' ? text : text[locale];
}

/**
 * What a human-readable output calls the dataset: its title with the name in brackets, or the name alone.
 * @example datasetHeading(report, 'vi') // 'Sổ nhân khẩu (people)'
 */
export function datasetHeading(report: Report, locale: Locale): string {
  const title = localized(report.title, locale);
  return title === undefined || title === report.dataset ? report.dataset : `${title} (${report.dataset})`;
}

/**
 * The label of a rule's field in the locale, when it has one.
 * @example fieldLabel(rule, 'en') // 'Personal ID'
 */
export function fieldLabel(rule: RuleResult, locale: Locale): string | undefined {
  return localized(rule.fieldLabel, locale);
}
