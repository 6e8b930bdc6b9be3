import { maskValue } from '../core/mask.js';
import type { CandidateTally, ColumnState } from './column-state.js';
import { HLL_STANDARD_ERROR, hllEstimate, type Hll } from './hll.js';
import { excelSerialDates, type ExcelSerialDates } from './excel-serial-dates.js';
import { nameSaysIdentifiers, personalColumnName } from './personal-column.js';
import { personalValue } from './personal-value.js';
import { FORM_ONLY, RECOGNISERS, type RecogniserName } from './recognisers.js';
import { topValues } from './top-counts.js';
import { TYPE_CANDIDATES } from './type-candidates.js';
import type { ColumnProfile, DistinctCount, ProfiledType, Recognition } from './types.js';

/** Share of the non-missing values a type or recogniser must read to be inferred (the rest are its findings). */
export const MATCH_SHARE = 0.95;
/** Most distinct values of an `enum` column. */
export const ENUM_MAX = 10;
const TOP = 10;

/** Share of the values a personal recogniser must match for the column to be masked (a rule needs `MATCH_SHARE`). */
const MOSTLY = 0.5;
/**
 * Share of the values that, looking like personal data by themselves (`personalValue`, names), make the column
 * personal: a notes column (`Ghi chú`) a third of whose cells are CCCD holds people's IDs, below `MOSTLY`.
 */
const SOME = 0.3;

// Identifiers of persons: their values are personal data and shown masked.
const PERSONAL: ReadonlySet<RecogniserName> = new Set(['cccd', 'cmnd', 'bhxh', 'bhyt', 'phone', 'personName']);

/** Whether a recogniser's values are personal data (identifiers of persons, names). */
export function isPersonalRecogniser(name: RecogniserName): boolean {
  return PERSONAL.has(name);
}

/**
 * The profile of one column from its state: inferred type, counts, ranges and the recognisers' verdicts. Values of
 * personal columns are masked unless `showValues`; `unnamed`: the header was a record, so its name tells nothing;
 * `named`: the column is personal whatever its values (its name in the file said so before it was renamed).
 * @example finishColumn(state, 2000, false).type // 'date'
 */
export function finishColumn(s: ColumnState, rows: number, showValues: boolean, unnamed = false, named = false): ColumnProfile {
  // A row without the column (a JSON record without the key) has it missing.
  const missing = s.missing + Math.max(0, rows - s.cells);
  const cells = Math.max(rows, s.cells);
  const present = cells - missing;
  // BHXH and CMND numbers are known by their digits alone: only a name that says so makes nine or ten digits a person's
  // number rather than an amount or a count (a column without a name — the header was a record — is masked anyway).
  const vouched = (name: RecogniserName): boolean => !FORM_ONLY.has(name) || named || (!unnamed && nameSaysIdentifiers(s.name));
  const recognisers: Recognition[] = RECOGNISERS.map((name, i) => {
    const grouped = s.grouped[i] as number;
    return { name, matched: s.recognised[i] as number, share: share(s.recognised[i] as number, present), ...(grouped > 0 ? { grouped } : {}),
      ...(vouched(name) ? {} : { formOnly: true as const }) };
  })
    .filter((r) => r.matched + (r.grouped ?? 0) > 0)
    .sort((a, b) => b.matched - a.matched);
  const recognised = present === 0 ? undefined : RECOGNISERS.find((name, i) => (s.recognised[i] as number) >= MATCH_SHARE * present && vouched(name));
  // Personal: recognised as personal identifiers or names; or most values are (an untidy ID column, too untidy for a
  // rule to be suggested, is still people's IDs); or the column's name says so (birth dates, addresses, e-mail). A
  // column without a name to judge by (the header was a record) is personal unless recognised as codes.
  const best = recognisers.find((r) => r.formOnly !== true);
  const byRule = (recognised !== undefined && PERSONAL.has(recognised)) || (present > 0 && s.strippedIds >= SOME * present) ||
    (best !== undefined && PERSONAL.has(best.name) && best.share >= MOSTLY) ||
    named || (unnamed ? recognised === undefined : personalColumnName(s.name));
  const distinct: DistinctCount = s.values.exact ? { count: s.values.counts.size, exact: true }
    : { count: Math.round(hllEstimate(s.distinct as Hll)), exact: false, standardError: HLL_STANDARD_ERROR };
  // A personal column is no code list, whatever few values it holds: an enum would list them in the suggestion.
  // Nor is a column whose frequent values include one shaped like personal data (its values would be listed).
  const shaped = topValues(s.values, TOP).some(([v]) => personalValue(v));
  let typed = _type(s, present, recognised !== undefined, distinct, !byRule && !shaped);
  // Identifiers in scientific notation read as numbers: a number column would pass every one of them, digits lost.
  const scientific = present > 0 && s.scientific >= SOME * present;
  if (scientific && (typed.type.type === 'number' || typed.type.type === 'integer' || typed.type.type === 'enum')) typed = { type: { type: 'text' } };
  // Values shaped like IDs count in text only: an amount column (charter capital 1000000000) has ID-long numbers.
  const numeric = typed.type.type === 'integer' || typed.type.type === 'number';
  const personal = byRule || (!numeric && present > 0 && s.personalValues >= SOME * present);
  if (personal && !byRule && typed.type.type === 'enum') typed = _type(s, present, recognised !== undefined, distinct, false);
  // Text read in the wrong encoding (U+FFFD where its bytes were not UTF-8) cannot be recognised: a column of names
  // would be shown as it is. Such a column is masked too, until its encoding is declared.
  const unreadable = !personal && topValues(s.values, TOP).some(([v]) => v.includes('\uFFFD'));
  // A value shaped like an ID or an e-mail is masked in any text column: fewer of them than `SOME` still are people's.
  const shown = (v: string): string => ((personal || unreadable || (!numeric && personalValue(v))) && !showValues ? maskValue(v) : v);
  const range = _range(typed.type, typed.tally);
  const serials = _excelSerials(s, typed.type.type, range, recognised, present);
  return {
    name: s.name, occurrence: s.occurrence, cells, missing, missingShare: share(missing, cells), placeholders: s.placeholders,
    ...typed.type,
    typeFailures: typed.tally === undefined ? 0 : present - typed.tally.n,
    distinct,
    ...(present === 0 || typed.type.type === 'enum' || typed.type.type === 'text' ? _textRange(s, shown) : _shownRange(range, personal && !showValues)),
    ...(present === 0 ? {} : { length: { min: s.minLength, max: s.maxLength } }),
    top: topValues(s.values, TOP).map(([value, count]) => ({ value: shown(value), count })),
    topExact: s.values.exact,
    shapes: topValues(s.shapes, TOP).map(([sh, count]) => ({ shape: sh, count })),
    shapesExact: s.shapes.exact,
    recognisers, ...(recognised === undefined ? {} : { recognised }),
    legacyEncoded: s.legacy, nfd: s.nfd, padded: s.padded, personal,
    ...(serials === undefined ? {} : { excelSerialDates: serials }),
    ...(scientific ? { scientificIds: { count: s.scientific, digitsOnly: s.scientific + s.digitsOnly === present } } : {}),
  };
}

/**
 * Whether the column may hold Excel serial dates, judged on its range as read (before a personal column's is masked):
 * an integer or number column's, or — since five-digit serials (27/05/1927 on) have the form of commune codes — a
 * commune-code column's read as integers, when none has a leading zero (a serial never has).
 */
function _excelSerials(s: ColumnState, type: ProfiledType, range: { min?: string | number; max?: string | number },
  recognised: RecogniserName | undefined, present: number): ExcelSerialDates | undefined {
  if (recognised === undefined && typeof range.min === 'number' && typeof range.max === 'number') {
    return excelSerialDates(s.name, type, range.min, range.max);
  }
  const integers = s.types[INTEGER] as CandidateTally;
  if (recognised !== 'commune' || s.leadingZeros > 0 || integers.n < MATCH_SHARE * present) return undefined;
  return excelSerialDates(s.name, 'integer', integers.min, integers.max);
}

const INTEGER = TYPE_CANDIDATES.findIndex((c) => c.id === 'integer');

type Typed = { type: ProfiledType; decimal?: '.' | ','; format?: string };

function _type(s: ColumnState, present: number, recognised: boolean, distinct: DistinctCount, listable: boolean): { type: Typed; tally?: CandidateTally } {
  if (present === 0) return { type: { type: 'empty' } };
  if (!recognised) {
    let best = -1;
    for (let i = 0; i < TYPE_CANDIDATES.length; i++) {
      const id = (TYPE_CANDIDATES[i] as (typeof TYPE_CANDIDATES)[number]).id;
      // Digits with a leading zero are codes (commune 00001): a number type would lose the zero.
      if (s.leadingZeros > 0 && (id === 'integer' || id.startsWith('number'))) continue;
      const n = (s.types[i] as CandidateTally).n;
      if (n >= MATCH_SHARE * present && (best < 0 || n > (s.types[best] as CandidateTally).n)) best = i;
    }
    if (best >= 0) {
      const id = (TYPE_CANDIDATES[best] as (typeof TYPE_CANDIDATES)[number]).id;
      const tally = s.types[best] as CandidateTally;
      if (id === 'integer' || id === 'datetime' || id === 'boolean') return { type: { type: id }, tally };
      if (id.startsWith('number')) return { type: { type: 'number', decimal: id === 'number,' ? ',' : '.' }, tally };
      return { type: { type: 'date', format: id.slice('date:'.length) }, tally };
    }
    // Dates in several formats, none read by 95%: a date column in the format most of them are in, the others its
    // type rule's findings. As text, validation would pass dates no one can sort or compare.
    if (s.dated >= MATCH_SHARE * present) {
      let most = -1;
      TYPE_CANDIDATES.forEach((c, i) => {
        if (c.id.startsWith('date:') && (most < 0 || (s.types[i] as CandidateTally).n > (s.types[most] as CandidateTally).n)) most = i;
      });
      const id = (TYPE_CANDIDATES[most] as (typeof TYPE_CANDIDATES)[number]).id;
      return { type: { type: 'date', format: id.slice('date:'.length) }, tally: s.types[most] as CandidateTally };
    }
  }
  const isEnum = !recognised && listable && distinct.exact && distinct.count <= ENUM_MAX && distinct.count * 2 <= present;
  return { type: { type: isEnum ? 'enum' : 'text' } };
}

function _range(t: Typed, tally: CandidateTally | undefined): { min?: string | number; max?: string | number } {
  if (tally === undefined || tally.n === 0) return {};
  if (t.type === 'date' || t.type === 'datetime') {
    const iso = (ms: number) => (t.type === 'date' ? new Date(ms).toISOString().slice(0, 10) : new Date(ms).toISOString());
    return { min: iso(tally.min), max: iso(tally.max) };
  }
  if (t.type === 'boolean') return {};
  return { min: tally.min, max: tally.max };
}

/** A range of a personal column masked: the oldest and the youngest birth date are two people's. */
function _shownRange(r: { min?: string | number; max?: string | number }, mask: boolean): { min?: string | number; max?: string | number } {
  if (!mask) return r;
  return { ...(r.min === undefined ? {} : { min: maskValue(String(r.min)) }), ...(r.max === undefined ? {} : { max: maskValue(String(r.max)) }) };
}

/** Text columns: least and greatest value by code point, from the exact counts only (a summary has lost values). */
function _textRange(s: ColumnState, shown: (v: string) => string): { min?: string; max?: string } {
  if (!s.values.exact || s.values.counts.size === 0) return {};
  let min: string | undefined;
  let max: string | undefined;
  for (const v of s.values.counts.keys()) {
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  return { min: shown(min as string), max: shown(max as string) };
}

function share(n: number, of: number): number {
  return of === 0 ? 0 : n / of;
}
