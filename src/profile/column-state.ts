import { hll, hllAdd, hllMerge, type Hll } from './hll.js';
import { recognise, RECOGNISERS, textSigns, type ValueContext } from './recognisers.js';
import { shape } from './shape.js';
import { groupedDigits, personalValue } from './personal-value.js';
import { countValue, mergeCounts, topCounts, type ExactBudget, type TopCounts } from './top-counts.js';
import { candidateValue, TYPE_CANDIDATES } from './type-candidates.js';
import { twoDigitYear } from './two-digit-year.js';
import { scientificIdentifier } from '../../rules/vn/identifiers/_text.js';

/** Bounds of a profile's memory per column. */
export interface ColumnBounds {
  /** Distinct values counted exactly (beyond them: HyperLogLog and a heavy-hitters summary). */
  readonly distinct: number;
  /** Counters of the heavy-hitters summary of values and of shapes. */
  readonly top: number;
  /** Distinct shapes counted exactly. */
  readonly shapes: number;
}

/** The range a type candidate read: how many values, their least and greatest. */
export interface CandidateTally { n: number; min: number; max: number }

/** What a profile keeps of one column while reading: every part bounded and mergeable. */
export interface ColumnState {
  readonly name: string;
  /** 0 for the first column of this name, 1 for a second one the header repeats, … */
  readonly occurrence: number;
  /** Cells seen (rows that had this column). */
  cells: number;
  missing: number;
  /** Missing cells that held a placeholder (`NULL`, `00/00/0000`) rather than nothing. */
  placeholders: number;
  values: TopCounts;
  /**
   * The distinct-count sketch, made only when `values` leaves its exact regime (from the values it held, then fed):
   * while exact, `values` counts the distinct values itself, and 4 kB a column was most of the memory a wide file's
   * profile took (500,000 columns: 2 GB). Null while `values` is exact.
   */
  distinct: Hll | null;
  shapes: TopCounts;
  minLength: number;
  maxLength: number;
  /** Per `TYPE_CANDIDATES` entry. */
  types: CandidateTally[];
  /** Digit-only values with a leading zero (`007`): a code, not a number. */
  leadingZeros: number;
  /** Non-missing values with surrounding white space. */
  padded: number;
  /** Per `RECOGNISERS` entry: values it matched. */
  recognised: number[];
  /**
   * Per `RECOGNISERS` entry: values it matched only once the spaces, dots or dashes between digit groups are gone, or
   * (CCCD) once the leading zeros a spreadsheet dropped are back.
   */
  grouped: number[];
  legacy: number;
  nfd: number;
  /** Values that look like personal data by themselves (`personalValue`, or a name): a share of them masks the column. */
  personalValues: number;
  /** Numbers that are a CCCD once the leading zero Excel dropped is back (`79199012345`): personal in any column type. */
  strippedIds: number;
  /** Values some date candidate reads: a column of dates in mixed formats is a date column with findings, not text. */
  dated: number;
  /**
   * Values that are an integer of 9 digits or more in a spreadsheet's scientific notation (`1.08901E+11`): an
   * identifier that went through a numeric column, its last digits lost.
   */
  scientific: number;
  /** Values of ASCII digits only (`001089012345`), beside which the scientific ones stand out as no identifier's form. */
  digitsOnly: number;
}

/**
 * An empty column state.
 * @example columnState('owner_id', { distinct: 10_000, top: 64, shapes: 1_000 }).cells // 0
 */
export function columnState(name: string, b: ColumnBounds, occurrence = 0, budget?: ExactBudget): ColumnState {
  return {
    name, occurrence, cells: 0, missing: 0, placeholders: 0, values: topCounts(b.distinct, b.top, undefined, budget), distinct: null,
    shapes: topCounts(b.shapes, b.top, undefined, budget), minLength: Infinity, maxLength: -Infinity,
    types: TYPE_CANDIDATES.map(() => ({ n: 0, min: Infinity, max: -Infinity })), leadingZeros: 0, padded: 0,
    recognised: RECOGNISERS.map(() => 0), grouped: RECOGNISERS.map(() => 0), legacy: 0, nfd: 0, personalValues: 0, strippedIds: 0, dated: 0,
    scientific: 0, digitsOnly: 0,
  };
}

/**
 * Adds one cell. `missing` is the dataset's missing test (the Vietnamese placeholders); `ctx` is the day the
 * recognisers judge on.
 * @example addCell(s, '001089012345', isMissing, ctx)
 */
export function addCell(s: ColumnState, raw: unknown, missing: (raw: unknown) => boolean, ctx: ValueContext): void {
  s.cells++;
  if (missing(raw)) {
    s.missing++;
    if (typeof raw === 'string' && raw.trim() !== '') s.placeholders++;
    return;
  }
  const text = cellText(raw);
  const left = countValue(s.values, text);
  if (s.distinct !== null) hllAdd(s.distinct, text);
  else if (left !== undefined) s.distinct = sketchOf(left.keys());
  countValue(s.shapes, shape(text));
  const length = codePoints(text);
  if (length < s.minLength) s.minLength = length;
  if (length > s.maxLength) s.maxLength = length;
  // Every candidate but boolean needs a digit, and none reads long text; a date has a separator and 6–10
  // characters, a date-time at least 10: skip the parsers that cannot read the value (they cost most of a profile).
  const typed = typeof raw !== 'string';
  const numeric = typed || (text.length <= 40 && /\d/.test(text));
  const mayBeDate = typed || (text.length >= 6 && text.length <= 10 && /[/.-]/.test(text));
  let readAsDate = false;
  for (let i = 0; i < TYPE_CANDIDATES.length; i++) {
    const c = TYPE_CANDIDATES[i] as (typeof TYPE_CANDIDATES)[number];
    if (!numeric && c.id !== 'boolean') continue;
    if (!mayBeDate && c.id.startsWith('date:')) continue;
    if (!typed && c.id === 'datetime' && text.length < 10) continue;
    const v = candidateValue(c, raw);
    if (v === undefined) continue;
    if (c.id.startsWith('date:')) readAsDate = true;
    const t = s.types[i] as CandidateTally;
    t.n++;
    if (v < t.min) t.min = v;
    if (v > t.max) t.max = v;
  }
  // A date with a two-digit year (`29/11/19`), or with spaces around it (`29/11/2019 `, an NBSP from a web page), is
  // no date any format reads (a century would be a guess; nothing is trimmed), but as text its column would be checked
  // for nothing: counted as dated, it stays a date column whose type rule reports it.
  const trimmed = text.trim();
  if (readAsDate || (!typed && (twoDigitYear(trimmed) || (trimmed !== text && readsAsDate(trimmed))))) s.dated++;
  if (/^[+-]?0\d/.test(text)) s.leadingZeros++;
  if (trimmed !== text) s.padded++;
  const hits = recognise(trimmed, ctx);
  for (let i = 0; i < hits.length; i++) if (hits[i] === true) (s.recognised[i] as number)++;
  if (hits[NAME] === true || personalValue(trimmed)) s.personalValues++;
  // `001 089 012345`: a CCCD written untidily. Counted apart, so that the suggestion names the rule, which reports it.
  // Round amounts (1000000000) also read as a CCCD padded; an ID ends in 000 once in a thousand.
  if (/^[1-9]\d{9,10}$/.test(trimmed) && !trimmed.endsWith('000') && recognise(trimmed.padStart(12, '0'), ctx)[CCCD] === true) {
    s.strippedIds++;
    (s.grouped[CCCD] as number)++;
  }
  const digits = groupedDigits(trimmed);
  if (digits !== undefined) {
    const joined = recognise(digits, ctx);
    for (let i = 0; i < joined.length; i++) if (joined[i] === true && hits[i] !== true) (s.grouped[i] as number)++;
  }
  if (numeric && !typed) {
    if (/^\d+$/.test(trimmed)) s.digitsOnly++;
    else if (trimmed.length <= 26 && (scientificIdentifier(trimmed)?.digits ?? 0) >= 9) s.scientific++;
  }
  const signs = textSigns(text);
  if (signs.legacy) s.legacy++;
  if (signs.nfd) s.nfd++;
}

/**
 * The state of both inputs' cells together (a new state; the inputs are not changed). Exact parts stay exact when
 * the union is within the bounds, so merging the states of two halves of a file gives the state of the whole.
 * @example mergeColumns(first, second).cells === first.cells + second.cells // true
 */
export function mergeColumns(a: ColumnState, b: ColumnState): ColumnState {
  const values = mergeCounts(a.values, b.values);
  return {
    name: a.name, occurrence: a.occurrence, cells: a.cells + b.cells, missing: a.missing + b.missing, placeholders: a.placeholders + b.placeholders,
    values, distinct: values.exact ? null : hllMerge(sketch(a), sketch(b)), shapes: mergeCounts(a.shapes, b.shapes),
    minLength: Math.min(a.minLength, b.minLength), maxLength: Math.max(a.maxLength, b.maxLength),
    types: a.types.map((t, i) => {
      const u = b.types[i] as CandidateTally;
      return { n: t.n + u.n, min: Math.min(t.min, u.min), max: Math.max(t.max, u.max) };
    }),
    leadingZeros: a.leadingZeros + b.leadingZeros, padded: a.padded + b.padded,
    recognised: a.recognised.map((n, i) => n + (b.recognised[i] as number)),
    grouped: a.grouped.map((n, i) => n + (b.grouped[i] as number)),
    legacy: a.legacy + b.legacy, nfd: a.nfd + b.nfd, personalValues: a.personalValues + b.personalValues, strippedIds: a.strippedIds + b.strippedIds, dated: a.dated + b.dated,
    scientific: a.scientific + b.scientific, digitsOnly: a.digitsOnly + b.digitsOnly,
  };
}

/** A column's distinct-count sketch: its own, or (while its values are exact) one made of them. */
function sketch(s: ColumnState): Hll {
  return s.distinct ?? sketchOf(s.values.counts.keys());
}

/** The sketch of some values. */
function sketchOf(values: Iterable<string>): Hll {
  const h = hll();
  for (const v of values) hllAdd(h, v);
  return h;
}

/** A cell as text: strings as they are, other JSON and workbook values in their usual written form. */
function cellText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString();
  if (typeof raw === 'object') return JSON.stringify(raw);
  return String(raw as string | number | boolean | bigint);
}

// Where the name recogniser's flag is in `recognise`'s answer.
const NAME = RECOGNISERS.indexOf('personName');
const CCCD = RECOGNISERS.indexOf('cccd');

/** Whether some date candidate reads a text (a padded value once trimmed: rare, so not worth a faster path). */
function readsAsDate(text: string): boolean {
  return TYPE_CANDIDATES.some((c) => c.id.startsWith('date:') && candidateValue(c, text) !== undefined);
}

/** Characters (code points) of a text, without building an array of them. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
