/**
 * Runs a Great Expectations case (`_gx.ts`) through ddss's public API: its dataset becomes rows and fields, its
 * expectation and kwargs the equivalent ddss rule, and the report the outcome compared with GX's.
 */
import { defineDataset, field, rule, validate } from 'ddss';
import type { DatasetDefinition, FieldSpec, RuleOptions, TypedRow } from 'ddss';
import type { GxCase, Json, View } from './_gx.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

// Kwargs that shape only what GX returns or how it reports an exception, never which rows fail: `result_format`
// (how much of the result) and `catch_exceptions` (return an exception instead of raising).
const SHAPE_ONLY = new Set(['result_format', 'catch_exceptions']);

/**
 * GX's pandas row conditions, as `when` predicates of the typed row: a row the condition does not select is not
 * checked, as GX filters the frame before the expectation. Written out, one per condition in the fixtures, since
 * ddss has no pandas query parser; a condition not here throws, so a new one is never read as "every row".
 */
const ROW_CONDITIONS: Readonly<Record<string, (row: TypedRow) => boolean>> = {
  // `x` holds integers: pandas finds 1 ≠ "1", so no row is selected.
  'x == "1"': (r) => r.x === '1',
  'x == 1': (r) => r.x === 1,
  // `y` is an object column (1…9 and "abc"): pandas compares each value as it is.
  'y == "abc"': (r) => r.y === 'abc',
  'y == 9': (r) => r.y === 9,
  's4 == 5': (r) => r.s4 === 5,
  's4 == 4': (r) => r.s4 === 4,
  '(equal_length_integer == 5) & (equal_length_string == "e")': (r) => r.equal_length_integer === 5 && r.equal_length_string === 'e',
  '(equal_length_integer == 4) & (equal_length_string == "d")': (r) => r.equal_length_integer === 4 && r.equal_length_string === 'd',
  // pandas' query gives `&` the precedence of `and`: (x != 1) & (w != 6); a missing w is "not 6" (NaN != 6).
  'x!=1 & w!=6': (r) => r.x !== 1 && r.w !== 6,
};

interface Built {
  readonly def: DatasetDefinition;
  readonly rows: readonly Record<string, Json>[];
  /** The ids of the rules the expectation became. */
  readonly ruleIds: readonly string[];
}

/** The case as a ddss dataset, its rows, and the ids of the rules that stand for the expectation. */
export function build(c: GxCase): Built {
  const kw = { ...c.test.in };
  const take = (k: string): Json | undefined => {
    const v = kw[k];
    delete kw[k];
    return v;
  };
  for (const k of SHAPE_ONLY) take(k);
  // ROW_CONDITIONS read conditions as pandas' query does; a condition in another language would need its own.
  const parser = take('condition_parser');
  if (parser !== undefined && parser !== 'pandas') throw new Error(`${c.id}: condition_parser ${String(parser)}`);
  const options = ruleOptions(take('mostly'), take('row_condition'));
  const fields: Record<string, FieldSpec> = {};
  for (const [name, values] of Object.entries(c.data)) fields[name] = typed(values);
  const col = c.test.in.column;
  const ids: string[] = [];
  const on = (name: string, add: (spec: FieldSpec) => FieldSpec) => {
    if (typeof col !== 'string') throw new Error(`${c.id}: no column`);
    take('column');
    fields[col] = add(fields[col] as FieldSpec);
    ids.push(`${col}.${name}`);
  };
  const tableRules: ReturnType<typeof rule.rowCount | typeof rule.uniqueBy>[] = [];
  const bound = (k: string): number | undefined => {
    const v = take(k);
    if (v !== null && v !== undefined && typeof v !== 'number') throw new Error(`${c.id}: ${k} is not a number`);
    return v ?? undefined;
  };
  switch (c.expectation) {
    case 'expect_column_values_to_not_be_null': on('required', (f) => f.required(options)); break;
    case 'expect_column_values_to_be_in_set': on('oneOf', (f) => f.oneOf(list(take('value_set')), options)); break;
    case 'expect_column_values_to_not_be_in_set': on('notOneOf', (f) => f.notOneOf(list(take('value_set')), options)); break;
    case 'expect_column_values_to_be_between': {
      const lo = bound('min_value');
      const hi = bound('max_value');
      const strictMin = take('strict_min') === true;
      const strictMax = take('strict_max') === true;
      if (lo !== undefined) on('min', (f) => f.min(lo, { ...options, exclusive: strictMin }));
      if (hi !== undefined) on('max', (f) => f.max(hi, { ...options, exclusive: strictMax }));
      break;
    }
    case 'expect_column_value_lengths_to_be_between': {
      const lo = bound('min_value');
      const hi = bound('max_value');
      on('length', (f) => f.length({ ...(lo === undefined ? {} : { min: lo }), ...(hi === undefined ? {} : { max: hi }) }, options));
      break;
    }
    case 'expect_column_value_lengths_to_equal': {
      const n = bound('value');
      on('length', (f) => f.length({ ...(n === undefined ? {} : { min: n, max: n }) }, options));
      break;
    }
    case 'expect_column_values_to_match_regex': {
      const re = regex(take('regex'));
      on('pattern', (f) => f.pattern(re, options));
      break;
    }
    case 'expect_column_values_to_not_match_regex': {
      const re = regex(take('regex'));
      on('notPattern', (f) => f.notPattern(re, options));
      break;
    }
    case 'expect_column_values_to_be_unique': on('unique', (f) => f.unique(options)); break;
    case 'expect_compound_columns_to_be_unique': {
      const cols = list(take('column_list')).map(String);
      const ignore = take('ignore_row_if');
      // ddss skips a row when any key part is missing (GX's `any_value_is_missing`); GX's default skips it only when
      // all are. No fixture's data tells the two apart (see the fixtures README).
      if (ignore !== undefined && ignore !== 'any_value_is_missing') throw new Error(`${c.id}: ignore_row_if ${String(ignore)}`);
      tableRules.push(rule.uniqueBy(cols, options));
      ids.push(`${cols.join('+')}.unique`);
      break;
    }
    case 'expect_table_row_count_to_be_between': {
      const lo = bound('min_value');
      const hi = bound('max_value');
      tableRules.push(rule.rowCount({ ...(lo === undefined ? {} : { min: lo }), ...(hi === undefined ? {} : { max: hi }) }, options));
      ids.push('rowCount');
      break;
    }
    default: throw new Error(`${c.id}: no ddss rule for ${c.expectation}`);
  }
  // A kwarg read by nothing above would be silently ignored: refuse it, so a new GX kwarg is looked at.
  const left = Object.keys(kw);
  if (left.length > 0) throw new Error(`${c.id}: kwargs with no ddss meaning: ${left.join(', ')}`);
  return { def: defineDataset({ name: 'gx', fields, rules: tableRules }), rows: rowsOf(c.data), ruleIds: ids };
}

function ruleOptions(mostly: Json | undefined, condition: Json | undefined): RuleOptions {
  if (mostly !== undefined && typeof mostly !== 'number') throw new Error(`mostly ${String(mostly)} is not a number`);
  if (condition !== undefined && typeof condition !== 'string') throw new Error('row_condition is not text');
  const when = condition === undefined ? undefined : ROW_CONDITIONS[condition];
  if (condition !== undefined && when === undefined) throw new Error(`no predicate for the row condition ${condition}`);
  return { ...(mostly === undefined ? {} : { threshold: mostly }), ...(when === undefined ? {} : { when }) };
}

/**
 * A column's ddss type, as pandas infers a dtype from the values: numbers only → number, text only (or nothing but
 * nulls) → text, a mix → any (pandas' object column; ddss keeps each value as given).
 */
function typed(values: readonly Json[]): FieldSpec {
  const kinds = new Set(values.filter((v) => v !== null).map((v) => typeof v));
  if (kinds.size === 1 && kinds.has('number')) return field.number();
  if (kinds.size === 0 || (kinds.size === 1 && kinds.has('string'))) return field.text();
  return field.any();
}

function rowsOf(data: GxCase['data']): Record<string, Json>[] {
  const n = Math.max(0, ...Object.values(data).map((v) => v.length));
  return Array.from({ length: n }, (_, i) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v[i] ?? null])));
}

function list(v: Json | undefined): readonly Json[] {
  if (!Array.isArray(v)) throw new Error(`not a list: ${JSON.stringify(v)}`);
  return v;
}

// Python's re.search and JavaScript's RegExp#test agree on the fixtures' patterns (anchors, classes, {n}).
function regex(v: Json | undefined): RegExp {
  if (typeof v !== 'string') throw new Error(`regex ${JSON.stringify(v)} is not text`);
  return new RegExp(v);
}

/** What ddss makes of a case, in GX's terms (`View`): the outcome of its rules, or the refusal of its definition. */
export async function runCase(c: GxCase): Promise<View> {
  let b: Built;
  try {
    b = build(c);
  } catch (e) {
    // Only ddss's own refusals are outcomes; anything else is this harness failing to read the case.
    if (e instanceof Error && e.message.startsWith('ddss: ')) return { status: 'refused', error: e.message };
    throw e;
  }
  const report = await validate(b.def, b.rows, { now: NOW });
  const results = b.ruleIds.map((id) => {
    const r = report.rules.find((x) => x.id === id);
    if (r === undefined) throw new Error(`${c.id}: no rule ${id} in ${report.rules.map((x) => x.id).join(', ')}`);
    return r;
  });
  // The columns are typed as their values are, so no other rule (a type check, the source's) may find anything.
  const others = report.rules.filter((r) => !b.ruleIds.includes(r.id) && r.failed > 0).map((r) => r.id);
  if (others.length > 0) throw new Error(`${c.id}: rules besides the expectation failed: ${others.join(', ')}`);
  // Every failing row once (between is two rules, min and max), with the value its first finding shows.
  const byRow = new Map<number, string | undefined>();
  for (const r of results) for (const s of r.samples) if (s.row !== undefined && !byRow.has(s.row)) byRow.set(s.row, s.value);
  const rows = [...byRow.keys()].sort((x, y) => x - y);
  const statuses = new Set(results.map((r) => r.status));
  const status = statuses.has('error') ? 'error' : statuses.has('failed') ? 'failed'
    : statuses.size === 1 && statuses.has('skipped') ? 'skipped' : 'passed';
  return {
    status,
    rows,
    values: rows.map((r) => byRow.get(r)),
    checked: Math.max(...results.map((r) => r.checked)),
    // One rule counts its failures itself (rowCount names no rows); min and max together fail their rows' union.
    failed: results.length === 1 ? (results[0] as (typeof results)[0]).failed : rows.length,
    rowsRead: report.rows,
  };
}

/** `view` cut to the keys `like` has (GX states most outcomes only in part), so the two compare with toEqual. */
export function cut(view: View, like: View): View {
  const keys = new Set([...Object.keys(like), ...(view.status === 'refused' ? ['error'] : [])]);
  return Object.fromEntries(Object.entries(view).filter(([k]) => keys.has(k))) as unknown as View;
}
