import { FORM_ONLY, RECOGNISER_LABELS } from './recognisers.js';
import { excelSerialWhy } from './excel-serial-dates.js';
import { percent } from './suggest-definition.js';
import { MATCH_SHARE } from './finish-column.js';
import type { ColumnProfile, Profile, Recognition } from './types.js';

/**
 * The column's type as a reader wants it: `date (dd/MM/yyyy)`, `number (decimal ",")`, `empty`.
 * @example typeText({ type: 'date', format: 'dd/MM/yyyy', … }) // 'date (dd/MM/yyyy)'
 */
export function typeText(c: ColumnProfile): string {
  if (c.type === 'date') return `date (${c.format ?? ''})`;
  if (c.type === 'number') return `number (decimal "${c.decimal ?? '.'}")`;
  return c.type;
}

/**
 * The distinct count: `1 990`, or `≈ 1 234 567 (estimate ±1.6%)`.
 * @example distinctText({ distinct: { count: 5, exact: true }, … }) // '5'
 */
export function distinctText(c: ColumnProfile): string {
  return c.distinct.exact ? String(c.distinct.count)
    : `≈ ${c.distinct.count} (HyperLogLog estimate ±${percent(c.distinct.standardError ?? 0)})`;
}

/**
 * The findings of the recognisers and text checks, one phrase each (`99.6% look like CCCD …`).
 * @example signsText(c) // ['98.2% look like CCCD (12-digit personal ID)', '3 TCVN3/VNI-encoded']
 */
export function signsText(c: ColumnProfile, communeLists?: Profile['communeLists']): string[] {
  const form = communeFormText(c, communeLists);
  const out = c.recognisers.filter((r) => r.share >= 0.5 || r.name === c.recognised)
    .map((r) => (r.formOnly === true ? formOnlyText(r)
      : `${percent(r.share)} look like ${RECOGNISER_LABELS[r.name]}${r.name === c.recognised ? ' ✓' : ''}`));
  if (form !== undefined) out.push(form);
  if (c.legacyEncoded > 0) out.push(`${c.legacyEncoded} TCVN3/VNI-encoded or garbled`);
  if (c.nfd > 0) out.push(`${c.nfd} not in Unicode NFC`);
  if (c.padded > 0) out.push(`${c.padded} with surrounding spaces`);
  if (c.typeFailures > 0) out.push(`${c.typeFailures} not read as ${c.type}`);
  if (c.excelSerialDates !== undefined) out.push(`may hold dates as Excel serial numbers: ${excelSerialWhy(c)} (nothing converted)`);
  return out;
}

/**
 * What a column of five-digit values not recognised as commune codes is: the form of commune codes, unchecked without
 * a commune list (`communeLists` absent), or mostly in none of the lists given. `undefined` for other columns, and
 * for one that may hold Excel serial dates.
 * @example communeFormText(c, undefined) // '100% have the form of commune codes (5 digits), unchecked: no commune list given (--communes FILE)'
 */
export function communeFormText(c: ColumnProfile, communeLists: Profile['communeLists']): string | undefined {
  const present = c.cells - c.missing;
  const five = c.shapes.find((s) => s.shape === '99999')?.count ?? 0;
  // A column that may hold Excel serial dates is said so instead: its five digits are dates, not codes.
  if (c.recognised !== undefined || c.excelSerialDates !== undefined || present === 0 || five < MATCH_SHARE * present) return undefined;
  const form = `${percent(five / present)} have the form of commune codes (5 digits)`;
  if (communeLists === undefined) return `${form}, unchecked: no commune list given (--communes FILE)`;
  const found = c.recognisers.find((r) => r.name === 'commune')?.matched ?? 0;
  return `${form}, ${found === 0 ? 'none' : `only ${found}`} in the commune lists given (${communeLists.join(', ')})`;
}

/**
 * The range of the column's values: `1961 – 2007`, or '' when there is none.
 * @example rangeText({ min: 1, max: 9, … }) // '1 – 9'
 */
export function rangeText(c: ColumnProfile): string {
  return c.min === undefined || c.max === undefined ? '' : `${String(c.min)} – ${String(c.max)}`;
}

/**
 * What a recogniser that knows values by their digits alone says of a column whose name does not vouch for them
 * (`Recognition.formOnly`): the form, not the kind.
 * @example formOnlyText({ name: 'bhxh', share: 1, matched: 200, formOnly: true })
 * // "100% have the form of BHXH social-insurance numbers (10 digits), which amounts and counts have too: the column's name does not say they are"
 */
export function formOnlyText(r: Recognition): string {
  const what = RECOGNISER_LABELS[r.name].replace(/ \([^)]*\)$/, '');
  return `${percent(r.share)} have the form of ${what} (${FORM_ONLY.get(r.name) ?? '?'} digits), which amounts and counts have too: the column's name does not say they are`;
}
