import { stripSpaces } from '../../../src/core/strip-spaces.js';

/**
 * The enterprise forms of Luật Doanh nghiệp 2020 (DOMAIN-VN §8): LLCs, joint-stock, partnership, private enterprise.
 * @example ENTERPRISE_FORMS.includes('CP') // true
 */
export const ENTERPRISE_FORMS: readonly string[] = Object.freeze(['TNHH1TV', 'TNHH2TV', 'CP', 'HD', 'DNTN']);
/**
 * Dependent units (DOMAIN-VN §8): branch and representative office.
 * @example DEPENDENT_UNITS // ['CN', 'VPDD']
 */
export const DEPENDENT_UNITS: readonly string[] = Object.freeze(['CN', 'VPDD']);

/** The value, trimmed, is one of `values`. */
export function isOneOf(value: unknown, values: ReadonlySet<string>): boolean {
  return typeof value === 'string' && values.has(stripSpaces(value));
}
