import { FORM_ONLY } from './recognisers.js';
import { excelSerialEvidence } from './excel-serial-dates.js';
import { MATCH_SHARE } from './finish-column.js';
import { profileLabels, profilePercent, type ProfileLabels } from './_profile-labels.js';
import type { ColumnProfile, Profile, Recognition } from './types.js';

const EN = profileLabels('en');

/**
 * The column's type as a reader wants it: `date (dd/MM/yyyy)`, `number (decimal ",")`, `empty`.
 * @example typeText({ type: 'date', format: 'dd/MM/yyyy', … }) // 'date (dd/MM/yyyy)'
 */
export function typeText(c: ColumnProfile, l: ProfileLabels = EN): string {
  if (c.type === 'date') return l.dateType(c.format ?? '');
  if (c.type === 'number') return l.numberType(c.decimal ?? '.');
  return l.types[c.type];
}

/**
 * The distinct count: `1 990`, or `≈ 1 234 567 (estimate ±1.6%)`.
 * @example distinctText({ distinct: { count: 5, exact: true }, … }) // '5'
 */
export function distinctText(c: ColumnProfile, l: ProfileLabels = EN): string {
  return c.distinct.exact ? String(c.distinct.count) : l.estimate(c.distinct.count, profilePercent(c.distinct.standardError ?? 0, l.locale));
}

/**
 * The findings of the recognisers and text checks, one phrase each (`99.6% look like CCCD …`).
 * @example signsText(c) // ['98.2% look like CCCD (12-digit personal ID)', '3 TCVN3/VNI-encoded']
 */
export function signsText(c: ColumnProfile, communeLists?: Profile['communeLists'], l: ProfileLabels = EN): string[] {
  const pct = (share: number): string => profilePercent(share, l.locale);
  const form = communeFormText(c, communeLists, l);
  const out = c.recognisers.filter((r) => r.share >= 0.5 || r.name === c.recognised)
    .map((r) => (r.formOnly === true ? formOnlyText(r, l)
      : `${l.lookLike(pct(r.share), l.recognisers[r.name])}${r.name === c.recognised ? ' ✓' : ''}`));
  if (form !== undefined) out.push(form);
  if (c.legacyEncoded > 0) out.push(l.legacy(c.legacyEncoded));
  if (c.nfd > 0) out.push(l.nfd(c.nfd));
  if (c.padded > 0) out.push(l.padded(c.padded));
  if (c.typeFailures > 0) out.push(l.notReadAs(c.typeFailures, l.types[c.type]));
  if (c.excelSerialDates !== undefined) out.push(l.excelSerial(excelSerialWhyIn(c, l)));
  if (c.scientificIds !== undefined) out.push(l.scientificIds(c.scientificIds.count));
  return out;
}

/** Why a column may hold Excel serial dates, in the labels' language (`excelSerialWhy`). */
function excelSerialWhyIn(c: ColumnProfile, l: ProfileLabels): string {
  const { byName, dates } = excelSerialEvidence(c);
  return l.excelSerialWhy(byName, dates);
}

/**
 * What a column of five-digit values not recognised as commune codes is: the form of commune codes, unchecked without
 * a commune list (`communeLists` absent), or mostly in none of the lists given. `undefined` for other columns, and
 * for one that may hold Excel serial dates.
 * @example communeFormText(c, undefined) // '100% have the form of commune codes (5 digits), unchecked: no commune list given (--communes FILE)'
 */
export function communeFormText(c: ColumnProfile, communeLists: Profile['communeLists'], l: ProfileLabels = EN): string | undefined {
  const present = c.cells - c.missing;
  const five = c.shapes.find((s) => s.shape === '99999')?.count ?? 0;
  // A column that may hold Excel serial dates is said so instead: its five digits are dates, not codes.
  if (c.recognised !== undefined || c.excelSerialDates !== undefined || present === 0 || five < MATCH_SHARE * present) return undefined;
  const form = l.communeForm(profilePercent(five / present, l.locale));
  if (communeLists === undefined) return `${form}, ${l.communeUnchecked}`;
  const found = c.recognisers.find((r) => r.name === 'commune')?.matched ?? 0;
  return `${form}, ${l.communeInLists(found, communeLists.join(', '))}`;
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
export function formOnlyText(r: Recognition, l: ProfileLabels = EN): string {
  const what = l.recognisers[r.name].replace(/ \([^)]*\)$/, '');
  return l.formOnly(profilePercent(r.share, l.locale), what, FORM_ONLY.get(r.name) ?? 0);
}
