import type { CheckResult, RuleContext, ValueRule } from '../core/types.js';
import { identifiers } from '../../rules/vn/identifiers.js';
import { province } from '../../rules/vn/admin/province.js';
import { commune } from '../../rules/vn/admin/commune.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { landUseCode } from '../../rules/vn/land/land-use-code.js';
import { diagnoseEncoding } from '../../rules/vn/text/legacy-encoding.js';
import { vnName } from '../../rules/vn/text/vn-name.js';
import { profileLabels } from './_profile-labels.js';

/** The Vietnamese recognisers of `profile`, in the order a suggestion prefers them when several match. */
export const RECOGNISERS = [
  'cccd', 'bhyt', 'mst', 'phone', 'bhxh', 'cmnd', 'commune', 'province2025', 'province2008', 'landUseCode2024', 'landUseCode2013',
  'personName',
] as const;
export type RecogniserName = (typeof RECOGNISERS)[number];

/** What each recogniser's value looks like, for the evidence a profile gives (`99.6% look like CCCD`). */
export const RECOGNISER_LABELS: Readonly<Record<RecogniserName, string>> = profileLabels('en').recognisers;

/**
 * Recognisers that know a value by its number of digits alone: the pack's `bhxh` and `cmnd` rules have no check digit
 * and no list, so ten digits are as much an amount (charter capital `1500000000`) as a BHXH number, and nine a count.
 * Their match counts only where the column's name says it holds people's numbers (`personalColumnName`,
 * `nameSaysIdentifiers`); elsewhere the profile says the values have their form, suggests no rule and masks nothing
 * on their account.
 */
export const FORM_ONLY: ReadonlyMap<RecogniserName, number> = new Map([['bhxh', 10], ['cmnd', 9]]);

/** One recogniser: a cheap test of the value's form, then the pack rule that must pass on it. */
interface Recogniser {
  readonly name: RecogniserName;
  readonly form: { test(text: string): boolean };
  /** The pack rule; `undefined` for communes, whose rule is the context's (built from the lists given). */
  readonly rule: ValueRule | undefined;
}

/**
 * The context the recognisers judge in: the day (`today`), and the pack's `commune` rule over the commune lists the
 * profile was given. Without lists there is none, and no value is a commune code: five digits alone are also an
 * Excel serial date (43900), an amount or a postal code, and `commune()` without a list checks the form only, so a
 * suggested `vn: [commune]` would pass whatever the column holds.
 */
export interface ValueContext extends RuleContext {
  readonly commune?: ValueRule;
}

// The rules are the Vietnamese pack's own, so a column recognised here passes the rule the suggestion names.
const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
/**
 * Two to six capitalised words joined by single spaces, apostrophes or hyphens. Split first, then one word at a time:
 * a single pattern repeating the word group is refused by ddss's own backtracking guard.
 */
const PERSON_NAME_FORM = {
  test(text: string): boolean {
    const words = text.split(/[ '-]/);
    return words.length >= 2 && words.length <= 6 && words.every((w) => CAPITALISED_WORD.test(w));
  },
};

const ALL: readonly Recogniser[] = [
  { name: 'cccd', form: /^\d{12}$/, rule: identifiers.cccd() },
  { name: 'bhyt', form: /^[A-Z]{2}\d{13}$/, rule: identifiers.bhyt() },
  { name: 'mst', form: /^\d{10}(?:-\d{3}|\d{3})?$/, rule: identifiers.mst({ acceptPersonalId: false }) },
  // A trunk zero, a country code or a hotline prefix first: other digit runs (tax codes, IDs) skip the phone parser.
  { name: 'phone', form: /^(?:\+|0|84|1[89]00)[\d .()-]{6,16}$/, rule: identifiers.phone() },
  { name: 'bhxh', form: /^\d{10}$/, rule: identifiers.bhxh() },
  { name: 'cmnd', form: /^\d{9}$/, rule: identifiers.cmnd() },
  { name: 'commune', form: /^\d{5}$/, rule: undefined },
  { name: 'province2025', form: /^\d{2}$/, rule: province({ scheme: '2025-07-01' }) },
  { name: 'province2008', form: /^\d{2}$/, rule: province({ scheme: '2008-08-01' }) },
  { name: 'landUseCode2024', form: /^[A-Z]{2,4}$/, rule: landUseCode({ scheme: '2024', strict: true }) },
  { name: 'landUseCode2013', form: /^[A-Z]{2,4}$/, rule: landUseCode({ scheme: '2013', strict: true }) },
  // Two to six capitalised words the pack's name rule accepts: personal data, so the profile masks the column.
  { name: 'personName', form: PERSON_NAME_FORM, rule: vnName() },
];

/**
 * The recognisers a (trimmed, non-missing) value matches, as flags in `RECOGNISERS` order: the form fits and the
 * pack rule finds nothing wrong on the day `ctx.today`.
 * @example recognise('001089012345', ctx) // [true, false, …] (cccd)
 */
export function recognise(text: string, ctx: ValueContext): boolean[] {
  return ALL.map((r) => {
    const rule = r.name === 'commune' ? ctx.commune : r.rule;
    return rule !== undefined && r.form.test(text) && passes(rule.check(text, ctx));
  });
}

/**
 * What a text value shows of its encoding: `legacy` when it reads as TCVN3/VNI text or mojibake (the pack's
 * `legacyEncoding` diagnosis), `nfd` when it is not in Unicode NFC. Plain ASCII is neither.
 * @example textSigns('Hoa\u0300') // { legacy: false, nfd: true }
 */
export function textSigns(text: string): { readonly legacy: boolean; readonly nfd: boolean } {
  // eslint-disable-next-line no-control-regex -- the ASCII range, not control characters
  if (/^[\x00-\x7f]*$/.test(text)) return { legacy: false, nfd: false };
  return { legacy: diagnoseEncoding(text) !== undefined, nfd: text.normalize('NFC') !== text };
}

function passes(r: CheckResult): boolean {
  if (r === undefined || r === null || r === true) return true;
  if (r === false) return false;
  return Array.isArray(r) ? r.length === 0 : false;
}

/**
 * A rule context for checking single values on the day `now` (UTC): what the recognisers need, no row. With
 * `communes` (lists loaded by `loadAdminUnits`), a five-digit value is a commune code when the pack's `commune` rule
 * finds it in them, as `commune({ tables })` judges it on that day; without, no value is one.
 * @example recognise('001089012345', valueContext(new Date()))
 * @example recognise('26734', valueContext(new Date(), [loadAdminUnits('communes-2025.json')]))
 */
export function valueContext(now: Date, communes: readonly CommuneTable[] = []): ValueContext {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    row: 0, line: undefined, now, nowMs: now.getTime(), timeZone: 'UTC', today, todayMs: today.getTime(),
    fieldType: () => undefined, record: {}, key: () => undefined, raw: () => undefined, missing: () => true,
    ...(communes.length === 0 ? {} : { commune: commune({ tables: communes }) }),
  };
}
